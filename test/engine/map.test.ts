// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type EngineConfig } from '../../src/engine/config';
import { mapFromModels, mapSideUsd } from '../../src/engine/map';
import { binCentre, buildModel, coinAt, extents, type ModelState } from '../../src/engine/model';
import type { Side } from '../../src/engine/types';
import { expectClose } from './helpers';
import { endOf, syntheticSeries } from './synthetic';

const cfg: EngineConfig = DEFAULT_CONFIG;

/** USD the model holds on a side inside [from, to) of reference prices after shifting by −basis, computed
 *  independently of map.ts: a bin's USD is spread uniformly over its price interval. */
function modelUsdIn(s: ModelState, side: Side, basis: number, from: number, to: number): number {
  const { lo, hi } = extents(s, side);
  let sum = 0;
  for (let i = lo; i <= hi; i++) {
    let coin = 0;
    for (let k = 0; k < s.tierCount; k++) coin += coinAt(s, side, i, k);
    const a = Math.exp(i * s.logStep) - basis;
    const b = Math.exp((i + 1) * s.logStep) - basis;
    const overlap = Math.max(0, Math.min(b, to) - Math.max(a, from));
    sum += coin * binCentre(s, i) * (overlap / (b - a));
  }
  return sum;
}

describe('map', () => {
  const series = syntheticSeries({ bars: 400, seed: 11, vol: 0.003 });
  const now = endOf(series);
  const state = buildModel(series, cfg, now);

  it('bins are 0.05 % of the reference, the reference on a bin edge, ±15 % covered', () => {
    const map = mapFromModels([{ exchange: 'binance', state, mark: 100_000, partial: false }], 100_000, 'BTCUSDT', cfg);
    expect(map.binWidth).toBeCloseTo(50, 9); // 100,000 · 0.05 %
    expect(map.bins).toHaveLength(600); // 15 % / 0.05 % = 300 per side
    expect(map.bins[299]!.price).toBeCloseTo(99_975, 9); // last long bin: 100,000 − 25
    expect(map.bins[300]!.price).toBeCloseTo(100_025, 9);
    expect(map.tiers).toEqual([5, 10, 25, 50, 100]);
  });

  it('property: long USD only below the reference and short only above, all finite ≥ 0, tiers sum to the bin', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: -0.003, max: 0.003, noNaN: true }), (refMove, basisPct) => {
        const reference = series.markPrice * (1 + refMove);
        const map = mapFromModels([{ exchange: 'binance', state, mark: reference * (1 + basisPct), partial: false }], reference, 'BTCUSDT', cfg);
        for (const b of map.bins) {
          expect(Number.isFinite(b.longUsd) && b.longUsd >= 0 && Number.isFinite(b.shortUsd) && b.shortUsd >= 0).toBe(true);
          if (b.longUsd > 0) expect(b.price).toBeLessThan(reference);
          if (b.shortUsd > 0) expect(b.price).toBeGreaterThan(reference);
          const lt = b.longByTier.reduce((x, y) => x + y, 0);
          expect(Math.abs(lt - b.longUsd)).toBeLessThanOrEqual(1e-9 * Math.max(1, b.longUsd));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('property: re-binning conserves USD (with any basis shift)', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.02, max: 0.02, noNaN: true }), fc.double({ min: -0.003, max: 0.003, noNaN: true }), (refMove, basisPct) => {
        const reference = series.markPrice * (1 + refMove);
        const mark = reference * (1 + basisPct);
        const map = mapFromModels([{ exchange: 'binance', state, mark, partial: false }], reference, 'BTCUSDT', cfg);
        const n = 300;
        const w = map.binWidth;
        const expLong = modelUsdIn(state, 'long', mark - reference, reference - n * w, reference);
        const expShort = modelUsdIn(state, 'short', mark - reference, reference, reference + n * w);
        expectClose(mapSideUsd(map, 'long'), expLong);
        expectClose(mapSideUsd(map, 'short'), expShort);
        expectClose(map.perExchange.binance!.longUsd, expLong);
      }),
      { numRuns: 20 },
    );
  });

  it('aggregates exchanges on one grid: the same model at a +100 basis lands 100 lower, and sums add', () => {
    const ref = series.markPrice;
    const alone = mapFromModels([{ exchange: 'binance', state, mark: ref, partial: false }], ref, 'BTCUSDT', cfg);
    const shifted = mapFromModels([{ exchange: 'okx', state, mark: ref + 100, partial: true }], ref, 'BTCUSDT', cfg);
    const both = mapFromModels(
      [
        { exchange: 'binance', state, mark: ref, partial: false },
        { exchange: 'okx', state, mark: ref + 100, partial: true },
      ],
      ref,
      'BTCUSDT',
      cfg,
    );
    expect(shifted.perExchange.okx).toMatchObject({ mark: ref + 100, basis: 100, partial: true });
    expect(both.perExchange.binance?.partial).toBe(false);
    both.bins.forEach((b, i) => expectClose(b.longUsd, alone.bins[i]!.longUsd + shifted.bins[i]!.longUsd));
    // 100 = 2 bins of 50: a long cluster's centre moves down by ≈ 100
    const centre = (m: typeof alone) => {
      let u = 0;
      let pu = 0;
      for (const b of m.bins) if (b.price > ref * 0.97) ((u += b.longUsd), (pu += b.longUsd * b.price));
      return pu / u;
    };
    expect(centre(alone) - centre(shifted)).toBeGreaterThan(80);
    expect(centre(alone) - centre(shifted)).toBeLessThan(120);
  });

  it('an empty model gives an all-zero map', () => {
    const empty = buildModel({ ...series, candles: [] }, cfg, now);
    const map = mapFromModels([{ exchange: 'binance', state: empty, mark: 100, partial: true }], 100, 'BTCUSDT', cfg);
    expect(mapSideUsd(map, 'long') + mapSideUsd(map, 'short')).toBe(0);
    expect(map.asOf).toBe(0);
  });
});
