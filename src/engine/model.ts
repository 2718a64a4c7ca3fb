/**
 * Per-exchange liquidation model with incremental state (docs/design.md §5.1, docs/accuracy-model.md §1 V5e).
 *
 * API (used by analyze(), the market hub and the backtest):
 *   const params = modelParams('binance', series.risk, config);      // tiers capped, m incl. close fee
 *   const state  = createModel(params, initialOiCoin?);               // empty map; OI before the first bar
 *   const p = stepBar(state, candle, oiPointsInBar);                  // one bar, mutates state
 *   p.predictedLongUsd / p.predictedShortUsd                          // USD consumed by this bar's range,
 *                                                                     // from the state BEFORE this bar's inflow
 *   buildModel(series, config, now)        // full replay of the series' closed bars
 *   syncModel(state, series, config, now)  // append only bars newer than state.lastBarT (else rebuild)
 *   cloneModel(state)                      // independent copy (e.g. to try a what-if)
 *   coinAt / extents / sideCoin / binCentre // read the levels (liquidation-price bins)
 * `oiPointsInBar` are the finest OI points with t in (bar.t, bar.t + barMs], ascending; the last one is the
 * bar's closing OI. With only bar data, pass [{coin: oiHigh}, {coin: oiClose}] (gross = high − previous).
 *
 * Per bar, in this order (all measured in the prototype):
 *  1. predict + consume: long levels with bin centre ≥ low and short levels with centre ≤ high are removed;
 *     their USD (coin × bin-centre price) is the bar's predicted liquidation per side;
 *  2. decay by 0.5^(Δt / half-life) with the real elapsed time;
 *  3. gross inflow = Σ positive OI increments (coin) within the bar; each side receives the full quantity,
 *     entries smeared over [low, high] with a triangular kernel peaked at VWAP, split over leverage tiers and
 *     placed at their exact liquidation prices (the tier's factor rounded to whole bins);
 *  4. fractional removal: every level × closing OI ÷ (OI before the bar + inflow), so mass follows real OI;
 *  5. born-dead rule: new long levels above the close / short levels below it are dropped.
 *
 * Storage. A global log-price grid: bin i = [e^(iδ), e^((i+1)δ)), δ = ln(1 + modelBinPct/100). A level of
 * tier k with ENTRY bin e liquidates in bin e + S_k (S_k = the tier's factor in bins), and every tier of both
 * sides receives the same entry kernel. So we keep one cumulative array `created[e]` (all entries ever made,
 * per side at a 50/50 split) and, per side and tier, `killed[e]`: the value `created` had when that tier's
 * level at e was last consumed. Alive coin = share × weight_k × (created − killed) × scale. A bar writes
 * its kernel once (not once per tier and side), and consuming a tier is a copy over the entries it crosses.
 * Uniform multiplications (decay, fractional removal) only touch `scale`.
 */
import { closeFee, type EngineConfig } from './config';
import { EngineError } from './errors';
import { liquidationFactor } from './liquidation-price';
import type { Candle, Exchange, MarketSeries, OpenInterestPoint, RiskTier, Side, Symbol } from './types';
import type { Coin, Fraction, Pct, Price, Usd, UtcMs } from './units';

export interface ModelParams {
  exchange: Exchange;
  /** Effective leverage per tier (already capped at the exchange's max leverage). */
  leverages: readonly number[];
  /** Normalised tier weights (sum 1). */
  weights: readonly number[];
  /** Maintenance rate used in the liquidation price (tier-1 MMR + close fee). */
  maintenanceRate: Fraction;
  modelBinPct: Pct;
  halfLifeHours: number;
  longShare: Fraction;
}

/** Index of a (side, tier) layer: long tiers 0…T−1, short tiers T…2T−1. */
const layerOf = (side: Side, tier: number, T: number) => (side === 'long' ? tier : T + tier);

export interface ModelState {
  readonly params: ModelParams;
  /** Log width of one bin. */
  readonly logStep: number;
  readonly tierCount: number;
  /** Global entry bin stored at local index 0, and bins allocated. */
  offset: number;
  size: number;
  /** Cumulative created coin per entry bin (raw units), per side at a 50/50 split. */
  created: Float64Array;
  /** Per layer (long tiers, then short tiers): `created` when the level was last consumed. */
  killed: Float64Array[];
  /** Real coin = raw × scale. */
  scale: number;
  /** Per layer: entry-bin range that may hold alive mass (lo > hi = empty). */
  lo: number[];
  hi: number[];
  /** Per layer: liquidation bin − entry bin (whole bins); null = never liquidates (1x long). */
  readonly shift: readonly (number | null)[];
  /** Per layer: share × tier weight, the factor from `created − killed` to the layer's coin. */
  readonly layerWeight: readonly number[];
  lastBarT: UtcMs | null;
  /** Time of the first bar stepped (absent before any): a series reaching further back needs a rebuild. */
  firstBarT?: UtcMs;
  lastOiCoin: Coin | null;
  bars: number;
  /** Symbol the state was built for (set by buildModel), so a cache cannot mix markets. */
  symbol?: Symbol;
}

export interface BarPrediction {
  /** USD of long levels the bar crossed (consumed), from the state before this bar's inflow. */
  predictedLongUsd: Usd;
  predictedShortUsd: Usd;
  /** Gross positive OI inflow of the bar, coin. */
  inflowCoin: Coin;
}

const EMPTY_LO = Number.MAX_SAFE_INTEGER;
const EMPTY_HI = Number.MIN_SAFE_INTEGER;
/** Spare bins added on each side when the grid grows. */
const GROW_MARGIN = 512;

/**
 * Model parameters of one exchange. With `series`, the model bins are widened by the smallest power of 2
 * that fits the series' price path into `cfg.modelMaxPathBins` bins (see `pathLength`), so the work of
 * one build is bounded whatever the prices do; a calm market keeps `cfg.modelBinPct` exactly.
 */
export function modelParams(exchange: Exchange, risk: RiskTier, cfg: EngineConfig, series?: MarketSeries): ModelParams {
  const sum = cfg.tierWeights.reduce((a, b) => a + b, 0);
  return {
    exchange,
    leverages: cfg.tiers.map((l) => Math.min(l, risk.maxLeverage)),
    weights: cfg.tierWeights.map((w) => (sum > 0 ? w / sum : 0)),
    maintenanceRate: risk.maintenanceRate + closeFee(cfg, exchange),
    modelBinPct: series ? coarseBinPct(pathLength(series.candles), cfg) : cfg.modelBinPct,
    halfLifeHours: cfg.halfLifeHours,
    longShare: cfg.longShare,
  };
}

/**
 * The log-price distance the bars travel: Σ ln(high/low) of every bar plus, between bars, the distance from
 * the previous close to the next bar's range. A model build sweeps at most about this many log units per
 * layer (creation, consumption and the born-dead cut all follow the price), so it measures the work.
 * Multiplies ratios ≥ 1 and takes a logarithm only when the product grows large: ~2 divisions per bar.
 */
export function pathLength(candles: readonly Candle[]): number {
  let sum = 0;
  let product = 1;
  let prevClose = candles[0]?.close ?? 0;
  for (let i = 0; i < candles.length; i++) {
    const c = candles[i]!;
    product *= c.high / c.low;
    if (prevClose < c.low) product *= c.low / prevClose;
    else if (prevClose > c.high) product *= prevClose / c.high;
    prevClose = c.close;
    if (product > 1e100) {
      sum += Math.log(product);
      product = 1;
    }
  }
  return sum + Math.log(product);
}

/** `cfg.modelBinPct`, or the bin of 2^k times its log width (smallest k) that fits `path` into the cap. */
export function coarseBinPct(path: number, cfg: EngineConfig): Pct {
  const step = Math.log1p(cfg.modelBinPct / 100);
  const bins = path / step;
  if (!(bins > cfg.modelMaxPathBins)) return cfg.modelBinPct;
  const k = Math.max(1, Math.ceil(Math.log2(bins / cfg.modelMaxPathBins) - 1e-9));
  return Math.expm1(step * 2 ** k) * 100;
}

export function createModel(params: ModelParams, initialOiCoin?: Coin): ModelState {
  const logStep = Math.log1p(params.modelBinPct / 100);
  const T = params.leverages.length;
  const shift: (number | null)[] = [];
  const layerWeight: number[] = [];
  for (const side of ['long', 'short'] as const) {
    const share = 2 * (side === 'long' ? params.longShare : 1 - params.longShare);
    params.leverages.forEach((l, k) => {
      const f = liquidationFactor(side, l, params.maintenanceRate);
      shift.push(f > 0 ? Math.round(Math.log(f) / logStep) : null);
      layerWeight.push(share * params.weights[k]!);
    });
  }
  return {
    params,
    logStep,
    tierCount: T,
    offset: 0,
    size: 0,
    created: new Float64Array(0),
    killed: Array.from({ length: 2 * T }, () => new Float64Array(0)),
    scale: 1,
    lo: new Array<number>(2 * T).fill(EMPTY_LO),
    hi: new Array<number>(2 * T).fill(EMPTY_HI),
    shift,
    layerWeight,
    lastBarT: null,
    lastOiCoin: initialOiCoin ?? null,
    bars: 0,
  };
}

export function cloneModel(s: ModelState): ModelState {
  return { ...s, created: s.created.slice(), killed: s.killed.map((k) => k.slice()), lo: [...s.lo], hi: [...s.hi] };
}

/** Centre price of global bin i. */
export function binCentre(s: ModelState, i: number): Price {
  return Math.exp((i + 0.5) * s.logStep);
}

/** Real coin resting at liquidation bin i for one side and tier. */
export function coinAt(s: ModelState, side: Side, i: number, tier: number): Coin {
  const L = layerOf(side, tier, s.tierCount);
  const sh = s.shift[L];
  if (sh === null || sh === undefined) return 0;
  const e = i - sh;
  if (e < s.lo[L]! || e > s.hi[L]!) return 0;
  const j = e - s.offset;
  return (s.created[j]! - s.killed[L]![j]!) * s.layerWeight[L]! * s.scale;
}

/** Liquidation-bin extents that may hold mass on a side; lo > hi when empty. */
export function extents(s: ModelState, side: Side): { lo: number; hi: number } {
  let lo = EMPTY_LO;
  let hi = EMPTY_HI;
  for (let k = 0; k < s.tierCount; k++) {
    const L = layerOf(side, k, s.tierCount);
    const sh = s.shift[L];
    if (sh === null || sh === undefined || s.lo[L]! > s.hi[L]!) continue;
    lo = Math.min(lo, s.lo[L]! + sh);
    hi = Math.max(hi, s.hi[L]! + sh);
  }
  return { lo, hi };
}

/** Total coin on one side. */
export function sideCoin(s: ModelState, side: Side): Coin {
  let sum = 0;
  for (let k = 0; k < s.tierCount; k++) {
    const L = layerOf(side, k, s.tierCount);
    const killed = s.killed[L]!;
    let layer = 0;
    for (let e = s.lo[L]!; e <= s.hi[L]!; e++) layer += s.created[e - s.offset]! - killed[e - s.offset]!;
    sum += layer * s.layerWeight[L]!;
  }
  return sum * s.scale;
}

function ensureRange(s: ModelState, eMin: number, eMax: number): void {
  if (s.size > 0 && eMin >= s.offset && eMax < s.offset + s.size) return;
  // Grow geometrically (amortised O(1) per bar) with room on both sides for price drift.
  const margin = Math.max(GROW_MARGIN, s.size >> 1, (eMax - eMin) >> 1);
  const newOffset = s.size === 0 ? eMin - margin : Math.min(s.offset, eMin - margin);
  const newEnd = s.size === 0 ? eMax + 1 + margin : Math.max(s.offset + s.size, eMax + 1 + margin);
  const size = newEnd - newOffset;
  const grow = (old: Float64Array) => {
    const a = new Float64Array(size);
    if (s.size > 0) a.set(old, s.offset - newOffset);
    return a;
  };
  s.created = grow(s.created);
  s.killed = s.killed.map(grow);
  s.offset = newOffset;
  s.size = size;
}

/**
 * Consumes a layer's levels whose entry bin lies in [from, to] (clipped to its alive range) by taking a
 * snapshot of `created`; returns their raw coin·price when `value`, else 0.
 */
function killEntries(s: ModelState, L: number, from: number, to: number, value: boolean): number {
  const a = Math.max(from, s.lo[L]!);
  const b = Math.min(to, s.hi[L]!);
  if (a > b) return 0;
  const killed = s.killed[L]!;
  const created = s.created;
  const ja = a - s.offset;
  const jb = b - s.offset;
  let usd = 0;
  if (value) {
    const g = Math.exp(s.logStep);
    let price = binCentre(s, a + s.shift[L]!);
    for (let j = ja; j <= jb; j++, price *= g) {
      usd += (created[j]! - killed[j]!) * price;
      killed[j] = created[j]!;
    }
    usd *= s.layerWeight[L]!;
  } else {
    for (let j = ja; j <= jb; j++) killed[j] = created[j]!;
  }
  // Long kills cut the top of the range, short kills the bottom (levels are consumed from the price outward).
  if (a <= s.lo[L]! && b >= s.hi[L]!) {
    s.lo[L] = EMPTY_LO;
    s.hi[L] = EMPTY_HI;
  } else if (a <= s.lo[L]!) s.lo[L] = b + 1;
  else if (b >= s.hi[L]!) s.hi[L] = a - 1;
  return usd;
}

/** Long levels in liquidation bins ≥ `first` are consumed; returns real USD. */
function consumeLongFrom(s: ModelState, first: number, value = true): number {
  let usd = 0;
  for (let k = 0; k < s.tierCount; k++) {
    const sh = s.shift[k];
    if (sh !== null && sh !== undefined) usd += killEntries(s, k, first - sh, EMPTY_HI_ENTRY, value);
  }
  return usd * s.scale;
}

/** Short levels in liquidation bins ≤ `last` are consumed; returns real USD. */
function consumeShortTo(s: ModelState, last: number, value = true): number {
  let usd = 0;
  const T = s.tierCount;
  for (let k = 0; k < T; k++) {
    const sh = s.shift[T + k];
    if (sh !== null && sh !== undefined) usd += killEntries(s, T + k, EMPTY_LO_ENTRY, last - sh, value);
  }
  return usd * s.scale;
}

const EMPTY_HI_ENTRY = Number.MAX_SAFE_INTEGER;
const EMPTY_LO_ENTRY = Number.MIN_SAFE_INTEGER;

/** Volume-weighted price of the bar, clamped into [low, high]; typical price when volume is missing. */
export function barVwap(bar: Candle): Price {
  const v = bar.baseVolume > 0 ? bar.quoteVolume / bar.baseVolume : NaN;
  const p = Number.isFinite(v) && v > 0 ? v : (bar.high + bar.low + bar.close) / 3;
  return Math.min(bar.high, Math.max(bar.low, p));
}

/** Scratch for kernel weights (bars span few bins; grows when one does not). */
let kernel = new Float64Array(64);
/** First entry bin and length of the kernel last computed (module scratch: no allocation per bar). */
let kernelFirst = 0;
let kernelLength = 0;

/**
 * The bar's entry kernel on the grid: triangular over [low, high] peaked at the VWAP, evaluated at the
 * centres of entry bins eA..eA+n−1 and normalised to sum 1 (in `kernel`). Works in log-bin units
 * u = ln(p)/δ; over one bar's range a triangle in log price is indistinguishable from one in price.
 * A range narrower than a bin (or a flat bar) puts everything in the peak's bin. Result in
 * kernel[0 … kernelLength − 1] for entry bins kernelFirst … .
 */
function entryKernel(lowU: number, peakU: number, highU: number): void {
  const eA = Math.ceil(lowU - 0.5);
  const n = Math.floor(highU - 0.5) - eA + 1;
  const invRise = peakU > lowU ? 1 / (peakU - lowU) : 0;
  const invFall = highU > peakU ? 1 / (highU - peakU) : 0;
  let wSum = 0;
  if (n > 0) {
    if (kernel.length < n) kernel = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const u = eA + i + 0.5;
      const w = u <= peakU ? (invRise > 0 ? (u - lowU) * invRise : 1) : invFall > 0 ? (highU - u) * invFall : 1;
      const wc = w > 0 ? w : 0;
      kernel[i] = wc;
      wSum += wc;
    }
  }
  if (!(wSum > 0)) {
    kernel[0] = 1;
    kernelFirst = Math.floor(peakU);
    kernelLength = 1;
    return;
  }
  const inv = 1 / wSum;
  for (let i = 0; i < n; i++) kernel[i]! *= inv;
  kernelFirst = eA;
  kernelLength = n;
}

/** Adds `coin` new positions per side (at a 50/50 split) with the bar's kernel, once for every layer. */
function addPositions(s: ModelState, coin: number, eA: number, n: number): void {
  const raw = coin / s.scale;
  ensureRange(s, eA, eA + n - 1);
  const created = s.created;
  for (let i = 0, j = eA - s.offset; i < n; i++, j++) created[j] = created[j]! + kernel[i]! * raw;
  const eB = eA + n - 1;
  for (let L = 0; L < 2 * s.tierCount; L++) {
    if (s.shift[L] === null || !(s.layerWeight[L]! > 0)) continue;
    if (eA < s.lo[L]!) s.lo[L] = eA;
    if (eB > s.hi[L]!) s.hi[L] = eB;
  }
}

/**
 * Folds `scale` back into the arrays when it drifts far from 1 (precision), or resets an emptied map.
 * An emptied map (scale 0: open interest went to zero) drops its arrays instead of multiplying every bin by
 * 0 (that cost a whole-grid pass per bar while OI stayed at zero); the next inflow allocates what it needs.
 */
function renormalise(s: ModelState): void {
  if (s.scale > 1e-100 && s.scale < 1e100) return;
  const f = s.scale;
  s.scale = 1;
  if (f === 0) {
    s.lo.fill(EMPTY_LO);
    s.hi.fill(EMPTY_HI);
    s.created = new Float64Array(0);
    s.killed = s.killed.map(() => new Float64Array(0));
    s.offset = 0;
    s.size = 0;
    return;
  }
  for (let j = 0; j < s.size; j++) s.created[j] = s.created[j]! * f;
  for (const k of s.killed) for (let j = 0; j < s.size; j++) k[j] = k[j]! * f;
}

/** One bar: predict/consume, decay, inflow, fractional removal, born-dead. See the header for the order. */
export function stepBar(s: ModelState, bar: Candle, oiInBar: readonly OpenInterestPoint[]): BarPrediction {
  if (s.lastBarT !== null && bar.t <= s.lastBarT) {
    throw new EngineError('out-of-order', 'candles.t', `bar ${bar.t} is not after ${s.lastBarT}`, s.params.exchange);
  }
  // Prices in log-bin units u = ln(p)/δ: bin i holds u ∈ [i, i + 1), its centre is at i + 0.5.
  const d = s.logStep;
  const lowU = Math.log(bar.low) / d;
  const highU = Math.log(bar.high) / d;
  const closeU = Math.log(bar.close) / d;

  // 1. Predict from the state left by the previous bar, and consume what the range crossed
  //    (long: centre ≥ low; short: centre ≤ high).
  const predictedLongUsd = consumeLongFrom(s, Math.ceil(lowU - 0.5));
  const predictedShortUsd = consumeShortTo(s, Math.floor(highU - 0.5));

  // 2. Decay with the real elapsed time.
  if (s.lastBarT !== null) s.scale *= Math.pow(0.5, (bar.t - s.lastBarT) / (s.params.halfLifeHours * 3_600_000));

  // 3. Gross inflow from the finest OI series inside the bar.
  const base = s.lastOiCoin ?? oiInBar[0]?.coin ?? null;
  let inflowCoin = 0;
  let closeCoin = base;
  if (base !== null) {
    let prev = base;
    for (const p of oiInBar) {
      if (p.coin > prev) inflowCoin += p.coin - prev;
      prev = p.coin;
    }
    closeCoin = prev;
    renormalise(s);
    if (inflowCoin > 0) {
      const peakU = Math.min(highU, Math.max(lowU, Math.log(barVwap(bar)) / d));
      entryKernel(lowU, peakU, highU);
      addPositions(s, inflowCoin, kernelFirst, kernelLength);
    }
    // 4. Fractional removal: the map's mass follows the closing OI.
    const denom = base + inflowCoin;
    if (denom > 0) s.scale *= closeCoin / denom;
  }
  renormalise(s);

  // 5. Born-dead: levels on the wrong side of the close would already have been liquidated
  //    (long centre > close, short centre < close).
  consumeLongFrom(s, Math.floor(closeU - 0.5) + 1, false);
  consumeShortTo(s, Math.ceil(closeU - 0.5) - 1, false);

  if (s.firstBarT === undefined) s.firstBarT = bar.t;
  s.lastBarT = bar.t;
  s.lastOiCoin = closeCoin;
  s.bars++;
  return { predictedLongUsd, predictedShortUsd, inflowCoin };
}

/** Index of the first element with t > `after` (binary search over an ascending series). */
export function firstAfter(points: readonly { t: number }[], after: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A cursor over `series` that steps its closed bars into `s` in order, up to a time given per call: the
 * heatmap's backfill steps every exchange in lockstep and looks at the states between bars.
 * Starts after `after` (from the first bar when null).
 */
export function seriesCursor(s: ModelState, series: MarketSeries, now: UtcMs, after: UtcMs | null): { stepUntil(t: UtcMs): void } {
  const { candles, openInterest: oi, barMs } = series;
  let c = after === null ? 0 : firstAfter(candles, after);
  let j = c < candles.length ? firstAfter(oi, candles[c]!.t) : oi.length;
  const inBar: OpenInterestPoint[] = [];
  return {
    /** Steps the bars that closed by `t` (and by `now`). */
    stepUntil(t) {
      for (; c < candles.length; c++) {
        const bar = candles[c]!;
        const end = bar.t + barMs;
        if (end > now || end > t) break; // only closed bars enter the state, so full and incremental builds agree
        if (j < oi.length && oi[j]!.t <= bar.t) j = firstAfter(oi, bar.t);
        inBar.length = 0;
        while (j < oi.length && oi[j]!.t <= end) inBar.push(oi[j++]!);
        stepBar(s, bar, inBar);
      }
    },
  };
}

/** Steps the closed bars of `series` with t > `after` (all when null). */
function stepSeries(s: ModelState, series: MarketSeries, now: UtcMs, after: UtcMs | null): void {
  seriesCursor(s, series, now, after).stepUntil(Infinity);
}

/** A fresh state for `series`: OI before the first bar seeds it (not counted as inflow). Nothing stepped yet. */
export function initialModel(series: MarketSeries, cfg: EngineConfig): ModelState {
  const first = series.candles[0];
  let initial: number | undefined;
  if (first) {
    const k = firstAfter(series.openInterest, first.t) - 1;
    initial = k >= 0 ? series.openInterest[k]!.coin : undefined;
  }
  const s = createModel(modelParams(series.exchange, series.risk, cfg, series), initial);
  s.symbol = series.symbol;
  return s;
}

/** Log-price columns to add levels onto: column k = floor((log p − logAnchor) / logStep) − start. */
export interface ColumnGrid {
  logAnchor: number;
  logStep: number;
  start: number;
  width: number;
}

/**
 * Adds one side's alive USD at liquidation prices inside [pLo, pHi) to `out` by column of `g`. The basis
 * shifts levels multiplicatively (by log(1 − basis/p), constant over a row's window to well under a bin), so
 * a level's column is linear in its bin and no logarithm is taken per level. Walks only the model bins inside
 * the price range (the heatmap row's window): its cost is the window, not the state.
 */
export function addSideToColumns(s: ModelState, side: Side, pLo: Price, pHi: Price, basis: Price, g: ColumnGrid, out: Float64Array): void {
  if (!(pHi > pLo) || !(pLo > 0)) return;
  const mid = Math.sqrt(pLo * pHi);
  const logShift = Math.log1p(-basis / (mid + basis)); // own price × e^logShift = map price
  if (!Number.isFinite(logShift)) return;
  const iLo = Math.floor((Math.log(pLo) - logShift) / s.logStep);
  const iHi = Math.ceil((Math.log(pHi) - logShift) / s.logStep);
  const logLo = Math.log(pLo);
  const logHi = Math.log(pHi);
  const stepUp = Math.exp(s.logStep);
  for (let k = 0; k < s.tierCount; k++) {
    const L = layerOf(side, k, s.tierCount);
    const sh = s.shift[L];
    if (sh === null || sh === undefined || s.lo[L]! > s.hi[L]!) continue;
    const killed = s.killed[L]!;
    const w = s.layerWeight[L]! * s.scale;
    const e0 = Math.max(s.lo[L]!, iLo - sh);
    const e1 = Math.min(s.hi[L]!, iHi - sh);
    if (e0 > e1) continue;
    let p = binCentre(s, e0 + sh);
    for (let e = e0; e <= e1; e++, p *= stepUp) {
      const coin = (s.created[e - s.offset]! - killed[e - s.offset]!) * w;
      if (!(coin > 0)) continue;
      const lq = (e + sh + 0.5) * s.logStep + logShift; // log of the level's map price
      if (lq < logLo || lq >= logHi) continue;
      const col = Math.floor((lq - g.logAnchor) / g.logStep) - g.start;
      if (col >= 0 && col < g.width) out[col] = out[col]! + coin * p;
    }
  }
}

/** Full replay of the series' closed bars. OI before the first bar seeds the state (not counted as inflow). */
export function buildModel(series: MarketSeries, cfg: EngineConfig, now: UtcMs): ModelState {
  const s = initialModel(series, cfg);
  stepSeries(s, series, now, null);
  return s;
}

function sameParams(a: ModelParams, b: ModelParams): boolean {
  return (
    a.exchange === b.exchange &&
    a.maintenanceRate === b.maintenanceRate &&
    a.modelBinPct === b.modelBinPct &&
    a.halfLifeHours === b.halfLifeHours &&
    a.longShare === b.longShare &&
    a.leverages.length === b.leverages.length &&
    a.leverages.every((l, i) => l === b.leverages[i] && a.weights[i] === b.weights[i])
  );
}

/**
 * Brings `state` up to date with `series` by stepping only the bars newer than its last bar (mutating and
 * returning it). Rebuilds from scratch when there is no state, the parameters or the symbol changed, the
 * series no longer joins the state (a gap after its last bar: the OI change across the gap would
 * otherwise be taken for one bar's inflow), or the series now starts before the state's first bar (the
 * map window grew: the older bars must enter the map, not be ignored until the worker restarts).
 */
export function syncModel(state: ModelState | undefined, series: MarketSeries, cfg: EngineConfig, now: UtcMs, rebuild?: boolean): ModelState {
  // `rebuild`: needsRebuild(state, series, cfg) when the caller already asked (analyze does, to validate).
  if (!state || (rebuild ?? needsRebuild(state, series, cfg))) return buildModel(series, cfg, now);
  stepSeries(state, series, now, state.lastBarT!);
  return state;
}

/** Whether `syncModel` replays `series` from scratch instead of appending to `state` (see syncModel). */
export function needsRebuild(state: ModelState, series: MarketSeries, cfg: EngineConfig): boolean {
  const first = series.candles[0];
  const joins = state.lastBarT != null && first !== undefined && first.t <= state.lastBarT + series.barMs;
  return (
    state.bars === 0 ||
    !joins ||
    (state.firstBarT !== undefined && first.t < state.firstBarT) ||
    (state.symbol !== undefined && state.symbol !== series.symbol) ||
    !sameParams(state.params, modelParams(series.exchange, series.risk, cfg, series))
  );
}
