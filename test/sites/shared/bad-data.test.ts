// Bad exchange data is stopped at each client's edge (issue 17 item 3): a broken bar is skipped and
// named, a mark or index price of 0 is a named schema error, never a number the map is built on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePremiumIndex } from '../../../src/sites/binance/api';
import { parseSymbolPrice } from '../../../src/sites/bitget/api';
import { parseTicker } from '../../../src/sites/bybit/api';
import { parseIndexTicker, parseMarkPrice } from '../../../src/sites/okx/api';
import { mergeCandles } from '../../../src/sites/shared/assemble-series';
import { candleIssue, type SkippedBar } from '../../../src/sites/shared/bar-check';
import { createSources, EXCHANGES } from '../../../src/sites';
import type { Candle } from '../../../src/engine/types';
import { fixtureFetch, preloadHandlers } from './fixture-fetch';

const bar = (over: Partial<Candle> = {}): Candle => ({ t: 1_700_000_000_000, open: 100, high: 101, low: 99, close: 100.5, baseVolume: 1, quoteVolume: 100, ...over });

describe('the bar check', () => {
  it('names each way a bar can be broken, and passes a good one', () => {
    expect(candleIssue(bar())).toBeNull();
    expect(candleIssue(bar({ high: 101, low: 101, open: 101, close: 101 }))).toBeNull();
    expect(candleIssue(bar({ low: 102 }))).toBe('low above high');
    expect(candleIssue(bar({ close: 0 }))).toMatch(/close 0 not a positive price/);
    expect(candleIssue(bar({ open: 101.5 }))).toBe('open/close above high');
    expect(candleIssue(bar({ close: 98 }))).toBe('open/close below low');
    expect(candleIssue(bar({ baseVolume: -1 }))).toMatch(/baseVolume -1/);
    expect(candleIssue(bar({ quoteVolume: Infinity }))).toMatch(/quoteVolume/);
    expect(candleIssue(bar({ high: NaN }))).toMatch(/high NaN/);
    expect(candleIssue(bar({ takerBuyBase: -0.5 }))).toMatch(/taker-buy/);
  });

  it('mergeCandles skips a bad fresh bar, records it, and drops the held bar it would have replaced', () => {
    const t0 = 1_700_000_000_000;
    const skipped: SkippedBar[] = [];
    const old = { candles: [bar({ t: t0 }), bar({ t: t0 + 300_000 })] } as never;
    const out = mergeCandles({ exchange: 'binance', symbol: 'BTCUSDT', now: t0 + 600_000, windowStart: t0, unitFactor: 1, old, skipped }, [
      bar({ t: t0 + 300_000, low: 200 }),
      bar({ t: t0 + 600_000 }),
    ]);
    expect(out.map((c) => c.t)).toEqual([t0, t0 + 600_000]);
    expect(skipped).toEqual([{ t: t0 + 300_000, issue: 'low above high' }]);
  });
});

describe('a mark or index price of 0 is refused at each client, by name', () => {
  it('binance premiumIndex', () => {
    const body = { symbol: 'BTCUSDT', markPrice: '0', indexPrice: '97000', lastFundingRate: '0.0001', nextFundingTime: 1, time: 1 };
    expect(() => parsePremiumIndex(body)).toThrow(/markPrice: not a positive price/);
  });
  it('bybit tickers', () => {
    const body = { retCode: 0, retMsg: 'OK', result: { list: [{ symbol: 'BTCUSDT', markPrice: '97000', indexPrice: '0', openInterest: '1', fundingRate: '0.0001', nextFundingTime: '1' }] } };
    expect(() => parseTicker(body)).toThrow(/indexPrice: not a positive price/);
  });
  it('okx mark-price and index-tickers', () => {
    expect(() => parseMarkPrice({ code: '0', msg: '', data: [{ instId: 'BTC-USDT-SWAP', markPx: '0' }] })).toThrow(/markPx: not a positive price/);
    expect(() => parseIndexTicker({ code: '0', msg: '', data: [{ instId: 'BTC-USDT', idxPx: '-1' }] })).toThrow(/idxPx: not a positive price/);
  });
  it('bitget symbol-price', () => {
    const body = { code: '00000', msg: 'success', data: [{ symbol: 'BTCUSDT', markPrice: '0', indexPrice: '97000' }] };
    expect(() => parseSymbolPrice(body)).toThrow(/markPrice: not a positive price/);
  });
});

describe('a kline answer with one bar whose low is above its high (fixture scenario bad-bar)', () => {
  const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
  beforeEach(async () => {
    await preloadHandlers();
    vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => vi.useRealTimers());

  for (const ex of EXCHANGES) {
    it(`${ex}: the bar is skipped and named, the rest of the series loads`, async () => {
      const ff = fixtureFetch({ now: () => Date.now(), scenario: { [ex]: 'bad-bar' } });
      const clean = fixtureFetch({ now: () => Date.now() });
      const load = async (f: typeof ff) => {
        const p = createSources({ fetch: f.fetch, timeoutMs: 10_000 })[ex].load({ symbol: 'BTCUSDT', now: NOW, windowMs: 86_400_000, prev: null });
        let out: Awaited<typeof p> | undefined;
        let err: unknown;
        p.then((x) => (out = x), (e) => (err = e));
        for (let i = 0; i < 600 && !out && !err; i++) await vi.advanceTimersByTimeAsync(200);
        if (err) throw err;
        return out!;
      };
      const good = await load(clean);
      const bad = await load(ff);
      expect(good.skipped).toBeUndefined();
      expect(bad.skipped?.length).toBeGreaterThan(0);
      for (const s of bad.skipped!) expect(s.issue).toBe('low above high');
      const skippedT = new Set(bad.skipped!.map((s) => s.t));
      expect(bad.series.candles.some((c) => skippedT.has(c.t))).toBe(false);
      expect(bad.series.candles.length).toBe(good.series.candles.length - skippedT.size);
      for (const c of bad.series.candles) expect(candleIssue(c)).toBeNull();
    });
  }
});
