/**
 * Requests and Binance weight per cold load (7 days of 5m bars), per warm refresh (60 s later) and per
 * warm refresh after a 5-minute period closed (long/short statistics due: the worst case), per exchange, against the fixture handlers in-process (no network). Budget waits run on a virtual
 * clock, reported as `<ex>_cold_wait_s`: how long the request budget stretches a cold load.
 * `<ex>_peak_<rule>` is the highest use of each budget rule over any sliding window, per endpoint for a
 * per-endpoint rule (budget beside it;
 * the budgets sit below the published limits, see each api.ts). docs/design.md §11: warm refresh ≤ 8 requests.
 */
import { type Exchange } from '../../src/engine/types';
import { EXCHANGES, createSources } from '../../src/sites';
import { binanceWeight } from '../../src/sites/binance/api';
import { fixtureFetch, preloadHandlers } from '../sites/shared/fixture-fetch';

const WEEK_MS = 7 * 86_400_000;

export async function run(): Promise<Record<string, number>> {
  await preloadHandlers();
  const out: Record<string, number> = {};
  let clock = Date.UTC(2026, 10, 24, 12);
  const now = () => clock;
  const ff = fixtureFetch({ now });
  const sources = createSources({
    fetch: ff.fetch,
    now,
    sleep: async (ms) => {
      clock += ms;
    },
  });
  let worstWarm = 0;
  for (const ex of EXCHANGES) {
    const src = sources[ex];
    const t0 = clock;
    const cold = await src.load({ symbol: 'BTCUSDT', now: clock, windowMs: WEEK_MS, prev: null });
    out[`${ex}_cold_requests`] = src.fetcher.stats.requests;
    if (ex === 'binance') out.binance_cold_weight = src.fetcher.stats.weight;
    out[`${ex}_cold_wait_s`] = Math.round((clock - t0) / 100) / 10;
    src.fetcher.resetStats();
    clock += 60_000;
    const warm = await src.load({ symbol: 'BTCUSDT', now: clock, windowMs: WEEK_MS, prev: cold });
    out[`${ex}_warm_requests`] = src.fetcher.stats.requests;
    if (ex === 'binance') out.binance_warm_weight = src.fetcher.stats.weight;
    worstWarm = Math.max(worstWarm, src.fetcher.stats.requests);
    // The worst warm refresh: a statistics period has closed, so the long/short request is due too.
    src.fetcher.resetStats();
    clock += 600_000;
    await src.load({ symbol: 'BTCUSDT', now: clock, windowMs: WEEK_MS, prev: warm });
    out[`${ex}_warm_new_period_requests`] = src.fetcher.stats.requests;
    if (ex === 'binance') out.binance_warm_new_period_weight = src.fetcher.stats.weight;
    worstWarm = Math.max(worstWarm, src.fetcher.stats.requests);
  }
  // Peak use of each budget rule over any of its sliding windows, across all the loads above.
  for (const ex of EXCHANGES) {
    const reqs = ff.log
      .filter((l) => l.exchange === ex)
      .map((l) => {
        const u = new URL(l.url);
        return { t: l.t, path: u.pathname, weight: ex === 'binance' ? binanceWeight(u.pathname, Object.fromEntries(u.searchParams)) : 1 };
      });
    for (const rule of sources[ex as Exchange].fetcher.budget.rules) {
      let peak = 0;
      for (const r of reqs) peak = Math.max(peak, reqs.filter((q) => q.t > r.t - rule.windowMs && q.t <= r.t && (!rule.perEndpoint || q.path === r.path)).reduce((sum, q) => sum + rule.cost(q.path, q.weight), 0));
      out[`${ex}_peak_${rule.name}`] = peak;
      out[`${ex}_budget_${rule.name}`] = rule.max;
    }
  }
  out.warm_requests_max = worstWarm;
  out.warm_requests_budget = 8;
  return out;
}
