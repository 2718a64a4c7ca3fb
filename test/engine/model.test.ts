// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type EngineConfig } from '../../src/engine/config';
import { EngineError } from '../../src/engine/errors';
import { liquidationPrice } from '../../src/engine/liquidation-price';
import { binCentre, buildModel, cloneModel, coinAt, createModel, extents, modelParams, sideCoin, stepBar, syncModel, type ModelState } from '../../src/engine/model';
import type { Candle, Side } from '../../src/engine/types';
import { CLOSE_FEE_RATES } from '../../src/sites';
import { expectClose } from './helpers';
import { RISK, endOf, syntheticSeries } from './synthetic';

const cfg: EngineConfig = { ...DEFAULT_CONFIG, modelBinPct: 0.01 };
const params = modelParams('binance', RISK.binance, cfg);
const FIVE_MIN = 300_000;
const flat = (t: number, p: number): Candle => ({ t, open: p, high: p, low: p, close: p, baseVolume: 1, quoteVolume: p });
const oi = (t: number, coin: number) => ({ t, coin, usd: coin * 100_000 });

/** Every level of one side as [global bin, tier, coin]. */
function levels(s: ModelState, side: Side): [number, number, number][] {
  const out: [number, number, number][] = [];
  const { lo, hi } = extents(s, side);
  for (let i = lo; i <= hi; i++) for (let k = 0; k < s.tierCount; k++) {
    const c = coinAt(s, side, i, k);
    if (c !== 0) out.push([i, k, c]);
  }
  return out;
}

describe('model: one bar by hand', () => {
  it('OI 100 → 110 coin: each side receives the full 10 coin, split 15/30/25/20/10 % over 5/10/25/50/100x', () => {
    const s = createModel(params, 100);
    const p = stepBar(s, flat(0, 100_000), [oi(FIVE_MIN, 110)]);
    expect(p.inflowCoin).toBe(10);
    expect(p.predictedLongUsd).toBe(0); // empty map before the bar
    // fractional removal: × 110/(100 + 10) = 1 → nothing removed
    expect(sideCoin(s, 'long')).toBeCloseTo(10, 9);
    expect(sideCoin(s, 'short')).toBeCloseTo(10, 9);
    const long = levels(s, 'long');
    expect(long.map(([, k, c]) => [k, Number(c.toFixed(9))])).toEqual([[0, 1.5], [1, 3], [2, 2.5], [3, 2], [4, 1]]);
    // 10x long at 100,000, m = 0.4 %: 100,000·0.9/0.996 = 90,361.45; the level's bin lies within a bin of it
    const [bin10x] = long.find(([, k]) => k === 1)!;
    expect(Math.abs(binCentre(s, bin10x) / 90_361.45 - 1)).toBeLessThan(1.5e-4);
    // short 10x: 100,000·1.1/1.004 = 109,561.75
    const [bin10xShort] = levels(s, 'short').find(([, k]) => k === 1)!;
    expect(Math.abs(binCentre(s, bin10xShort) / 109_561.75 - 1)).toBeLessThan(1.5e-4);
  });

  it('gross inflow sums the positive increments inside the bar: 100 → 105 → 102 → 108 gives 5 + 6 = 11', () => {
    const s = createModel(params, 100);
    const p = stepBar(s, flat(0, 100_000), [oi(100_000, 105), oi(200_000, 102), oi(300_000, 108)]);
    expect(p.inflowCoin).toBe(11);
    // each side 11 coin, then × closing 108 / (100 + 11): 11·108/111 = 10.7027
    expect(sideCoin(s, 'long')).toBeCloseTo((11 * 108) / 111, 9);
  });

  it('fractional removal and decay: OI 110 → 99 keeps 90 %, times 0.5^(5 min / 7 d)', () => {
    const s = createModel(params, 100);
    stepBar(s, flat(0, 100_000), [oi(FIVE_MIN, 110)]);
    stepBar(s, flat(FIVE_MIN, 100_000), [oi(2 * FIVE_MIN, 99)]);
    expect(sideCoin(s, 'long')).toBeCloseTo(10 * 0.9 * 0.5 ** (FIVE_MIN / (168 * 3_600_000)), 9);
  });

  it('consumption: a low of 99,000 crosses the 100x long level (≈ 99,397.6) but not 50x (≈ 98,393.6)', () => {
    const s = createModel(params, 100);
    stepBar(s, flat(0, 100_000), [oi(FIVE_MIN, 110)]);
    const bar: Candle = { t: FIVE_MIN, open: 100_000, high: 100_000, low: 99_000, close: 99_500, baseVolume: 1, quoteVolume: 99_500 };
    const decay = 0.5 ** (FIVE_MIN / (168 * 3_600_000));
    const p = stepBar(s, bar, []);
    // predicted from the state BEFORE decay and inflow: the 100x tier's 1 coin at ≈ 99,397.59
    expect(p.predictedLongUsd / liquidationPrice('long', 100_000, 100, 0.004)).toBeCloseTo(1, 3);
    expect(levels(s, 'long').map(([, k]) => k)).toEqual([0, 1, 2, 3]);
    expect(sideCoin(s, 'long')).toBeCloseTo(9 * decay, 9);
    // shorts: the high never rose, nothing predicted
    expect(p.predictedShortUsd).toBe(0);
  });

  it('the smear: a bar 99,900–100,100 spreads entries over ~20 bins of 0.01 %, peaked at the VWAP', () => {
    const s = createModel(params, 100);
    stepBar(s, { t: 0, open: 99_950, high: 100_100, low: 99_900, close: 100_050, baseVolume: 2, quoteVolume: 200_000 }, [oi(FIVE_MIN, 110)]);
    const tier = levels(s, 'short').filter(([, k]) => k === 4); // 100x shorts
    expect(tier.length).toBeGreaterThanOrEqual(18);
    expect(tier.length).toBeLessThanOrEqual(21);
    const peak = tier.reduce((a, b) => (b[2] > a[2] ? b : a));
    // peak level = VWAP 100,000 × (1 + 1/100)/(1.004) = 100,597.6, within a bin
    expect(Math.abs(binCentre(s, peak[0]) / 100_597.6 - 1)).toBeLessThan(1.5e-4);
    expect(tier.reduce((a, [, , c]) => a + c, 0)).toBeCloseTo(1, 9);
  });

  it('born-dead: new long levels above the close and short levels below it are dropped', () => {
    const s = createModel(params, 100);
    // 100x longs entered near 101,000 liquidate ≈ 100,396 > close 100,000
    stepBar(s, { t: 0, open: 100_000, high: 101_000, low: 100_000, close: 100_000, baseVolume: 1, quoteVolume: 100_500 }, [oi(FIVE_MIN, 110)]);
    for (const [i] of levels(s, 'long')) expect(binCentre(s, i)).toBeLessThanOrEqual(100_000);
    for (const [i] of levels(s, 'short')) expect(binCentre(s, i)).toBeGreaterThanOrEqual(100_000);
  });

  it('no OI before the first bar: its first point is the base, not an inflow', () => {
    const s = createModel(params);
    const p = stepBar(s, flat(0, 100_000), [oi(FIVE_MIN, 5_000)]);
    expect(p.inflowCoin).toBe(0);
    expect(sideCoin(s, 'long')).toBe(0);
  });

  it('a bar that is not after the last one is a typed error naming the exchange', () => {
    const s = createModel(params, 100);
    stepBar(s, flat(FIVE_MIN, 100_000), []);
    expect(() => stepBar(s, flat(FIVE_MIN, 100_000), [])).toThrowError(EngineError);
    try {
      stepBar(s, flat(0, 100_000), []);
    } catch (e) {
      expect(e).toMatchObject({ code: 'out-of-order', field: 'candles.t', exchange: 'binance' });
    }
  });
});

describe('model parameters', () => {
  it('tiers above the exchange maximum are capped: at 20x max, the 25/50/100x tiers sit at the 20x level', () => {
    const p = modelParams('bybit', { maintenanceRate: 0.005, maxLeverage: 20, source: 'api' }, { ...cfg, closeFeeRate: CLOSE_FEE_RATES });
    expect(p.leverages).toEqual([5, 10, 20, 20, 20]);
    // bybit counts a 0.055 % close fee: m = 0.5 % + 0.055 % = 0.555 %
    expect(p.maintenanceRate).toBeCloseTo(0.00555, 12);
    const s = createModel(p, 100);
    stepBar(s, flat(0, 100_000), [oi(FIVE_MIN, 110)]);
    const bins = new Set(levels(s, 'long').filter(([, k]) => k >= 2).map(([i]) => i));
    expect(bins.size).toBe(1);
    // 20x long: 100,000·0.95/0.99445 = 95,530.2
    expect(Math.abs(binCentre(s, [...bins][0]!) / 95_530.2 - 1)).toBeLessThan(1.5e-4);
  });

  it('longShare 0.7 gives longs 1.4× and shorts 0.6× of the new quantity', () => {
    const s = createModel(modelParams('binance', RISK.binance, { ...cfg, longShare: 0.7 }), 100);
    stepBar(s, flat(0, 100_000), [oi(FIVE_MIN, 110)]);
    expect(sideCoin(s, 'long')).toBeCloseTo(14, 9);
    expect(sideCoin(s, 'short')).toBeCloseTo(6, 9);
  });

  it('an infinite half-life means no decay', () => {
    const s = createModel(modelParams('binance', RISK.binance, { ...cfg, halfLifeHours: Number.POSITIVE_INFINITY }), 100);
    stepBar(s, flat(0, 100_000), [oi(FIVE_MIN, 110)]);
    stepBar(s, flat(30 * 86_400_000, 100_000), []);
    expect(sideCoin(s, 'long')).toBeCloseTo(10, 9);
  });

  it('OI falling to zero empties the map, and it refills from the next inflow', () => {
    const s = createModel(params, 100);
    stepBar(s, flat(0, 100_000), [oi(FIVE_MIN, 110)]);
    stepBar(s, flat(FIVE_MIN, 100_000), [oi(2 * FIVE_MIN, 0)]);
    expect(sideCoin(s, 'long')).toBe(0);
    stepBar(s, flat(2 * FIVE_MIN, 100_000), [oi(3 * FIVE_MIN, 5)]);
    expect(sideCoin(s, 'short')).toBeCloseTo(5, 9); // 5 in, × 5/(0 + 5)
  });
});

describe('model properties', () => {
  const seriesArb = fc.record({ seed: fc.integer({ min: 1, max: 1e6 }), bars: fc.integer({ min: 2, max: 150 }), cut: fc.integer({ min: 1, max: 40 }) });

  it('incremental = full: stepping the last bars onto an earlier state gives the identical map', () => {
    fc.assert(
      fc.property(seriesArb, ({ seed, bars, cut }) => {
        const series = syntheticSeries({ bars, seed, vol: 0.003 });
        const end = endOf(series);
        const full = buildModel(series, cfg, end);
        const earlier = buildModel(series, cfg, end - Math.min(cut, bars - 1) * FIVE_MIN);
        const inc = syncModel(earlier, series, cfg, end);
        expect(inc.bars).toBe(full.bars);
        expect(inc.scale).toBe(full.scale);
        expect(levels(inc, 'long')).toEqual(levels(full, 'long'));
        expect(levels(inc, 'short')).toEqual(levels(full, 'short'));
      }),
      { numRuns: 25 },
    );
  });

  it('one bar at a time equals one full replay, bar by bar', () => {
    const series = syntheticSeries({ bars: 60, seed: 3 });
    const end = endOf(series);
    let state = buildModel({ ...series, candles: series.candles.slice(0, 1) }, cfg, end);
    for (let n = 2; n <= 60; n++) state = syncModel(state, { ...series, candles: series.candles.slice(0, n) }, cfg, end);
    expect(levels(state, 'long')).toEqual(levels(buildModel(series, cfg, end), 'long'));
  });

  it('syncModel rebuilds instead of appending when the symbol changed or the series no longer joins', () => {
    const btc = syntheticSeries({ bars: 50, seed: 4 });
    const end = endOf(btc);
    const eth = { ...syntheticSeries({ bars: 50, seed: 9, price: 3_000, symbol: 'ETHUSDT' }) };
    const ethState = syncModel(buildModel(btc, cfg, end - 10 * FIVE_MIN), eth, cfg, end);
    expect(levels(ethState, 'long')).toEqual(levels(buildModel(eth, cfg, end), 'long'));
    // a series starting 3 bars after the cached state's last bar: the OI change across the gap is not inflow
    const cached = buildModel({ ...btc, candles: btc.candles.slice(0, 20) }, cfg, end);
    const later = { ...btc, candles: btc.candles.slice(23) };
    expect(levels(syncModel(cached, later, cfg, end), 'short')).toEqual(levels(buildModel(later, cfg, end), 'short'));
  });

  it('syncModel rebuilds when the series reaches further back than the state (the map window grew)', () => {
    const series = syntheticSeries({ bars: 80, seed: 5 });
    const end = endOf(series);
    const short = buildModel({ ...series, candles: series.candles.slice(50) }, cfg, end);
    const grown = syncModel(short, series, cfg, end);
    expect(grown.bars).toBe(80);
    expect(levels(grown, 'long')).toEqual(levels(buildModel(series, cfg, end), 'long'));
  });

  it('consumption removes only crossed levels, and predicts exactly what it removed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: -0.03, max: 0.03, noNaN: true }),
        fc.double({ min: 0, max: 0.03, noNaN: true }),
        (seed, move, range) => {
          const series = syntheticSeries({ bars: 80, seed, vol: 0.003 });
          const end = endOf(series);
          const before = buildModel(series, cfg, end);
          const after = cloneModel(before);
          const ref = series.candles.at(-1)!.close;
          const low = ref * (1 + move - range);
          const high = ref * (1 + move);
          const close = (low + high) / 2;
          const decay = 0.5 ** (FIVE_MIN / (168 * 3_600_000));
          // no OI points: no inflow and no fractional change, so only consumption and decay act
          const p = stepBar(after, { t: end, open: close, high, low, close, baseVolume: 1, quoteVolume: close }, []);
          let removedLong = 0;
          for (const [i, k, c] of levels(before, 'long')) {
            const centre = binCentre(before, i);
            const now = coinAt(after, 'long', i, k);
            if (centre >= low) {
              expect(now).toBe(0);
              removedLong += c * centre;
            } else expectClose(now, c * decay, 1e-12);
          }
          let removedShort = 0;
          for (const [i, k, c] of levels(before, 'short')) {
            const centre = binCentre(before, i);
            const now = coinAt(after, 'short', i, k);
            if (centre <= high) {
              expect(now).toBe(0);
              removedShort += c * centre;
            } else expectClose(now, c * decay, 1e-12);
          }
          expectClose(p.predictedLongUsd, removedLong);
          expectClose(p.predictedShortUsd, removedShort);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('OI only falling, zero OI, flat bars: finite and non-negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom('falling', 'zero', 'flat'), (seed, kind) => {
        const base = syntheticSeries({ bars: 60, seed });
        const series = {
          ...base,
          candles: kind === 'flat' ? base.candles.map((c) => ({ ...c, open: 100, high: 100, low: 100, close: 100 })) : base.candles,
          openInterest: base.openInterest.map((p, i) => ({ ...p, coin: kind === 'zero' ? 0 : kind === 'falling' ? 1000 - i : p.coin })),
        };
        const s = buildModel(series, cfg, endOf(series));
        for (const side of ['long', 'short'] as const) {
          const c = sideCoin(s, side);
          expect(Number.isFinite(c) && c >= 0).toBe(true);
          if (kind !== 'flat') expect(c).toBe(0); // nothing ever flowed in
        }
      }),
      { numRuns: 15 },
    );
  });
});
