/**
 * Partial Spearman ρ of a prediction P with the realised value Y, given the excursion X
 * (docs/accuracy-model.md §2.2).
 *
 * The *binned* control is the acceptance metric: a map is a non-linear function of the move (zero until
 * price reaches the first level), so a linear control leaves part of the move's own signal in the
 * residual and credits it to the map. Demeaning within 40 equal-count bins of rank(X) absorbs any
 * function of X. The linear version is reported beside it only to show that inflation.
 */
import { pearson, ranks } from './rank';

export const DEFAULT_CONTROL_BINS = 40;

/**
 * Bin index of each bar by rank(X): equal-count bins, bars tied in X always share a bin
 * (bin = ⌊(rank − 1)·B / n⌋ on the average rank).
 */
export function rankBins(rankX: readonly number[], bins: number): number[] {
  const n = rankX.length;
  return rankX.map((r) => Math.min(bins - 1, Math.max(0, Math.floor(((r - 1) * bins) / n))));
}

function demeanWithin(values: readonly number[], bin: readonly number[], bins: number): number[] {
  const sum = new Array<number>(bins).fill(0);
  const count = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = bin[i] as number;
    sum[b] = (sum[b] as number) + (values[i] as number);
    count[b] = (count[b] as number) + 1;
  }
  return values.map((v, i) => {
    const b = bin[i] as number;
    return v - (sum[b] as number) / (count[b] as number);
  });
}

/** Partial Spearman with the binned control; null when a residual series has no variance. */
export function partialSpearmanBinned(
  p: readonly number[],
  y: readonly number[],
  x: readonly number[],
  bins = DEFAULT_CONTROL_BINS,
): number | null {
  const n = p.length;
  if (y.length !== n || x.length !== n) throw new RangeError('partialSpearmanBinned: lengths differ');
  return partialFromRanks(ranks(p), ranks(y), ranks(x), bins);
}

/** The binned partial from precomputed average ranks (the bootstrap's fast path). */
export function partialFromRanks(rp: readonly number[], ry: readonly number[], rx: readonly number[], bins = DEFAULT_CONTROL_BINS): number | null {
  if (rp.length < 2 * bins) return null;
  const bin = rankBins(rx, bins);
  return pearson(demeanWithin(rp, bin, bins), demeanWithin(ry, bin, bins));
}

function residualsLinear(v: readonly number[], x: readonly number[]): number[] {
  const n = v.length;
  let mx = 0;
  let mv = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    mv += v[i] as number;
  }
  mx /= n;
  mv /= n;
  let sxv = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxv += ((x[i] as number) - mx) * ((v[i] as number) - mv);
    sxx += ((x[i] as number) - mx) ** 2;
  }
  const b = sxx > 0 ? sxv / sxx : 0;
  return v.map((vi, i) => vi - mv - b * ((x[i] as number) - mx));
}

/** Partial Spearman with ranks regressed linearly on rank(X) (inflated; shown beside the binned one). */
export function partialSpearmanLinear(p: readonly number[], y: readonly number[], x: readonly number[]): number | null {
  const n = p.length;
  if (y.length !== n || x.length !== n) throw new RangeError('partialSpearmanLinear: lengths differ');
  const rx = ranks(x);
  return pearson(residualsLinear(ranks(p), rx), residualsLinear(ranks(y), rx));
}
