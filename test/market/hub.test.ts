import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RETRY_MS } from '../../src/market/hub';
import { fixtureFetch } from '../sites/shared/fixture-fetch';
import { BTC_WATCH, drain, makeHub, preloadHandlers, recordingAnalyze, settle, settleAll, START, useClock } from './harness';

beforeEach(async () => {
  await preloadHandlers();
  fakeBrowser.reset();
  useClock();
});
afterEach(async () => {
  await settleAll();
  vi.useRealTimers();
});

const BAR = 300_000;
const currentBar = (t: number) => Math.floor(t / BAR) * BAR;

describe('cold load and watch', () => {
  it('a first watch answers "loading", then pushes the aggregated view of all four exchanges', async () => {
    const rec = recordingAnalyze();
    const h = makeHub({ analyze: rec.spy });
    const first = await h.hub.watch(7, BTC_WATCH);
    expect(first.state).toBe('loading');
    expect(first.analysis).toBeNull();
    await drain(h);
    const last = h.pushes.filter((p) => p.tabId === 7).at(-1)!.view;
    expect(last.state).toBe('ok');
    expect(rec.calls.at(-1)!.series.map((s) => s.exchange).sort()).toEqual(['binance', 'bitget', 'bybit', 'okx']);
    // Bitget has no OI history: its share is marked partial with the coverage so far.
    expect(last.health.bitget).toMatchObject({ state: 'partial' });
    expect(last.health.bitget!.reason).toMatch(/polled/);
    expect(last.asOf).toBe(currentBar(Date.now()));
    // 7 days of 5m bars: 2016 bars back from the window start plus the current bar.
    for (const s of rec.calls.at(-1)!.series) expect(s.candles).toHaveLength(2017);
  });

  it('the view carries the page exchange\'s contract value once its instrument is loaded (OKX ctVal 0.01 BTC)', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    const first = await h.hub.watch(7, { ...BTC_WATCH, exchange: 'okx' });
    expect(first.contract).toBeUndefined();
    await drain(h);
    expect(h.pushes.filter((p) => p.tabId === 7).at(-1)!.view.contract).toEqual({ exchangeSymbol: 'BTC-USDT-SWAP', coinPerContract: 0.01 });
    const binance = await h.hub.watch(8, BTC_WATCH);
    expect(binance.contract).toEqual({ exchangeSymbol: 'BTCUSDT', coinPerContract: 1 });
  });

  it('the refresh alarm starts at settings.refreshSec (never below 60 s)', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy, settings: { refreshSec: 30 } });
    await h.hub.watch(1, BTC_WATCH);
    expect(h.scheduler.start).toHaveBeenCalledWith(60);
  });
});

describe('de-duplication', () => {
  it('two tabs watching the same symbol at once cause one cold load per exchange', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    await Promise.all([h.hub.watch(1, BTC_WATCH), h.hub.watch(2, { ...BTC_WATCH, exchange: 'okx' })]);
    await drain(h);
    // One exchangeInfo (instrument lookup) and one premiumIndex for Binance, one instruments for OKX.
    expect(h.requests('binance', '/fapi/v1/exchangeInfo')).toBe(1);
    expect(h.requests('binance', '/fapi/v1/premiumIndex')).toBe(1);
    expect(h.requests('okx', '/public/instruments')).toBe(1);
    expect(h.pushes.some((p) => p.tabId === 1) && h.pushes.some((p) => p.tabId === 2)).toBe(true);
  });
});

describe('incremental refresh', () => {
  it('a warm refresh fetches only what is new, ≤ 8 requests per exchange, window kept at 7 days', async () => {
    const rec = recordingAnalyze();
    const h = makeHub({ analyze: rec.spy });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    const lastBar = currentBar(Date.now());
    h.ff.log.length = 0;
    await vi.advanceTimersByTimeAsync(5 * 60_000); // one new bar
    await settle(h.hub.onAlarm());
    for (const ex of ['binance', 'bybit', 'okx', 'bitget'] as const) {
      expect(h.requests(ex)).toBeGreaterThan(0);
      expect(h.requests(ex)).toBeLessThanOrEqual(8);
    }
    // Binance klines resume at the newest bar held (it was still open), not the window start.
    const kl = h.ff.log.find((l) => l.url.includes('/fapi/v1/klines'))!;
    expect(new URL(kl.url).searchParams.get('startTime')).toBe(String(lastBar));
    const series = rec.calls.at(-1)!.series;
    for (const s of series) {
      expect(s.candles).toHaveLength(2017);
      expect(s.candles.at(-1)!.t).toBe(currentBar(Date.now()));
    }
    // Bitget's polled OI grows by one poll per refresh.
    expect(series.find((s) => s.exchange === 'bitget')!.openInterest).toHaveLength(2);
  });

  it('refreshes at most every refreshSec: an early second alarm fetches nothing', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    h.ff.log.length = 0;
    await vi.advanceTimersByTimeAsync(20_000);
    await settle(h.hub.onAlarm());
    expect(h.ff.log).toHaveLength(0);
  });

  it('pauses when the last tab stops watching; an alarm then fetches nothing', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    await h.hub.unwatch(1);
    expect(h.scheduler.stop).toHaveBeenCalled();
    h.ff.log.length = 0;
    await vi.advanceTimersByTimeAsync(120_000);
    await settle(h.hub.onAlarm());
    expect(h.ff.log).toHaveLength(0);
  });

  it('a tab that is gone (push rejected) stops being refreshed', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    h.deps.push = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    expect(h.hub.marketOfTab(1)).toBeNull();
  });
});

describe('back-off and failures', () => {
  it('HTTP 429 with Retry-After: 2 → stale with a named reason, no request until it passed, then recovers', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    await vi.advanceTimersByTimeAsync(60_000);
    h.ff.scenario.binance = '429';
    await settle(h.hub.onAlarm());
    const view = h.pushes.at(-1)!.view;
    expect(view.health.binance).toMatchObject({ state: 'stale' });
    expect(view.health.binance!.reason).toMatch(/HTTP 429 rate limit, retrying in 2 s/);
    expect(view.state).toBe('partial');
    // Retry-After 2 s is honoured by the client: blocked until 2 s after the 429, nothing sent meanwhile.
    const answered = h.ff.log.filter((l) => l.exchange === 'binance').at(-1)!.t;
    expect(h.deps.sources.binance.fetcher.blockedUntil).toBe(answered + 2_000);
    expect(h.ff.log.filter((l) => l.exchange === 'binance' && l.t > answered && l.t < answered + 2_000)).toEqual([]);
    h.ff.scenario.binance = 'normal';
    const before = h.requests('binance');
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await settle(h.hub.onAlarm());
    expect(h.requests('binance')).toBeGreaterThan(before);
    expect(h.pushes.at(-1)!.view.health.binance).toMatchObject({ state: 'ok' });
    expect(h.pushes.at(-1)!.view.state).toBe('ok');
  });

  it('Bybit 403 without Retry-After backs off at least 10 minutes', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy, scenario: { bybit: '403' } });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    const answeredAt = h.ff.log.find((l) => l.exchange === 'bybit')!.t;
    expect(h.deps.sources.bybit.fetcher.blockedUntil - answeredAt).toBeGreaterThanOrEqual(600_000);
    // Nothing more went to Bybit after the 403 answers of the first parallel batch.
    const n = h.requests('bybit');
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await settle(h.hub.onAlarm());
    expect(h.requests('bybit')).toBe(n);
    expect(h.hub.health('bybit', 'BTCUSDT')).toMatchObject({ state: 'error' });
    expect(h.hub.health('bybit', 'BTCUSDT').reason).toMatch(/HTTP 403/);
  });

  it('one exchange failing (500) → partial aggregate of the others, the failure named', async () => {
    const rec = recordingAnalyze();
    const h = makeHub({ analyze: rec.spy, scenario: { okx: '500' } });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    const view = h.pushes.at(-1)!.view;
    expect(view.state).toBe('partial');
    expect(view.reason).toMatch(/okx: HTTP 500/);
    expect(view.analysis).not.toBeNull();
    expect(rec.calls.at(-1)!.series.map((s) => s.exchange).sort()).toEqual(['binance', 'bitget', 'bybit']);
  });

  it('malformed JSON and a slow answer (timeout) are named states', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy, scenario: { bybit: 'malformed', okx: 'slow' } });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h, 120_000);
    expect(h.hub.health('bybit', 'BTCUSDT').reason).toMatch(/malformed response/);
    expect(h.hub.health('okx', 'BTCUSDT').reason).toMatch(/timed out/);
  });

  it('all exchanges failing → the last good map is kept, state stale, its age from asOf', async () => {
    const rec = recordingAnalyze();
    const h = makeHub({ analyze: rec.spy });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    const good = h.pushes.at(-1)!.view;
    const goodAsOf = good.asOf!;
    for (const ex of ['binance', 'bybit', 'okx', 'bitget'] as const) h.ff.scenario[ex] = '500';
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await settle(h.hub.onAlarm());
    const view = h.pushes.at(-1)!.view;
    expect(view.state).toBe('stale');
    expect(view.reason).toMatch(/All exchanges failing/);
    expect(view.analysis).not.toBeNull();
    expect(view.asOf).toBe(goodAsOf);
    expect(Date.now() - view.asOf!).toBeGreaterThanOrEqual(10 * 60_000);
    for (const ex of ['binance', 'bybit', 'okx', 'bitget'] as const) expect(view.health[ex]!.state).toBe('stale');
  });

  it('nothing ever loaded and everything failing → error with reasons, no analysis', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy, scenario: { binance: '500', bybit: '500', okx: '500', bitget: '500' } });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    const view = h.pushes.at(-1)!.view;
    expect(view.state).toBe('error');
    expect(view.analysis).toBeNull();
    expect(view.reason).toMatch(/binance: HTTP 500/);
  });
});

describe('symbols an exchange does not list', () => {
  it('are left out as "off" with a reason, not counted as failures, and not asked again soon', async () => {
    const ff = fixtureFetch({ now: () => Date.now() });
    const rec = recordingAnalyze();
    // OKX lists no such instrument (its instruments endpoint answers an empty list).
    const fetch = async (url: string, init?: { signal?: AbortSignal }) =>
      url.includes('/api/v5/public/instruments') ? new Response(JSON.stringify({ code: '0', msg: '', data: [] })) : ff.fetch(url, init);
    const h = makeHub({ analyze: rec.spy, ff, fetch });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    const view = h.pushes.at(-1)!.view;
    expect(view.health.okx).toEqual({ state: 'off', reason: 'BTCUSDT is not listed on okx' });
    expect(view.state).toBe('ok');
    expect(rec.calls.at(-1)!.series.map((s) => s.exchange)).not.toContain('okx');
    const n = h.requests('okx');
    await vi.advanceTimersByTimeAsync(120_000);
    await settle(h.hub.onAlarm());
    expect(h.requests('okx')).toBe(n);
  });

  it('a symbol no exchange lists is an error that says so', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    await h.hub.watch(1, { ...BTC_WATCH, symbol: 'SOLUSDT' });
    await settle(h.hub.refreshSymbol('SOLUSDT'));
    const view = h.pushes.at(-1)!.view;
    expect(view.state).toBe('error');
    expect(view.reason).toMatch(/SOLUSDT is not listed on binance/);
  });
});

describe('restart', () => {
  it('a restarted service worker answers from the persisted cache at once, then refreshes', async () => {
    const h1 = makeHub({ analyze: recordingAnalyze().spy });
    await h1.hub.watch(1, BTC_WATCH);
    await drain(h1);
    const before = h1.pushes.at(-1)!.view;

    // New hub over the same storage: the network is down and the engine is real.
    await vi.advanceTimersByTimeAsync(90_000);
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const h2 = makeHub({ fetch: down });
    await h2.hub.start();
    const view = await h2.hub.watch(1, BTC_WATCH);
    expect(view.analysis).not.toBeNull();
    expect(view.asOf).toBe(before.asOf);
    expect(view.state).toBe('ok');
    expect(view.analysis!.clusters.length).toBeGreaterThan(0);
    // ... and the refresh it kicked off reaches the network (and fails, keeping the map).
    await settle(h2.hub.refreshSymbol('BTCUSDT'));
    expect(down).toHaveBeenCalled();
    expect(h2.pushes.at(-1)!.view.state).toBe('stale');
    expect(h2.pushes.at(-1)!.view.analysis).not.toBeNull();
  });

  it('watchers survive a restart: the new hub schedules refreshes for them', async () => {
    const h1 = makeHub({ analyze: recordingAnalyze().spy });
    await h1.hub.watch(3, BTC_WATCH);
    const saved = await h1.deps.watchers!.load();
    const h2 = makeHub({ analyze: recordingAnalyze().spy });
    h2.deps.watchers = { load: async () => saved, save: async () => {} };
    await h2.hub.start();
    expect(h2.hub.marketOfTab(3)).toEqual({ exchange: 'binance', symbol: 'BTCUSDT' });
    expect(h2.scheduler.start).toHaveBeenCalled();
  });
});

describe('popup polling', () => {
  it('a failing exchange is retried at most every RETRY_MS however often the popup asks', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy, scenario: { binance: '500' } });
    for (let i = 0; i < 7; i++) {
      await settle(h.hub.getView({ exchange: 'binance', symbol: 'BTCUSDT' }));
      await settle(h.hub.whenIdle());
      await vi.advanceTimersByTimeAsync(2_000);
    }
    // 7 asks over ~14 s+: the first attempt plus at most one retry after 15 s.
    expect(h.requests('binance', '/fapi/v1/exchangeInfo')).toBeLessThanOrEqual(2);
    expect(h.requests('binance', '/fapi/v1/exchangeInfo')).toBeGreaterThanOrEqual(1);
  });

  it('an unchanged view is reused for a few seconds instead of re-running the engine', async () => {
    const rec = recordingAnalyze();
    const h = makeHub({ analyze: rec.spy });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    const n = rec.spy.mock.calls.length;
    await h.hub.getView({ tabId: 1 });
    await h.hub.getView({ tabId: 1 });
    expect(rec.spy.mock.calls.length).toBe(n);
    await vi.advanceTimersByTimeAsync(11_000);
    await h.hub.getView({ tabId: 1 });
    expect(rec.spy.mock.calls.length).toBe(n + 1);
  });
});

describe('popup', () => {
  it('getView for a hand-picked market answers and keeps refreshing while the popup is open', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    const v0 = await h.hub.getView({ exchange: 'okx', symbol: 'ETHUSDT' });
    expect(v0).toMatchObject({ exchange: 'okx', symbol: 'ETHUSDT', state: 'loading' });
    await settle(h.hub.refreshSymbol('ETHUSDT'));
    const v1 = await h.hub.getView({ exchange: 'okx', symbol: 'ETHUSDT' });
    expect(v1!.state).toBe('ok');
    expect(h.scheduler.start).toHaveBeenCalled();
    expect(await h.hub.getView({ tabId: 99 })).toBeNull();
  });
});

it('START is a weekday noon (keeps the thin-session signal out of the way)', () => {
  expect(new Date(START).getUTCDay()).toBe(2);
});
