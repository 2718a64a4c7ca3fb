/**
 * Per-exchange liquidation model with incremental state (DESIGN §5.1, research/accuracy-prototype.md §1 V5e).
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
 * `oiPointsInBar` are the finest OI points with t in (bar.t, bar.t + barMs], ascending; the last one is the
 * bar's closing OI. With only bar data, pass [{coin: oiHigh}, {coin: oiClose}] (gross = high − previous).
 *
 * Per bar, in this order (all measured in the prototype):
 *  1. predict + consume: long levels with bin centre ≥ low and short levels with centre ≤ high are removed;
 *     their USD (coin × bin-centre price) is the bar's predicted liquidation per side;
 *  2. decay by 0.5^(Δt / half-life) with the real elapsed time;
 *  3. gross inflow = Σ positive OI increments (coin) within the bar; each side receives the full quantity,
 *     entries smeared over [low, high] with a triangular kernel peaked at VWAP, split over leverage tiers and
 *     placed at their exact liquidation prices;
 *  4. fractional removal: every level × closing OI ÷ (OI before the bar + inflow), so mass follows real OI;
 *  5. born-dead rule: new long levels above the close / short levels below it are dropped.
 *
 * Storage: a global log-price grid (bin i = [e^(iδ), e^((i+1)δ)), δ = ln(1 + modelBinPct/100)), one
 * Float64Array per side laid out [bin·T + tier]. Uniform multiplications (decay, fractional removal) only
 * touch `scale` (real coin = raw × scale), so a bar costs O(bins touched by its range), not O(map).
 */
import type { EngineConfig } from './config';
import { EngineError } from './errors';
import { liquidationFactor } from './liquidation-price';
import type { Candle, Exchange, MarketSeries, OpenInterestPoint, RiskTier, Side } from './types';

export interface ModelParams {
  exchange: Exchange;
  /** Effective leverage per tier (already capped at the exchange's max leverage). */
  leverages: readonly number[];
  /** Normalised tier weights (sum 1). */
  weights: readonly number[];
  /** Maintenance rate used in the liquidation price (tier-1 MMR + close fee). */
  maintenanceRate: number;
  modelBinPct: number;
  halfLifeHours: number;
  longShare: number;
}

export interface ModelState {
  readonly params: ModelParams;
  /** Log width of one bin. */
  readonly logStep: number;
  readonly tierCount: number;
  /** Global bin index stored at local index 0. */
  offset: number;
  /** Bins allocated. */
  size: number;
  long: Float64Array;
  short: Float64Array;
  /** Real coin = raw × scale. */
  scale: number;
  /** Global bin extents that may hold mass (lo > hi = empty). */
  longLo: number;
  longHi: number;
  shortLo: number;
  shortHi: number;
  lastBarT: number | null;
  lastOiCoin: number | null;
  bars: number;
  /** Per tier: ln(liquidation factor)/δ rounded to whole bins, the tier's shift (−Infinity for a 1x long). */
  readonly longShift: Float64Array;
  readonly shortShift: Float64Array;
  /** Extremes of the finite shifts, to reserve a bar's whole range at once. */
  readonly minShift: number;
  readonly maxShift: number;
}

export interface BarPrediction {
  /** USD of long levels the bar crossed (consumed), from the state before this bar's inflow. */
  predictedLongUsd: number;
  predictedShortUsd: number;
  /** Gross positive OI inflow of the bar, coin. */
  inflowCoin: number;
}

const EMPTY_LO = Number.MAX_SAFE_INTEGER;
const EMPTY_HI = Number.MIN_SAFE_INTEGER;
/** Spare bins added on each side when the grid grows (≈ ×1.67 / ÷1.67 in price at 0.05 %). */
const GROW_MARGIN = 1024;

export function modelParams(exchange: Exchange, risk: RiskTier, cfg: EngineConfig): ModelParams {
  const sum = cfg.tierWeights.reduce((a, b) => a + b, 0);
  return {
    exchange,
    leverages: cfg.tiers.map((l) => Math.min(l, risk.maxLeverage)),
    weights: cfg.tierWeights.map((w) => (sum > 0 ? w / sum : 0)),
    maintenanceRate: risk.maintenanceRate + (cfg.closeFeeRate[exchange] ?? 0),
    modelBinPct: cfg.modelBinPct,
    halfLifeHours: cfg.halfLifeHours,
    longShare: cfg.longShare,
  };
}

export function createModel(params: ModelParams, initialOiCoin?: number): ModelState {
  const logStep = Math.log1p(params.modelBinPct / 100);
  const shift = (side: Side) =>
    Float64Array.from(params.leverages, (l) => Math.round(Math.log(liquidationFactor(side, l, params.maintenanceRate)) / logStep));
  const longShift = shift('long');
  const shortShift = shift('short');
  const finite = [...longShift, ...shortShift].filter(Number.isFinite);
  return {
    longShift,
    shortShift,
    minShift: Math.min(0, ...finite),
    maxShift: Math.max(0, ...finite),
    params,
    logStep,
    tierCount: params.leverages.length,
    offset: 0,
    size: 0,
    long: new Float64Array(0),
    short: new Float64Array(0),
    scale: 1,
    longLo: EMPTY_LO,
    longHi: EMPTY_HI,
    shortLo: EMPTY_LO,
    shortHi: EMPTY_HI,
    lastBarT: null,
    lastOiCoin: initialOiCoin ?? null,
    bars: 0,
  };
}

export function cloneModel(s: ModelState): ModelState {
  return { ...s, long: s.long.slice(), short: s.short.slice() };
}

/** Centre price of global bin i. */
export function binCentre(s: ModelState, i: number): number {
  return Math.exp((i + 0.5) * s.logStep);
}

/** Real coin resting in one global bin and tier. */
export function coinAt(s: ModelState, side: Side, i: number, tier: number): number {
  const j = i - s.offset;
  if (j < 0 || j >= s.size) return 0;
  return (side === 'long' ? s.long : s.short)[j * s.tierCount + tier]! * s.scale;
}

/** Global bin extents that may hold mass on a side; lo > hi when empty. */
export function extents(s: ModelState, side: Side): { lo: number; hi: number } {
  return side === 'long' ? { lo: s.longLo, hi: s.longHi } : { lo: s.shortLo, hi: s.shortHi };
}

/** Total coin on one side. */
export function sideCoin(s: ModelState, side: Side): number {
  const arr = side === 'long' ? s.long : s.short;
  const { lo, hi } = extents(s, side);
  let sum = 0;
  for (let j = (lo - s.offset) * s.tierCount, end = (hi - s.offset + 1) * s.tierCount; j < end; j++) sum += arr[j]!;
  return sum * s.scale;
}

function ensureRange(s: ModelState, iMin: number, iMax: number): void {
  if (s.size > 0 && iMin >= s.offset && iMax < s.offset + s.size) return;
  // Grow geometrically (amortised O(1) per bar) with room on both sides for price drift.
  const margin = Math.max(GROW_MARGIN, s.size >> 1, (iMax - iMin) >> 1);
  const newOffset = s.size === 0 ? iMin - margin : Math.min(s.offset, iMin - margin);
  const newEnd = s.size === 0 ? iMax + 1 + margin : Math.max(s.offset + s.size, iMax + 1 + margin);
  const size = newEnd - newOffset;
  const T = s.tierCount;
  const long = new Float64Array(size * T);
  const short = new Float64Array(size * T);
  if (s.size > 0) {
    const at = (s.offset - newOffset) * T;
    long.set(s.long, at);
    short.set(s.short, at);
  }
  s.long = long;
  s.short = short;
  s.offset = newOffset;
  s.size = size;
}

/** Zero global bins [from, to] of one side; returns the coin·price they held (raw units) when `value`. */
function clearRange(s: ModelState, side: Side, from: number, to: number, value: boolean): number {
  const arr = side === 'long' ? s.long : s.short;
  const T = s.tierCount;
  if (!value) {
    arr.fill(0, (from - s.offset) * T, (to - s.offset + 1) * T);
    return 0;
  }
  let usd = 0;
  let price = binCentre(s, from);
  const g = Math.exp(s.logStep);
  for (let i = from; i <= to; i++, price *= g) {
    const base = (i - s.offset) * T;
    let coin = 0;
    for (let k = 0; k < T; k++) {
      coin += arr[base + k]!;
      arr[base + k] = 0;
    }
    usd += coin * price;
  }
  return usd;
}

/** Long levels in global bins ≥ `first` are consumed; returns real USD. */
function consumeLongFrom(s: ModelState, first: number, value = true): number {
  const from = Math.max(s.longLo, first);
  if (from > s.longHi) return 0;
  const usd = clearRange(s, 'long', from, s.longHi, value) * s.scale;
  s.longHi = from - 1;
  if (s.longHi < s.longLo) [s.longLo, s.longHi] = [EMPTY_LO, EMPTY_HI];
  return usd;
}

/** Short levels in global bins ≤ `last` are consumed; returns real USD. */
function consumeShortTo(s: ModelState, last: number, value = true): number {
  const to = Math.min(s.shortHi, last);
  if (to < s.shortLo) return 0;
  const usd = clearRange(s, 'short', s.shortLo, to, value) * s.scale;
  s.shortLo = to + 1;
  if (s.shortHi < s.shortLo) [s.shortLo, s.shortHi] = [EMPTY_LO, EMPTY_HI];
  return usd;
}

/** Volume-weighted price of the bar, clamped into [low, high]; typical price when volume is missing. */
export function barVwap(bar: Candle): number {
  const v = bar.baseVolume > 0 ? bar.quoteVolume / bar.baseVolume : NaN;
  const p = Number.isFinite(v) && v > 0 ? v : (bar.high + bar.low + bar.close) / 3;
  return Math.min(bar.high, Math.max(bar.low, p));
}

/** Scratch for kernel weights (bars span few bins; grows when one does not). */
let kernel = new Float64Array(64);

/**
 * The bar's entry kernel on the grid: triangular over [low, high] peaked at the VWAP, evaluated at the
 * centres of entry bins eA..eA+n−1 and normalised to sum 1 (in `kernel`). Works in log-bin units
 * u = ln(p)/δ; over one bar's range a triangle in log price is indistinguishable from one in price.
 * A range narrower than a bin (or a flat bar) puts everything in the peak's bin.
 */
function entryKernel(lowU: number, peakU: number, highU: number): { eA: number; n: number } {
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
    return { eA: Math.floor(peakU), n: 1 };
  }
  const inv = 1 / wSum;
  for (let i = 0; i < n; i++) kernel[i]! *= inv;
  return { eA, n };
}

/**
 * Adds `coin` new positions of one side: the entry kernel split over the tiers, each tier's levels shifted
 * by its liquidation factor rounded to whole bins (≤ half a bin, 0.005 % at 0.01 % bins), so one kernel
 * serves every tier of both sides.
 */
function addPositions(s: ModelState, side: Side, coin: number, eA: number, n: number): void {
  if (!(coin > 0)) return;
  const T = s.tierCount;
  const rawCoin = coin / s.scale;
  const shifts = side === 'long' ? s.longShift : s.shortShift;
  const arr = side === 'long' ? s.long : s.short;
  let lo = side === 'long' ? s.longLo : s.shortLo;
  let hi = side === 'long' ? s.longHi : s.shortHi;
  for (let k = 0; k < T; k++) {
    const qty = rawCoin * s.params.weights[k]!;
    const sh = shifts[k]!;
    if (!(qty > 0) || !Number.isFinite(sh)) continue; // 1x long never liquidates
    const first = eA + sh;
    for (let i = 0, j = (first - s.offset) * T + k; i < n; i++, j += T) arr[j] = arr[j]! + kernel[i]! * qty;
    if (first < lo) lo = first;
    if (first + n - 1 > hi) hi = first + n - 1;
  }
  if (side === 'long') {
    s.longLo = lo;
    s.longHi = hi;
  } else {
    s.shortLo = lo;
    s.shortHi = hi;
  }
}

/** Folds `scale` back into the arrays when it drifts far from 1 (precision), or resets an empty map. */
function renormalise(s: ModelState): void {
  if (s.scale > 1e-100 && s.scale < 1e100) return;
  const T = s.tierCount;
  for (const [arr, lo, hi] of [
    [s.long, s.longLo, s.longHi],
    [s.short, s.shortLo, s.shortHi],
  ] as const) {
    for (let j = (lo - s.offset) * T, end = (hi - s.offset + 1) * T; j < end; j++) arr[j] = arr[j]! * s.scale;
  }
  if (s.scale === 0) [s.longLo, s.longHi, s.shortLo, s.shortHi] = [EMPTY_LO, EMPTY_HI, EMPTY_LO, EMPTY_HI];
  s.scale = 1;
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
      const { eA, n } = entryKernel(lowU, peakU, highU);
      // One growth check for every tier of both sides.
      ensureRange(s, eA + s.minShift, eA + n - 1 + s.maxShift);
      const both = 2 * inflowCoin;
      addPositions(s, 'long', both * s.params.longShare, eA, n);
      addPositions(s, 'short', both * (1 - s.params.longShare), eA, n);
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

  s.lastBarT = bar.t;
  s.lastOiCoin = closeCoin;
  s.bars++;
  return { predictedLongUsd, predictedShortUsd, inflowCoin };
}

/** Index of the first element with t > `after` (binary search over an ascending series). */
function firstAfter(points: readonly { t: number }[], after: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Steps the closed bars of `series` with t > `after` (all when null). */
function stepSeries(s: ModelState, series: MarketSeries, now: number, after: number | null): void {
  const { candles, openInterest: oi, barMs } = series;
  let c = after === null ? 0 : firstAfter(candles, after);
  let j = c < candles.length ? firstAfter(oi, candles[c]!.t) : oi.length;
  const inBar: OpenInterestPoint[] = [];
  for (; c < candles.length; c++) {
    const bar = candles[c]!;
    const end = bar.t + barMs;
    if (end > now) break; // only closed bars enter the state, so full and incremental builds agree
    if (j < oi.length && oi[j]!.t <= bar.t) j = firstAfter(oi, bar.t);
    inBar.length = 0;
    while (j < oi.length && oi[j]!.t <= end) inBar.push(oi[j++]!);
    stepBar(s, bar, inBar);
  }
}

/** Full replay of the series' closed bars. OI before the first bar seeds the state (not counted as inflow). */
export function buildModel(series: MarketSeries, cfg: EngineConfig, now: number): ModelState {
  const first = series.candles[0];
  let initial: number | undefined;
  if (first) {
    const k = firstAfter(series.openInterest, first.t) - 1;
    initial = k >= 0 ? series.openInterest[k]!.coin : undefined;
  }
  const s = createModel(modelParams(series.exchange, series.risk, cfg), initial);
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
 * returning it); rebuilds from scratch when there is no state or the parameters changed.
 */
export function syncModel(state: ModelState | undefined, series: MarketSeries, cfg: EngineConfig, now: number): ModelState {
  if (!state || state.bars === 0 || !sameParams(state.params, modelParams(series.exchange, series.risk, cfg))) {
    return buildModel(series, cfg, now);
  }
  stepSeries(state, series, now, state.lastBarT);
  return state;
}
