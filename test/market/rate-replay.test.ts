// "Rate limits that hold in every window" (issue 17, item 5): cold loads of 2 and 10 symbols on the four
// exchanges through the real fetchers and budgets, with seeded per-request network delays, and every
// sliding window of *arrivals* checked against the published limits; also across a service-worker
// restart in the middle of a load.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Exchange } from '../../src/engine/types';
import { restoreBackoffs, saveBackoffs } from '../../src/market/backoff-store';
import { MetaStore } from '../../src/market/meta';
import type { StorageArea } from '../../src/market/store';
import { EXCHANGES } from '../../src/sites';
import { breaches, coldLoad, network, run, symbolsFor, workerSources, type Arrival } from './rate-replay';
import { BTC_WATCH, drain, makeHub, preloadHandlers, recordingAnalyze, settle, settleAll, START } from './harness';
import { fixtureFetch } from '../sites/shared/fixture-fetch';

beforeEach(async () => {
  await preloadHandlers();
  fakeBrowser.reset();
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(async () => {
  await settleAll();
  vi.useRealTimers();
});

/** Cold-load times (simulated ms) per exchange and symbol count, printed with REPLAY_FIGURES=1. */
const figures: string[] = [];
afterEach(() => {
  if (process.env.REPLAY_FIGURES && figures.length) console.log(figures.splice(0).join('\n'));
});

/** Seeded networks per case: 3 in the suite; REPLAY_SEEDS=30 for a longer run. */
const SEEDS = Array.from({ length: Number(process.env.REPLAY_SEEDS) || 3 }, (_, i) => i + 1);

describe('sliding-window replay of cold loads', () => {
  for (const n of [2, 10]) {
    for (const ex of EXCHANGES) {
      it(`${ex}: ${n} symbols, ${SEEDS.length} seeded networks: every window of arrivals within the published limits`, async () => {
        const syms = symbolsFor(n);
        for (const seed of SEEDS) {
          const net = network(seed * 1000 + n, syms);
          const load = coldLoad(workerSources(net)[ex], syms.map((s) => s.symbol));
          const ms = await run(load.done);
          figures.push(`${ex} ${n} symbols seed ${seed}: cold load ${(ms / 1000).toFixed(1)} s, ${net.arrivals[ex].length} requests`);
          expect(net.arrivals[ex].length).toBeGreaterThan(n * 4);
          expect.soft(breaches(ex, net.arrivals[ex]), `seed ${seed}`).toEqual([]);
        }
      });
    }
  }
});

describe('across a service-worker restart mid-load', () => {
  const cases: { ex: Exchange; stopAfterMs: number }[] = [
    { ex: 'okx', stopAfterMs: 1_500 },
    { ex: 'okx', stopAfterMs: 4_000 },
    { ex: 'bitget', stopAfterMs: 1_200 },
    { ex: 'binance', stopAfterMs: 1_000 },
    { ex: 'bybit', stopAfterMs: 1_000 },
  ];
  for (const { ex, stopAfterMs } of cases) {
    it(`${ex}: a worker stopped ${stopAfterMs} ms into a cold load of 2 symbols, a fresh one loading at once: every window holds`, async () => {
      const syms = symbolsFor(2);
      for (const seed of SEEDS) {
        const arrivals: Record<Exchange, Arrival[]> = { binance: [], bybit: [], okx: [], bitget: [] };
        const first = network(seed, syms, arrivals);
        const a = coldLoad(workerSources(first)[ex], syms.map((s) => s.symbol));
        a.done.catch(() => {}); // its requests fail once it is stopped
        await vi.advanceTimersByTimeAsync(stopAfterMs);
        first.stop();
        // The new worker knows nothing of the old one's requests (nothing was persisted yet).
        const second = network(seed + 100, syms, arrivals);
        await run(coldLoad(workerSources(second)[ex], syms.map((s) => s.symbol)).done);
        expect.soft(breaches(ex, arrivals[ex]), `seed ${seed}`).toEqual([]);
      }
    });
  }

  it('the budget is persisted with the back-offs and restored by the next worker (clamped when tampered)', async () => {
    const syms = symbolsFor(2);
    const meta = new MetaStore(fakeBrowser.storage.local as unknown as StorageArea);
    const net = network(7, syms);
    const sources = workerSources(net);
    await run(coldLoad(sources.okx, ['BTCUSDT']).done);
    await saveBackoffs(meta, sources);
    const before = sources.okx.fetcher.budget.usage('requests-2s');
    expect(before).toBeGreaterThan(0);

    const next = workerSources(network(8, syms));
    expect(next.okx.fetcher.budget.usage('requests-2s')).toBe(0);
    await restoreBackoffs(meta, next);
    expect(next.okx.fetcher.budget.usage('requests-2s')).toBe(before);

    // Tampered: an entry ending in a year, a huge cost. It holds one window past the request timeout at most.
    const key = 'market-meta:budget';
    const stored = (await fakeBrowser.storage.local.get(key))[key] as Record<string, { entries: { end: number; costs: number[] }[] }>;
    stored.okx!.entries = [{ ...stored.okx!.entries[0]!, end: Date.now() + 365 * 86_400_000, costs: [1e9, 1e9] }];
    await fakeBrowser.storage.local.set({ [key]: stored });
    const third = workerSources(network(9, syms));
    await restoreBackoffs(meta, third);
    expect(third.okx.fetcher.budget.usage('requests-2s')).toBe(10);
    expect(third.okx.fetcher.budget.waitMs('/api/v5/market/candles', 1)).toBeLessThanOrEqual(10_000 + 2_000);
    // Garbage reads as absent: no crash, nothing restored.
    await fakeBrowser.storage.local.set({ [key]: { okx: { entries: 'x' } } });
    const fourth = workerSources(network(10, syms));
    await restoreBackoffs(meta, fourth);
    expect(fourth.okx.fetcher.budget.usage('requests-2s')).toBe(0);
  });
});

describe('a rate-limit code in an HTTP 200 body, as the trader sees it', () => {
  it('OKX code 50011 with HTTP 200: OKX stale, "rate limit (code 50011), retrying in 30 s", nothing sent to OKX meanwhile, then recovers', async () => {
    const ff = fixtureFetch({ now: () => Date.now() });
    let limited = false;
    const fetch = async (url: string) => {
      if (limited && url.startsWith('https://www.okx.com/')) {
        ff.log.push({ exchange: 'okx', url, t: Date.now() });
        return new Response(JSON.stringify({ code: '50011', msg: 'Rate limit reached.', data: [] }), { status: 200 });
      }
      return ff.fetch(url);
    };
    const h = makeHub({ analyze: recordingAnalyze().spy, ff, fetch });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h, 120_000);
    await vi.advanceTimersByTimeAsync(60_000);
    limited = true;
    await settle(h.hub.onAlarm());
    const view = h.pushes.at(-1)!.view;
    expect(view.health.okx).toMatchObject({ state: 'stale' });
    expect(view.health.okx!.reason).toMatch(/rate limit \(code 50011\), retrying in 30 s/);
    expect(view.state).toBe('partial');
    const answered = h.ff.log.filter((l) => l.exchange === 'okx').at(-1)!.t;
    expect(h.deps.sources.okx.fetcher.blockedUntil).toBe(answered + 30_000);
    const sent = h.requests('okx');
    await vi.advanceTimersByTimeAsync(20_000);
    await settle(h.hub.onAlarm());
    expect(h.requests('okx')).toBe(sent);
    limited = false;
    await vi.advanceTimersByTimeAsync(60_000);
    await settle(h.hub.onAlarm());
    expect(h.requests('okx')).toBeGreaterThan(sent);
    expect(h.pushes.at(-1)!.view.health.okx).toMatchObject({ state: 'ok' });
  });
});
