import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../src/engine/types';
import { candleInUnits, longShortDue, mergeByTime, oiInUnits, oiWithUsd, withTakerBuy } from '../../../src/sites/shared/series';

const c = (t: number, close: number, extra: Partial<Candle> = {}): Candle => ({ t, open: close, high: close, low: close, close, baseVolume: 10, quoteVolume: 10 * close, ...extra });

describe('series helpers', () => {
  it('mergeByTime: fresh wins on equal t, ascending, trimmed to the window', () => {
    const old = [c(0, 1), c(300, 2), c(600, 3)];
    const fresh = [c(600, 3.5), c(900, 4)];
    expect(mergeByTime(old, fresh, 300).map((x) => [x.t, x.close])).toEqual([[300, 2], [600, 3.5], [900, 4]]);
  });

  it('oiWithUsd: coin × the close of the bar containing t (open before the first bar)', () => {
    const candles = [c(300, 100), c(600, 110)];
    expect(oiWithUsd([{ t: 0, coin: 2 }, { t: 300, coin: 2 }, { t: 700, coin: 3 }], candles)).toEqual([
      { t: 0, coin: 2, usd: 200 }, // before the first bar: its open (100)
      { t: 300, coin: 2, usd: 200 },
      { t: 700, coin: 3, usd: 330 },
    ]);
  });

  it('withTakerBuy: only bars the statistics cover get a split', () => {
    const out = withTakerBuy([c(0, 1), c(300, 1)], [{ t: 300, buyCoin: 6 }]);
    expect(out[0]!.takerBuyBase).toBeUndefined();
    expect(out[1]!.takerBuyBase).toBe(6);
  });

  it('candleInUnits: k = 1000 (1000PEPE → PEPE units reversed): quantities × k, prices ÷ k, USD kept', () => {
    expect(candleInUnits(c(0, 12, { takerBuyBase: 4 }), 1000)).toEqual({ t: 0, open: 0.012, high: 0.012, low: 0.012, close: 0.012, baseVolume: 10_000, quoteVolume: 120, takerBuyBase: 4_000 });
  });

  it('oiInUnits: k = 1000: coin × k, USD kept', () => {
    expect(oiInUnits({ t: 300, coin: 2.5, usd: 40 }, 1000)).toEqual({ t: 300, coin: 2_500, usd: 40 });
  });

  it('longShortDue: only once a 5-minute period closed after the newest point', () => {
    const P = 300_000;
    expect(longShortDue(undefined, 10 * P, P)).toBe(true);
    expect(longShortDue([{ t: 9 * P }], 10 * P + 1, P)).toBe(false); // holds the last closed period
    expect(longShortDue([{ t: 8 * P }], 10 * P + 1, P)).toBe(true); // misses period 9
  });
});
