/**
 * From per-exchange model states to one LiquidationMap (DESIGN §5.1.6–7): a linear grid of bins
 * binPct % of the reference wide, with the reference on a bin edge, so long bins (below) and short bins
 * (above) never share a bin. Each exchange's levels are shifted by its basis (mark − reference) and summed
 * without weights. A model bin's USD is spread over the output bins it overlaps in proportion to the
 * overlap, so re-binning conserves USD exactly; levels on the wrong side of the reference are dropped
 * (price is already past them).
 */
import type { EngineConfig } from './config';
import { type ModelState } from './model';
import type { Exchange, ExchangeContribution, LiquidationMap, MapBin, Side } from './types';

export interface ExchangeModel {
  exchange: Exchange;
  state: ModelState;
  /** The exchange's own mark price. */
  mark: number;
  partial: boolean;
}

/** Dense form of a map used by the analytics: USD per output bin, per side, total and per tier. */
interface Grid {
  reference: number;
  width: number;
  /** Bins per side. */
  n: number;
  tiers: number;
  /** Index b = k + n for grid offset k ∈ [−n, n); long totals live in b < n, short in b ≥ n. */
  usd: Float64Array;
  byTier: Float64Array;
}

function newGrid(reference: number, cfg: EngineConfig): Grid {
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
  const winFrom = Math.floor(Math.log(Math.max(winLo, Number.MIN_VALUE)) / d);
  const winTo = Math.floor(Math.log(winHi) / d);
  const kMin = side === 'long' ? -n : 0;
  const kMax = side === 'long' ? -1 : n - 1;
  const growth = Math.exp(d);
  const invW = 1 / w;
  const { created } = s;
  let added = 0;
  for (let t = 0; t < T; t++) {
    const L = side === 'long' ? t : T + t;
    const sh = s.shift[L];
    if (sh === null || sh === undefined) continue;
    const from = Math.max(winFrom, s.lo[L]! + sh);
    const to = Math.min(winTo, s.hi[L]! + sh);
    if (from > to) continue;
    const killed = s.killed[L]!;
    const perRaw = s.layerWeight[L]! * s.scale;
    let edgeLo = Math.exp(from * d);
    for (let i = from, j = from - sh - s.offset; i <= to; i++, j++) {
      const edgeHi = edgeLo * growth;
      const coin = created[j]! - killed[j]!;
      if (coin !== 0) {
        const usd = coin * perRaw * Math.sqrt(edgeLo * edgeHi);
        // Shifted interval in reference prices, spread over the output bins it overlaps.
        const a = edgeLo - basis;
        const b = edgeHi - basis;
        const kA = Math.max(kMin, Math.floor((a - ref) * invW));
        const kB = Math.min(kMax, Math.floor((b - ref) * invW));
        if (kA === kB && a >= ref + kA * w && b <= ref + (kA + 1) * w) {
          const ob = kA + n;
          g.usd[ob] = g.usd[ob]! + usd;
          g.byTier[ob * g.tiers + t] = g.byTier[ob * g.tiers + t]! + usd;
          added += usd;
        } else {
          const perPrice = usd / (b - a);
          for (let k = kA; k <= kB; k++) {
            const overlap = Math.min(b, ref + (k + 1) * w) - Math.max(a, ref + k * w);
            if (!(overlap > 0)) continue;
            const part = overlap * perPrice;
            const ob = k + n;
            g.usd[ob] = g.usd[ob]! + part;
            g.byTier[ob * g.tiers + t] = g.byTier[ob * g.tiers + t]! + part;
            added += part;
          }
        }
      }
      edgeLo = edgeHi;
    }
  }
  return added;
}

/** Aggregated map of the given exchange models around `reference`. */
export function mapFromModels(
  models: readonly ExchangeModel[],
  reference: number,
  symbol: string,
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
  const bins: MapBin[] = new Array(2 * g.n);
  const zeros: readonly number[] = Object.freeze(new Array<number>(g.tiers).fill(0));
  for (let b = 0; b < 2 * g.n; b++) {
    const k = b - g.n;
    const byTier = Array.from(g.byTier.subarray(b * g.tiers, (b + 1) * g.tiers));
    const usd = g.usd[b]!;
    const isLong = b < g.n;
    bins[b] = {
      price: g.reference + (k + 0.5) * g.width,
      longUsd: isLong ? usd : 0,
      shortUsd: isLong ? 0 : usd,
      longByTier: isLong ? byTier : zeros,
      shortByTier: isLong ? zeros : byTier,
    };
  }
  return bins;
}

/** Total USD of one side of a map. */
export function mapSideUsd(map: LiquidationMap, side: Side): number {
  let sum = 0;
  for (const b of map.bins) sum += side === 'long' ? b.longUsd : b.shortUsd;
  return sum;
}

/** USD of a side per bin, as a dense array aligned with `map.bins`. */
export function sideDensity(map: LiquidationMap, side: Side): Float64Array {
  const out = new Float64Array(map.bins.length);
  map.bins.forEach((b, i) => (out[i] = side === 'long' ? b.longUsd : b.shortUsd));
  return out;
}
