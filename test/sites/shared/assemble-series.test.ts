import { describe, expect, it } from 'vitest';
import type { Candle, MarketSeries } from '../../../src/engine/types';
import { assembleSeries, mergeCandles, type SeriesContext, type SeriesParts } from '../../../src/sites/shared/assemble-series';

const B = 300_000;
const candle = (t: number, close: number): Candle => ({ t, open: close, high: close, low: close, close, baseVolume: 2, quoteVolume: 2 * close });
const risk = { maintenanceRate: 0.01, maxLeverage: 50, source: 'api' as const };

// Held from the previous load, already canonical (PEPE units: k = 1000 turns the exchange's 1000PEPE into PEPE).
const old: MarketSeries = {
  exchange: 'okx',
  symbol: '1000PEPEUSDT',
  barMs: B,
  candles: [candle(B, 0.01), candle(2 * B, 0.011), candle(3 * B, 0.011)],
  openInterest: [{ t: B, coin: 5, usd: 1 }, { t: 2 * B, coin: 6, usd: 1 }],
  markPrice: 0.011,
  indexPrice: 0.011,
  depth: { t: 2 * B, bids: [[0.01, 100]], asks: [[0.012, 100]] },
  risk,
  oiPartial: false,
  longShort: [{ t: 2 * B, longShare: 0.6, shortShare: 0.4 }],
  fetchedAt: 2 * B,
};
const ctx: SeriesContext = { exchange: 'okx', symbol: '1000PEPEUSDT', now: 3 * B + 10, windowStart: 2 * B, unitFactor: 1000, old };

const parts = (over: Partial<SeriesParts> = {}): SeriesParts => ({
  candles: mergeCandles(ctx, [candle(3 * B, 12)]),
  openInterest: [{ t: 3 * B, coin: 7, usd: 1 }],
  markPrice: 12,
  indexPrice: 11,
  funding: { rate: 0.0001, intervalHours: 8, nextTime: 4 * B },
  depth: undefined,
  longShort: undefined,
  risk,
  ...over,
});

describe('mergeCandles', () => {
  it('fresh candles in canonical units win over held ones; bars before the window are dropped', () => {
    // 12 per 1000PEPE = 0.012 per PEPE; volume 2 × 1000 = 2000 PEPE; quote volume (USD) stays 24.
    expect(mergeCandles(ctx, [candle(3 * B, 12)])).toEqual([
      candle(2 * B, 0.011),
      { t: 3 * B, open: 0.012, high: 0.012, low: 0.012, close: 0.012, baseVolume: 2_000, quoteVolume: 24 },
    ]);
  });
});

describe('assembleSeries', () => {
  it('prices ÷ k, OI merged over the held history, window trimmed, stamped now', () => {
    const s = assembleSeries(ctx, parts());
    expect(s.exchange).toBe('okx');
    expect(s.barMs).toBe(B);
    expect(s.markPrice).toBe(0.012);
    expect(s.indexPrice).toBe(0.011);
    expect(s.openInterest.map((p) => [p.t, p.coin])).toEqual([[2 * B, 6], [3 * B, 7]]);
    expect(s.candles.map((c) => c.close)).toEqual([0.011, 0.012]);
    expect(s.funding).toEqual({ rate: 0.0001, intervalHours: 8, nextTime: 4 * B });
    expect(s.risk).toBe(risk);
    expect(s.fetchedAt).toBe(3 * B + 10);
  });

  it('a failed or skipped book / long-short request keeps the held ones', () => {
    const s = assembleSeries(ctx, parts());
    expect(s.depth).toBe(old.depth);
    expect(s.longShort).toBe(old.longShort);
  });

  it('a fresh book is converted (price 12 → 0.012, 2 lots → 2000 PEPE) and fresh long/short merged', () => {
    const s = assembleSeries(ctx, parts({
      depth: { t: 3 * B, bids: [[12, 2]], asks: [[13, 1]] },
      longShort: [{ t: 3 * B, longShare: 0.5, shortShare: 0.5 }],
    }));
    expect(s.depth).toEqual({ t: 3 * B, bids: [[0.012, 2_000]], asks: [[0.013, 1_000]] });
    expect(s.longShort?.map((p) => p.t)).toEqual([2 * B, 3 * B]);
  });

  it('oiPartial when the OI history starts more than a bar after the window start', () => {
    expect(assembleSeries(ctx, parts()).oiPartial).toBe(false); // held point at the window start
    const cold = { ...ctx, old: undefined };
    expect(assembleSeries(cold, parts({ candles: [] })).oiPartial).toBe(false); // only 3 B = 2 B + one bar: still covers
    expect(assembleSeries({ ...cold, windowStart: B }, parts({ candles: [] })).oiPartial).toBe(true); // 3 B > B + one bar
  });

  it('cold with nothing optional: absent keys, not undefined ones (storage JSON stays clean)', () => {
    const s = assembleSeries({ ...ctx, old: undefined }, parts({ candles: [] }));
    expect(Object.keys(s)).not.toContain('depth');
    expect(Object.keys(s)).not.toContain('longShort');
  });
});
