/**
 * From per-exchange model states to one LiquidationMap (docs/design.md §5.1.6–7): a linear grid of bins
 * binPct % of the reference wide, with the reference on a bin edge, so long bins (below) and short bins
 * (above) never share a bin. Each exchange's levels are shifted by its basis (mark − reference) and summed
 * without weights. A model bin's USD is spread over the output bins it overlaps in proportion to the
 * overlap, so re-binning conserves USD exactly; levels on the wrong side of the reference are dropped
 * (price is already past them).
 */
import type { EngineConfig } from './config';
import { type ModelState } from './model';
import type { Exchange, ExchangeContribution, LiquidationMap, MapBin, Side, Symbol } from './types';
import type { Price, Usd } from './units';

export interface ExchangeModel {
  exchange: Exchange;
  state: ModelState;
  /** The exchange's own mark price. */
  mark: Price;
  partial: boolean;
}

/** Dense form of a map used by the analytics: USD per output bin, per side, total and per tier. */
interface Grid {
  reference: Price;
  width: number;
  /** Bins per side. */
  n: number;
  tiers: number;
  /** Index b = k + n for grid offset k ∈ [−n, n); long totals live in b < n, short in b ≥ n. */
  usd: Float64Array;
  byTier: Float64Array;
}

function newGrid(reference: Price, cfg: EngineConfig): Grid {
  const n = Math.max(1, Math.ceil(cfg.mapRangePct / cfg.binPct - 1e-9));
  const tiers = cfg.tiers.length;
  return {
    reference,
    width: (reference * cfg.binPct) / 100,
    n,
    tiers,
    usd: new Float64Array(2 * n),
    byTier: new Float64Array(2 * n * tiers),
  };
}

/** Per model bin of the window: its USD per raw coin, and how it splits over (at most) two output bins. */
let usdPerCoin = new Float64Array(0);
let binA = new Int32Array(0);
let binB = new Int32Array(0);
let fracA = new Float64Array(0);
let fracB = new Float64Array(0);
/** Set by layout(): some model bin of the window is wider than an output bin (a coarse model, see addWide). */
let wide = false;

/**
 * Where the model bins [from, to] (liquidation prices of this exchange) land on the output grid after the
 * basis shift. A model bin (0.01 % of its price) is narrower than an output bin (0.05 % of the reference)
 * within ±15 %, so it overlaps at most two; parts outside the side's window are dropped (index −1).
 */
function layout(g: Grid, s: ModelState, basis: number, from: number, to: number, kMin: number, kMax: number): void {
  const m = to - from + 1;
  if (usdPerCoin.length < m) {
    usdPerCoin = new Float64Array(2 * m);
    binA = new Int32Array(2 * m);
    binB = new Int32Array(2 * m);
    fracA = new Float64Array(2 * m);
    fracB = new Float64Array(2 * m);
  }
  const { reference: ref, width: w, n } = g;
  const invW = 1 / w;
  const growth = Math.exp(s.logStep);
  const sqrtGrowth = Math.sqrt(growth);
  let edgeLo = Math.exp(from * s.logStep);
  // A model bin wider than an output bin overlaps more than two of them: then addWide() spreads each one.
  wide = Math.exp(to * s.logStep) * (growth - 1) > w;
  for (let x = 0; x < m; x++) {
    const edgeHi = edgeLo * growth;
    usdPerCoin[x] = edgeLo * sqrtGrowth; // bin centre (geometric), the price its coin is valued at
    const a = edgeLo - basis;
    const b = edgeHi - basis;
    const k = Math.floor((a - ref) * invW);
    const split = ref + (k + 1) * w;
    const inA = b <= split ? 1 : (split - a) / (b - a);
    binA[x] = k >= kMin && k <= kMax ? k + n : -1;
    fracA[x] = inA;
    binB[x] = inA < 1 && k + 1 >= kMin && k + 1 <= kMax ? k + 1 + n : -1;
    fracB[x] = 1 - inA;
    edgeLo = edgeHi;
  }
}

/** Adds one exchange's side into the grid, tier by tier; returns the USD added. */
function addSide(g: Grid, m: ExchangeModel, side: Side): number {
  const s = m.state;
  const T = s.tierCount;
  const basis = m.mark - g.reference;
  const { reference: ref, width: w, n } = g;
  // Window in the exchange's own prices: long [ref − n·w, ref), short [ref, ref + n·w).
  const winLo = (side === 'long' ? ref - n * w : ref) + basis;
  const winHi = (side === 'long' ? ref : ref + n * w) + basis;
  if (!(winHi > 0)) return 0;
  const d = s.logStep;
  // An exchange quoting far below the reference (mark < 16 % of it: not the same market, or a wild feed) would
  // stretch the long window down towards price 0, over millions of model bins in log space. Prices below
  // 1 % of the window's top are left out: a real basis (well under 1 %) never comes near that.
  let from = Math.floor(Math.log(Math.max(winLo, winHi / 100)) / d);
  let to = Math.floor(Math.log(winHi) / d);
  // Only where some tier holds mass.
  let lo = Number.MAX_SAFE_INTEGER;
  let hi = Number.MIN_SAFE_INTEGER;
  for (let t = 0; t < T; t++) {
    const L = side === 'long' ? t : T + t;
    const sh = s.shift[L];
    if (sh === null || sh === undefined || s.lo[L]! > s.hi[L]!) continue;
    lo = Math.min(lo, s.lo[L]! + sh);
    hi = Math.max(hi, s.hi[L]! + sh);
  }
  from = Math.max(from, lo);
  to = Math.min(to, hi);
  if (from > to) return 0;
  layout(g, s, basis, from, to, side === 'long' ? -n : 0, side === 'long' ? -1 : n - 1);
  if (wide) return addWide(g, s, side, basis, from, to);
  const { created } = s;
  const { usd, byTier, tiers } = g;
  let added = 0;
  for (let t = 0; t < T; t++) {
    const L = side === 'long' ? t : T + t;
    const sh = s.shift[L];
    if (sh === null || sh === undefined) continue;
    const a = Math.max(from, s.lo[L]! + sh);
    const b = Math.min(to, s.hi[L]! + sh);
    const killed = s.killed[L]!;
    const perRaw = s.layerWeight[L]! * s.scale;
    for (let i = a, j = a - sh - s.offset, x = a - from; i <= b; i++, j++, x++) {
      const coin = created[j]! - killed[j]!;
      if (coin === 0) continue;
      const value = coin * perRaw * usdPerCoin[x]!;
      const oa = binA[x]!;
      if (oa >= 0) {
        const part = value * fracA[x]!;
        usd[oa] = usd[oa]! + part;
        byTier[oa * tiers + t] = byTier[oa * tiers + t]! + part;
        added += part;
      }
      const ob = binB[x]!;
      if (ob >= 0) {
        const part = value * fracB[x]!;
        usd[ob] = usd[ob]! + part;
        byTier[ob * tiers + t] = byTier[ob * tiers + t]! + part;
        added += part;
      }
    }
  }
  return added;
}

/**
 * addSide() for a coarse model (bins widened by config.modelMaxPathBins): each model bin's USD is spread over
 * every output bin it overlaps, in proportion to the overlap, so USD is still conserved within the window.
 */
function addWide(g: Grid, s: ModelState, side: Side, basis: number, from: number, to: number): number {
  const T = s.tierCount;
  const { reference: ref, width: w, n, usd, byTier, tiers } = g;
  const kMin = side === 'long' ? -n : 0;
  const kMax = side === 'long' ? -1 : n - 1;
  let added = 0;
  for (let t = 0; t < T; t++) {
    const L = side === 'long' ? t : T + t;
    const sh = s.shift[L];
    if (sh === null || sh === undefined) continue;
    const a0 = Math.max(from, s.lo[L]! + sh);
    const b0 = Math.min(to, s.hi[L]! + sh);
    const killed = s.killed[L]!;
    const perRaw = s.layerWeight[L]! * s.scale;
    for (let i = a0; i <= b0; i++) {
      const j = i - sh - s.offset;
      const coin = s.created[j]! - killed[j]!;
      if (coin === 0) continue;
      const x = i - from;
      const value = coin * perRaw * usdPerCoin[x]!;
      const a = Math.exp(i * s.logStep) - basis;
      const b = Math.exp((i + 1) * s.logStep) - basis;
      if (!(b > a)) continue;
      const k0 = Math.max(kMin, Math.floor((a - ref) / w));
      const k1 = Math.min(kMax, Math.floor((b - ref) / w));
      for (let k = k0; k <= k1; k++) {
        const lo = Math.max(a, ref + k * w);
        const hi = Math.min(b, ref + (k + 1) * w);
        if (!(hi > lo)) continue;
        const part = (value * (hi - lo)) / (b - a);
        const o = k + n;
        usd[o] = usd[o]! + part;
        byTier[o * tiers + t] = byTier[o * tiers + t]! + part;
        added += part;
      }
    }
  }
  return added;
}

/** Aggregated map of the given exchange models around `reference`. */
export function mapFromModels(
  models: readonly ExchangeModel[],
  reference: Price,
  symbol: Symbol,
  cfg: EngineConfig,
): LiquidationMap {
  const g = newGrid(reference, cfg);
  const perExchange: Partial<Record<Exchange, ExchangeContribution>> = {};
  let asOf = 0;
  for (const m of models) {
    const longUsd = addSide(g, m, 'long');
    const shortUsd = addSide(g, m, 'short');
    perExchange[m.exchange] = { longUsd, shortUsd, mark: m.mark, basis: m.mark - reference, partial: m.partial };
    if (m.state.lastBarT !== null) asOf = Math.max(asOf, m.state.lastBarT);
  }
  return { symbol, reference, binWidth: g.width, tiers: [...cfg.tiers], bins: gridBins(g), perExchange, asOf };
}

function gridBins(g: Grid): MapBin[] {
  const T = g.tiers;
  const bins: MapBin[] = new Array(2 * g.n);
  const zeros: readonly number[] = Object.freeze(new Array<number>(T).fill(0));
  for (let b = 0; b < 2 * g.n; b++) {
    const byTier = new Array<number>(T);
    for (let t = 0; t < T; t++) byTier[t] = g.byTier[b * T + t]!;
    const usd = g.usd[b]!;
    const isLong = b < g.n;
    bins[b] = {
      price: g.reference + (b - g.n + 0.5) * g.width,
      longUsd: isLong ? usd : 0,
      shortUsd: isLong ? 0 : usd,
      longByTier: isLong ? byTier : zeros,
      shortByTier: isLong ? zeros : byTier,
    };
  }
  return bins;
}

/** Total USD of one side of a map. */
export function mapSideUsd(map: LiquidationMap, side: Side): Usd {
  let sum = 0;
  for (const b of map.bins) sum += side === 'long' ? b.longUsd : b.shortUsd;
  return sum;
}
