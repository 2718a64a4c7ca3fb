// @vitest-environment node
/**
 * Issue 17: NaN and Infinity never leave the engine, and one call's work is bounded. The fuzz property runs
 * the generator of `npm run fuzz` (./fuzz-inputs.ts) over 10⁴ seeds with series of up to 40 bars (the
 * wildness is in the values, not the length) and a lower work cap, so 10⁴ cases take seconds; before the
 * magnitude bounds it found NaN in map bins, cluster centres and sizing within the first hundred seeds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asymmetry } from '../../src/engine/asymmetry';
import { DEFAULT_CONFIG, resolveConfig } from '../../src/engine/config';
import { depthRatio } from '../../src/engine/depth';
import { EngineError, isEngineError } from '../../src/engine/errors';
import { analyze, assertFinite, type ModelCache } from '../../src/engine/index';
import { binCentre, buildModel, coarseBinPct, coinAt, createModel, modelParams, pathLength, stepBar } from '../../src/engine/model';
import { mapFromModels } from '../../src/engine/map';
import type { Candle, MarketSeries } from '../../src/engine/types';
import { ENGINE_ERROR_TEXT, engineErrorText, SIGNAL_CHIP, signalText } from '../../src/ui/messages';
import { cluster, handMap } from './helpers';
import { fuzzCase, nonFinitePath } from './fuzz-inputs';
import { endOf, syntheticSeries } from './synthetic';

const bar = (t: number, low: number, high: number, close = (low + high) / 2): Candle => ({ t, open: close, high, low, close, baseVolume: 10, quoteVolume: 10 * close });

function errorOf(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    if (isEngineError(e)) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('fuzz: type-valid wild inputs', () => {
  it('property (10⁴ seeds): every analyze() is a finite Analysis or a named EngineError, never NaN or a crash', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const c = fuzzCase(seed, 40);
        // A lower work cap than the default (150,000 bins): more cases take the coarse path, each is cheaper.
        const cheap = <T extends { config?: object }>(x: T): T => ({ ...x, config: { ...x.config, modelMaxPathBins: 10_000 } });
        try {
          if (c.warmup) analyze(cheap(c.warmup));
          const a = analyze(cheap(c.input));
          const bad = nonFinitePath(a);
          if (bad) throw new Error(`seed ${seed}: ${bad} is not finite [${c.tags.join(' ')}]`);
          // the model states kept in the cache end finite too (the issue saw 28 of 41,165 builds that did not)
          for (const st of c.input.models?.values() ?? []) {
            const arrays = [st.created, ...st.killed];
            if (!Number.isFinite(st.scale) || arrays.some((x) => x.some((v) => !Number.isFinite(v)))) throw new Error(`seed ${seed}: non-finite model state`);
          }
        } catch (e) {
          if (!isEngineError(e) || e.code === 'non-finite-output') throw e;
          refused++;
        }
      }),
      { numRuns: 10_000, seed: 17 },
    );
    expect(refused).toBeGreaterThan(0); // the generator does reach the bounds
  }, 120_000);
});

describe('magnitudes are bounded at the door (out-of-range, field named)', () => {
  const good = syntheticSeries({ bars: 30, exchange: 'okx', price: 50 });
  const now = endOf(good);
  const run = (s: MarketSeries, extra: object = {}) => () => analyze({ series: [s], position: null, now, ...extra });

  it('a price below 1e-12 or above 1e12, open interest above 1e18 coins, a denormal volume', () => {
    const candles = good.candles.map((c, i) => (i === 4 ? { ...c, low: 1e-300 } : c));
    expect(errorOf(run({ ...good, candles }))).toMatchObject({ code: 'out-of-range', field: 'candles[4].low', exchange: 'okx' });
    expect(errorOf(run({ ...good, markPrice: 2e12 }))).toMatchObject({ code: 'out-of-range', field: 'markPrice' });
    const oi = good.openInterest.map((p, i) => (i === 7 ? { ...p, coin: 1e300 } : p));
    expect(errorOf(run({ ...good, openInterest: oi }))).toMatchObject({ code: 'out-of-range', field: 'openInterest[7].coin' });
    const vol = good.candles.map((c, i) => (i === 2 ? { ...c, baseVolume: 5e-324 } : c));
    expect(errorOf(run({ ...good, candles: vol }))).toMatchObject({ code: 'out-of-range', field: 'candles[2].baseVolume' });
    expect(errorOf(run({ ...good, depth: { t: now, bids: [[49, 1e30]], asks: [] } }))).toMatchObject({ code: 'out-of-range', field: 'depth.bids[0].coin' });
  });

  it('the boundaries themselves pass (1e-12 and 1e12 are prices; 0 and 1e18 are quantities)', () => {
    const edge = good.candles.map((c, i) => (i === 3 ? { ...c, low: 1e-12, baseVolume: 0 } : i === 5 ? { ...c, high: 1e12, baseVolume: 1e18, quoteVolume: 1e24 } : c));
    expect(() => analyze({ series: [{ ...good, candles: edge }], position: null, now })).not.toThrow();
  });

  it('position size, account size and now', () => {
    const position = { exchange: 'okx' as const, symbol: good.symbol, side: 'long' as const, entry: 50, size: 1e300, leverage: 5, marginMode: 'isolated' as const, source: 'manual' as const };
    expect(errorOf(run(good, { position }))).toMatchObject({ code: 'out-of-range', field: 'position.size' });
    expect(errorOf(run(good, { account: { sizeUsd: 1e300, riskPct: 1 } }))).toMatchObject({ code: 'out-of-range', field: 'account.sizeUsd' });
    expect(errorOf(() => analyze({ series: [good], position: null, now: 1e300 }))).toMatchObject({ code: 'out-of-range', field: 'now' });
  });

  it('every error code has words (src/ui/messages.ts)', () => {
    const e = errorOf(run({ ...good, markPrice: 2e12 }));
    expect(engineErrorText(e)).toBe(`The market data has a number far outside any real market (refused rather than computed into NaN): okx: markPrice: price 2000000000000 is outside 1e-12–1000000000000.`);
    for (const code of ['invalid-input', 'out-of-range', 'invalid-config', 'out-of-order', 'non-finite-output'] as const) expect(ENGINE_ERROR_TEXT[code].length).toBeGreaterThan(10);
  });
});

describe('the output guard', () => {
  it('a non-finite number anywhere is an EngineError naming its path', () => {
    expect(errorOf(() => assertFinite({ map: { bins: [{ longUsd: 1 }, { longUsd: NaN }] } }))).toMatchObject({ code: 'non-finite-output', field: 'analysis.map.bins[1].longUsd' });
    expect(errorOf(() => assertFinite({ clusters: [{ depthRatio: Infinity }] }))).toMatchObject({ field: 'analysis.clusters[0].depthRatio' });
    expect(() => assertFinite({ a: [1, 2, { b: -0, c: null, d: 'x' }] })).not.toThrow();
  });
});

describe('the formulas behind the NaN paths', () => {
  it('depth ratio: no depth up to the cluster (0 USD) or a denormal book gives no ratio, not Infinity', () => {
    const c = cluster('long', 98_000, 99_000, 5e6);
    expect(depthRatio(c, [{ book: { t: 0, bids: [[99_500, 0], [97_000, 1]], asks: [] }, basis: 0 }], 100_000)).toBeUndefined();
    expect(depthRatio(c, [{ book: { t: 0, bids: [[99_500, 5e-324], [97_000, 1]], asks: [] }, basis: 0 }], 100_000)).toBeUndefined();
    // 2 coins at 99,500 = 199,000 USD of bids before the cluster: 5,000,000 / 199,000
    expect(depthRatio(c, [{ book: { t: 0, bids: [[99_500, 2], [97_000, 1]], asks: [] }, basis: 0 }], 100_000)).toBeCloseTo(25.125628, 5);
  });

  it('asymmetry: a short side so small the ratio overflows is "no short fuel", not Infinity', () => {
    const map = handMap(100, 200, (k) => (k < 0 ? 1e10 : k === 5 ? 5e-324 : 0));
    const a = asymmetry(map, DEFAULT_CONFIG);
    expect(a.ratio).toEqual({ kind: 'no-short-fuel' });
    expect(a.fragile).toBe('long-heavy');
    // a normal short side still gives the ratio: 4 long bins of 3 USD within 10 % vs 2 short bins of 4 USD
    const b = asymmetry(handMap(100, 200, (k) => (k >= -4 && k < 0 ? 3 : k >= 0 && k < 2 ? 4 : 0)), DEFAULT_CONFIG);
    expect(b.ratio).toEqual({ kind: 'ratio', value: 1.5 });
  });
});

describe('bounded work: the model grid', () => {
  it('pathLength: Σ ln(high/low) plus the gaps from the previous close to the next range', () => {
    const cs = [bar(0, 100, 110, 105), bar(1, 120, 121), bar(2, 90, 100, 95), bar(3, 95, 95)];
    // ln(1.1) + [gap 105→120: ln(120/105)] + ln(121/120) + [gap 120.5→100: ln(120.5/100)] + ln(100/90) + 0 + 0
    const expected = Math.log(1.1) + Math.log(120 / 105) + Math.log(121 / 120) + Math.log(120.5 / 100) + Math.log(100 / 90);
    expect(pathLength(cs)).toBeCloseTo(expected, 12);
    expect(pathLength([])).toBe(0);
    expect(pathLength([bar(0, 5, 5)])).toBe(0); // high = low
  });

  it('coarseBinPct: unchanged up to the cap, then the bin of 2^k × its log width (smallest k that fits)', () => {
    const cfg = resolveConfig({ modelMaxPathBins: 1_000 });
    const step = Math.log1p(0.01 / 100);
    expect(coarseBinPct(1_000 * step, cfg)).toBe(0.01);
    expect(coarseBinPct(1_001 * step, cfg)).toBeCloseTo(Math.expm1(2 * step) * 100, 12); // 1,001 bins → 2×
    expect(coarseBinPct(3_000 * step, cfg)).toBeCloseTo(Math.expm1(4 * step) * 100, 12); // 3,000 bins → 4× (2× is 1,500)
    expect(coarseBinPct(4_000 * step, cfg)).toBeCloseTo(Math.expm1(4 * step) * 100, 12); // exactly 4× fits
  });

  it('a series over decades builds coarse bins within the cap, says so, and stays in budget', () => {
    // 500 hourly bars, each spanning ×4 and jumping between 1 and 10,000: a path of ≈ 10⁷ bins of 0.01 %.
    const r = (i: number) => 10 ** ((i * 7919) % 5);
    const candles = Array.from({ length: 500 }, (_, i) => bar(i * 3_600_000, r(i), 4 * r(i)));
    const openInterest = candles.map((c, i) => ({ t: c.t + 1, coin: 1_000 + (i % 7) * 100, usd: 0 }));
    const s: MarketSeries = { ...syntheticSeries({ bars: 0 }), barMs: 3_600_000, candles, openInterest, markPrice: 2, indexPrice: 2 };
    const now = 500 * 3_600_000;
    const model = buildModel(s, DEFAULT_CONFIG, now);
    const path = pathLength(candles) / model.logStep;
    expect(path).toBeLessThanOrEqual(DEFAULT_CONFIG.modelMaxPathBins);
    expect(path).toBeGreaterThan(DEFAULT_CONFIG.modelMaxPathBins / 2); // the smallest power of 2 that fits
    const a = analyze({ series: [s], position: null, now });
    const sig = a.signals.find((x) => x.kind === 'coarse-grid');
    expect(sig).toMatchObject({ exchange: 'binance', configuredBinPct: 0.01 });
    expect(sig?.kind === 'coarse-grid' && sig.binPct).toBeCloseTo(model.params.modelBinPct, 12);
    expect(SIGNAL_CHIP['coarse-grid']).toBe('COARSE');
    expect(signalText(sig!)).toMatch(/^Prices on binance moved over a range too wide for the model's grid: its levels are placed in bins of [\d.]+ % instead of 0\.01 %/);
    // a calm market keeps the configured bins and has no such signal
    const calm = syntheticSeries({ bars: 300 });
    expect(analyze({ series: [calm], position: null, now: endOf(calm) }).signals.some((x) => x.kind === 'coarse-grid')).toBe(false);
    expect(buildModel(calm, DEFAULT_CONFIG, endOf(calm)).params.modelBinPct).toBe(0.01);
  });

  it('a coarse model refreshed through the cache equals a fresh build (the bin width follows the whole series)', () => {
    const r = (i: number) => 10 ** (((i * 7919) % 5) / 2);
    const candles = Array.from({ length: 400 }, (_, i) => bar(i * 300_000, r(i), 3 * r(i)));
    const openInterest = candles.map((c, i) => ({ t: c.t + 1, coin: 1_000 + (i % 5) * 300, usd: 0 }));
    const s: MarketSeries = { ...syntheticSeries({ bars: 0 }), candles, openInterest, markPrice: 2, indexPrice: 2 };
    const now = 400 * 300_000;
    for (const back of [1, 3, 150]) {
      const models: ModelCache = new Map();
      analyze({ series: [{ ...s, candles: candles.slice(0, 400 - back) }], position: null, now: now - back * 300_000, models });
      const inc = analyze({ series: [s], position: null, now, models });
      expect(inc.signals.some((x) => x.kind === 'coarse-grid')).toBe(true);
      expect(inc).toEqual(analyze({ series: [s], position: null, now }));
    }
  });

  it('a coarse model bin wider than output bins spreads its USD over them by overlap (USD conserved)', () => {
    // 2 % model bins (40 output bins of 0.05 % each): one bar puts short 5x levels ≈ 20 % above the entry.
    const params = { ...modelParams('binance', { maintenanceRate: 0.004, maxLeverage: 125, source: 'api' }, DEFAULT_CONFIG), modelBinPct: 2 };
    const state = createModel(params, 0);
    stepBar(state, bar(0, 99.5, 100.5, 100), [{ t: 1, coin: 1_000, usd: 0 }]);
    const ref = 110; // short 5x levels near 120 lie within 110 · (1 + 15 %)
    const map = mapFromModels([{ exchange: 'binance', state, mark: ref, partial: false }], ref, 'BTCUSDT', DEFAULT_CONFIG);
    let expected = 0;
    const w = map.binWidth;
    const top = ref + 300 * w;
    let fullBinShare: number | undefined;
    for (let i = -2000; i < 2000; i++) {
      const lo = Math.exp(i * state.logStep);
      const hi = Math.exp((i + 1) * state.logStep);
      for (let t = 0; t < 5; t++) {
        const usd = coinAt(state, 'short', i, t) * binCentre(state, i);
        if (usd === 0) continue;
        const inWindow = Math.max(0, Math.min(hi, top) - Math.max(lo, ref));
        expected += (usd * inWindow) / (hi - lo);
        if (t === 0 && lo > ref && hi < top) fullBinShare = (usd * w) / (hi - lo); // an output bin inside this model bin
      }
    }
    const total = map.bins.reduce((a, b) => a + b.shortUsd, 0);
    expect(expected).toBeGreaterThan(0);
    expect(total).toBeCloseTo(expected, 6);
    expect(map.perExchange.binance!.shortUsd).toBeCloseTo(expected, 6);
    if (fullBinShare !== undefined) expect(map.bins.some((b) => Math.abs(b.shortByTier[0]! - fullBinShare!) < 1e-9 * fullBinShare!)).toBe(true);
    for (const b of map.bins) expect(b.shortByTier.reduce((x, y) => x + y, 0)).toBeCloseTo(b.shortUsd, 9);
  });
});

describe('the model cache re-validates when it rebuilds', () => {
  const series = syntheticSeries({ bars: 400, exchange: 'bybit' });
  const now = endOf(series);
  const poisoned = { ...series, candles: series.candles.map((c, i) => (i === 100 ? { ...c, low: NaN } : c)) };

  it('a NaN bar inside the cached range is an error after a settings change (not a $0 map)', () => {
    const models: ModelCache = new Map();
    analyze({ series: [series], position: null, now, models });
    // the same bars again, one now corrupt, and new tier weights: the model is rebuilt from every bar
    const e = errorOf(() => analyze({ series: [poisoned], position: null, now, models, config: { tierWeights: [0.2, 0.2, 0.2, 0.2, 0.2] } }));
    expect(e).toMatchObject({ code: 'invalid-input', field: 'candles[100].low', exchange: 'bybit' });
  });

  it('... and after a risk-tier change', () => {
    const models: ModelCache = new Map();
    analyze({ series: [series], position: null, now, models });
    const again = errorOf(() => analyze({ series: [{ ...poisoned, risk: { ...series.risk, maintenanceRate: 0.01 } }], position: null, now, models }));
    expect(again).toMatchObject({ code: 'invalid-input', field: 'candles[100].low' });
  });

  it('an incremental refresh (nothing rebuilt) only checks the new bars (O(new bars)), and equals the full build', () => {
    const models: ModelCache = new Map();
    analyze({ series: [series], position: null, now: now - 3 * 300_000, models });
    const inc = analyze({ series: [poisoned], position: null, now, models });
    expect(inc).toEqual(analyze({ series: [series], position: null, now })); // bar 100 was checked when it was stepped
  });
});
