// "Budget never exceeded": replay every request of a cold load plus warm refreshes of two symbols on
// all four exchanges, and check each exchange's rules over every sliding window, and that the budgets
// themselves sit below the published limits (docs/exchange-apis.md §0).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Exchange } from '../../src/engine/types';
import { EXCHANGES } from '../../src/sites';
import { binanceWeight, BINANCE_PROFILE } from '../../src/sites/binance/api';
import { BITGET_PROFILE } from '../../src/sites/bitget/api';
import { BYBIT_PROFILE } from '../../src/sites/bybit/api';
import { OKX_PROFILE } from '../../src/sites/okx/api';
import type { ExchangeProfile } from '../../src/sites/shared/fetcher';
import { BTC_WATCH, makeHub, preloadHandlers, recordingAnalyze, settle, settleAll, useClock } from './harness';

beforeEach(async () => {
  await preloadHandlers();
  fakeBrowser.reset();
  useClock();
});
afterEach(async () => {
  await settleAll();
  vi.useRealTimers();
});

const PROFILES: Record<Exchange, ExchangeProfile> = { binance: BINANCE_PROFILE, bybit: BYBIT_PROFILE, okx: OKX_PROFILE, bitget: BITGET_PROFILE };

describe('request budget', () => {
  it('budgets sit below the published limits', () => {
    const rule = (p: ExchangeProfile, name: string) => p.rules.find((r) => r.name === name)!;
    expect(rule(BINANCE_PROFILE, 'weight-1m').max).toBeLessThan(2400); // weight / min / IP
    expect(rule(BINANCE_PROFILE, 'futures-data-5m').max).toBeLessThan(1000); // futures/data per 5 min
    expect(rule(BYBIT_PROFILE, 'requests-5s').max).toBeLessThan(600); // per 5 s / IP
    expect(rule(OKX_PROFILE, 'requests-2s').max).toBeLessThan(20); // per 2 s per endpoint
    expect(rule(OKX_PROFILE, 'rubik-2s').max).toBeLessThan(5); // rubik per 2 s
    expect(rule(BITGET_PROFILE, 'requests-1s').max).toBeLessThan(20); // market per s
    expect(rule(BITGET_PROFILE, 'stats-2s').max / 2).toBeLessThan(1); // long/short: 1 per s
  });

  it('is never exceeded over cold loads and warm refreshes of two symbols on four exchanges', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    await h.hub.watch(1, BTC_WATCH);
    await h.hub.watch(2, { ...BTC_WATCH, symbol: 'ETHUSDT' });
    await settle(Promise.all([h.hub.refreshSymbol('BTCUSDT'), h.hub.refreshSymbol('ETHUSDT')]));
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(60_000);
      await settle(h.hub.onAlarm());
    }
    expect(h.ff.log.length).toBeGreaterThan(150);
    for (const ex of EXCHANGES) {
      const reqs = h.ff.log
        .filter((l) => l.exchange === ex)
        .map((l) => {
          const u = new URL(l.url);
          const query = Object.fromEntries(u.searchParams);
          return { t: l.t, path: u.pathname, weight: ex === 'binance' ? binanceWeight(u.pathname, query) : 1 };
        });
      for (const rule of PROFILES[ex].rules) {
        for (const r of reqs) {
          // A per-endpoint rule counts each endpoint on its own (OKX rubik, Bitget statistics).
          const used = reqs.filter((q) => q.t > r.t - rule.windowMs && q.t <= r.t && (!rule.perEndpoint || q.path === r.path)).reduce((sum, q) => sum + rule.cost(q.path, q.weight), 0);
          expect(used, `${ex} ${rule.name} at ${r.t}`).toBeLessThanOrEqual(rule.max);
        }
      }
    }
  });
});
