// One bad exchange degrades, never blanks (issue 17 items 3, 4): a skipped bar or a refused series drops
// that exchange to a named state while the others carry the map; the last good map stays on screen;
// what is read back from storage is checked like a response, healed, counted and re-fetched.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EngineError } from '../../src/engine/errors';
import type { AnalyzeInput } from '../../src/engine';
import { entryKey, MarketStore, type StorageArea } from '../../src/market/store';
import { META_PREFIX, MetaStore } from '../../src/market/meta';
import { MAX_STORED_BACKOFF_MS, restoreBackoffs } from '../../src/market/backoff-store';
import { createSources } from '../../src/sites';
import { BTC_WATCH, drain, makeHub, preloadHandlers, recordingAnalyze, settleAll, START, useClock } from './harness';

beforeEach(async () => {
  await preloadHandlers();
  fakeBrowser.reset();
  useClock();
});
afterEach(async () => {
  await settleAll();
  vi.useRealTimers();
});

const lastView = (h: ReturnType<typeof makeHub>, tab = 7) => h.pushes.filter((p) => p.tabId === tab).at(-1)!.view;

describe('one bad exchange degrades', () => {
  it('a bar with low above high from binance: binance partial and named, all four still mapped', async () => {
    const rec = recordingAnalyze();
    const h = makeHub({ analyze: rec.spy, scenario: { binance: 'bad-bar' } });
    await h.hub.watch(7, BTC_WATCH);
    await drain(h);
    const v = lastView(h);
    // A partial exchange still feeds the map (like Bitget's polled OI): the view is whole, binance's line says why.
    expect(v.state).toBe('ok');
    expect(v.health.binance!.state).toBe('partial');
    expect(v.health.binance!.reason).toMatch(/bad bars? .*\d\d:\d\d UTC.*low above high.*skipped/);
    for (const ex of ['bybit', 'okx'] as const) expect(v.health[ex]!.state).toBe('ok');
    expect(rec.calls.at(-1)!.series.map((s) => s.exchange).sort()).toEqual(['binance', 'bitget', 'bybit', 'okx']);
    expect(v.analysis).not.toBeNull();
  });

  it('a mark price of 0 from okx: okx out with a named reason, the other three carry the map (real engine)', async () => {
    const h = makeHub({ fetch: markZero('www.okx.com', '/api/v5/public/mark-price') });
    await h.hub.watch(7, BTC_WATCH);
    await drain(h);
    const v = lastView(h);
    expect(v.state).toBe('partial');
    expect(v.health.okx!.state).toBe('error');
    expect(v.health.okx!.reason).toMatch(/mark-price.*markPx/);
    expect(Object.keys(v.analysis!.map.perExchange).sort()).toEqual(['binance', 'bitget', 'bybit']);
  });

  it('a series the engine refuses leaves only that exchange out, named in its health line', async () => {
    const rec = recordingAnalyze();
    const analyze = (input: AnalyzeInput) => {
      if (input.series.some((s) => s.exchange === 'bybit')) throw new EngineError('invalid-input', 'candles[12].low', 'low 2 above high 1', 'bybit');
      return rec.fn(input);
    };
    const h = makeHub({ analyze });
    await h.hub.watch(7, BTC_WATCH);
    await drain(h);
    const v = lastView(h);
    expect(v.state).toBe('partial');
    expect(v.health.bybit).toMatchObject({ state: 'error', reason: 'bad data, left out of the map (candles[12].low: low 2 above high 1)' });
    expect(v.reason).toMatch(/Map without bybit: bad data/);
    expect((v.analysis as unknown as { exchanges: string[] }).exchanges.sort()).toEqual(['binance', 'bitget', 'okx']);
  });

  it('when no map can be computed, the last good one stays on screen as stale, named', async () => {
    const rec = recordingAnalyze();
    let fail = false;
    const analyze = (input: AnalyzeInput) => {
      if (fail) throw new EngineError('invalid-config', 'config.windowDays', 'out of range');
      return rec.fn(input);
    };
    const h = makeHub({ analyze });
    await h.hub.watch(7, BTC_WATCH);
    await drain(h);
    const good = lastView(h);
    expect(good.state).toBe('ok');
    fail = true;
    await vi.advanceTimersByTimeAsync(61_000);
    await drain(h);
    const v = await h.hub.watch(7, BTC_WATCH);
    expect(v.state).toBe('stale');
    expect(v.analysis).toEqual(good.analysis);
    expect(v.asOf).toBe(good.asOf);
    expect(v.reason).toMatch(/^showing the last good map; Could not compute the map: config.windowDays: out of range/);
  });
});

/** A fixture fetch whose answer at `host` + `path` carries a mark price of "0". */
function markZero(host: string, path: string) {
  return async (url: string) => {
    const { fixtureFetch } = await import('../sites/shared/fixture-fetch');
    const res = await fixtureFetch({ now: () => Date.now() }).fetch(url);
    const u = new URL(url);
    if (u.host !== host || u.pathname !== path) return res;
    const body = (await res.json()) as { data: { markPx: string }[] };
    for (const row of body.data) row.markPx = '0';
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe('a cache that heals', () => {
  const area = () => fakeBrowser.storage.local as unknown as StorageArea;

  it('a stored bar with low above high: history from it on dropped, counted and re-fetched; the map is whole again', async () => {
    const first = makeHub({ analyze: recordingAnalyze().spy });
    await first.hub.watch(7, BTC_WATCH);
    await drain(first);
    await settleAll();
    const key = entryKey('binance', 'BTCUSDT');
    const raw = (await area().get(key))[key] as { series: { candles: number[][] } };
    expect(raw).toBeDefined();
    const n = raw.series.candles.length;
    const badAt = raw.series.candles[n - 100]!;
    badAt[3] = badAt[2]! * 2; // low above high
    await area().set({ [key]: raw });

    // A restarted worker: a new hub over the same storage.
    const rec = recordingAnalyze();
    const h = makeHub({ analyze: rec.spy });
    await h.hub.watch(7, BTC_WATCH);
    await drain(h);
    const v = lastView(h);
    expect(v.health.binance!.state).toBe('ok');
    expect(v.health.binance!.reason).toMatch(/^stored data bar at \d\d:\d\d UTC \(low above high\): dropped and re-fetched$/);
    const series = rec.calls.at(-1)!.series.find((s) => s.exchange === 'binance')!;
    expect(series.candles.length).toBeGreaterThanOrEqual(n);
    expect(series.candles.find((c) => c.t === badAt[0])!.low).toBeLessThanOrEqual(series.candles.find((c) => c.t === badAt[0])!.high);
    // Only the window from the bad bar on was asked again, not the whole week.
    expect(h.requests('binance', '/fapi/v1/klines')).toBe(1);
  });

  it('an unreadable entry is dropped (removed from storage), named, and loaded afresh', async () => {
    const key = entryKey('okx', 'BTCUSDT');
    await area().set({ [key]: { v: 1, garbage: true } });
    const h = makeHub({ analyze: recordingAnalyze().spy });
    await h.hub.watch(7, BTC_WATCH);
    await drain(h);
    const v = lastView(h);
    expect(v.state).toBe('ok');
    expect(v.health.okx).toMatchObject({ state: 'ok', reason: 'stored data unreadable: dropped and re-fetched' });
  });

  it('a stored entry with a mark price of 0 is dropped whole', async () => {
    const store = new MarketStore(area());
    const first = makeHub({ analyze: recordingAnalyze().spy });
    await first.hub.watch(7, BTC_WATCH);
    await drain(first);
    await settleAll();
    const key = entryKey('bybit', 'BTCUSDT');
    const raw = (await area().get(key))[key] as { series: { markPrice: number } };
    raw.series.markPrice = 0;
    await area().set({ [key]: raw });
    expect(await store.loadChecked('bybit', 'BTCUSDT', START)).toEqual({ state: null, dropped: 'mark price 0' });
    expect((await area().get(key))[key]).toBeUndefined();
  });

  it('a tampered back-off of a year is believed for one hour at most', async () => {
    const meta = new MetaStore(area());
    await area().set({ [`${META_PREFIX}backoff`]: { binance: { until: START + 31_535_990_000, status: 418 }, nosuch: { until: START + 5_000 } } });
    const sources = createSources({ fetch: async () => new Response('{}'), timeoutMs: 1_000 });
    await restoreBackoffs(meta, sources, START);
    expect(sources.binance.fetcher.blockedUntil).toBe(START + MAX_STORED_BACKOFF_MS);
    expect(sources.okx.fetcher.blockedUntil).toBe(0);
  });
});
