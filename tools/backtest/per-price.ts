/**
 * Per-price check for recordings, which carry the price of every published liquidation: inside each
 * bar's adverse range, do the realised liquidations land where the map had levels?
 *
 * The range previous close → extreme is cut into buckets of `bucketPct` (log-spaced from the previous
 * close). Each bucket gets the map's consumed USD and the realised USD. Reported per side: Spearman ρ
 * over all (bar, bucket) cells, the share of cells the map marked (> 0), and the share of realised USD
 * that fell in marked cells. A map that localises liquidations puts much more than its cell share of the
 * realised USD into its marked cells.
 */
import type { BacktestBar } from './bar';
import { spearman } from './rank';

/** [price, usd] levels the engine consumed in one bar, per side. */
export interface ConsumedLevels {
  long: [number, number][];
  short: [number, number][];
}

export interface PerPriceSide {
  cells: number;
  rho: number | null;
  /** Share of cells where the map predicted > 0. */
  mappedCellShare: number | null;
  /** Share of the realised USD that fell into those cells. */
  realisedInMapped: number | null;
}

export function perPriceStats(
  bars: readonly BacktestBar[],
  consumed: ReadonlyMap<number, ConsumedLevels>,
  evaluated: (t: number) => boolean,
  bucketPct = 0.1,
): { long: PerPriceSide; short: PerPriceSide } {
  const step = Math.log1p(bucketPct / 100);
  const side = (s: 'long' | 'short'): PerPriceSide => {
    const pred: number[] = [];
    const real: number[] = [];
    for (let i = 1; i < bars.length; i++) {
      const bar = bars[i] as BacktestBar;
      const levels = consumed.get(bar.t);
      if (!levels || !evaluated(bar.t)) continue;
      const ref = (bars[i - 1] as BacktestBar).close;
      const extreme = s === 'long' ? bar.low : bar.high;
      const dist = Math.abs(Math.log(extreme / ref));
      if (dist === 0) continue; // no adverse move: nothing can be attributed
      const k = Math.max(1, Math.ceil(dist / step));
      // Signed distance in the adverse direction; a print on the wrong side of the previous close
      // (mark vs last price) counts in the nearest bucket, one beyond the extreme in the farthest.
      const sign = s === 'long' ? 1 : -1;
      const bucket = (price: number): number => Math.min(k - 1, Math.max(0, Math.floor((sign * Math.log(ref / price)) / step)));
      const p = new Array<number>(k).fill(0);
      const r = new Array<number>(k).fill(0);
      for (const [price, usd] of levels[s]) p[bucket(price)] = (p[bucket(price)] as number) + usd;
      // Published prices can sit just outside the bar's range (mark vs last, bankruptcy price): nearest bucket.
      for (const [price, usd] of (s === 'long' ? bar.liqLongByPrice : bar.liqShortByPrice) ?? []) r[bucket(price)] = (r[bucket(price)] as number) + usd;
      pred.push(...p);
      real.push(...r);
    }
    const cells = pred.length;
    if (cells === 0) return { cells, rho: null, mappedCellShare: null, realisedInMapped: null };
    const mapped = pred.filter((v) => v > 0).length;
    const realTotal = real.reduce((a, b) => a + b, 0);
    const realMapped = real.reduce((a, v, i) => a + ((pred[i] as number) > 0 ? v : 0), 0);
    return {
      cells,
      rho: cells >= 3 ? spearman(pred, real) : null,
      mappedCellShare: mapped / cells,
      realisedInMapped: realTotal > 0 ? realMapped / realTotal : null,
    };
  };
  return { long: side('long'), short: side('short') };
}

export function formatPerPrice(p: { long: PerPriceSide; short: PerPriceSide }, bucketPct: number): string {
  const f = (v: number | null, pct = false) => (v === null ? 'n/a' : pct ? `${(100 * v).toFixed(1)} %` : v.toFixed(3));
  return [
    `Per-price check (buckets of ${bucketPct} % from the previous close to the bar's extreme):`,
    `  long : ${p.long.cells} cells, ρ ${f(p.long.rho)}, map marks ${f(p.long.mappedCellShare, true)} of cells holding ${f(p.long.realisedInMapped, true)} of realised USD`,
    `  short: ${p.short.cells} cells, ρ ${f(p.short.rho)}, map marks ${f(p.short.mappedCellShare, true)} of cells holding ${f(p.short.realisedInMapped, true)} of realised USD`,
  ].join('\n');
}
