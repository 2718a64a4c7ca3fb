/**
 * Rank statistics for the accuracy metrics (docs/accuracy-model.md §2).
 * Ties get the average of their ranks: the map is exactly 0 in most bars, so tie handling decides
 * whether those bars look "tied" (correct) or arbitrarily ordered (would invent signal).
 */

/** 1-based ranks, ties averaged. */
export function ranks(values: readonly number[]): number[] {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const out = new Array<number>(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const v = values[order[i] as number] as number;
    while (j < n && values[order[j] as number] === v) j++;
    // positions i..j-1 (0-based) share ranks i+1..j → average (i+1+j)/2
    const avg = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) out[order[k] as number] = avg;
    i = j;
  }
  return out;
}

/**
 * Pearson correlation; `null` when either series has no variance (a constant predictor carries no
 * ranking information — reporting 0 would pretend we measured something).
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`pearson: lengths differ (${n} vs ${y.length})`);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Relative threshold: residuals that are zero up to rounding count as "no variance".
  const eps = 1e-12 * n * Math.max(1, mx * mx, my * my);
  if (sxx <= eps || syy <= eps) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** Spearman ρ = Pearson correlation of average ranks. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new RangeError(`spearman: lengths differ (${x.length} vs ${y.length})`);
  return pearson(ranks(x), ranks(y));
}

/** Linear-interpolated quantile (type 7, as numpy's default) of unsorted values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile: no values');
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * Average ranks of bootstrap resamples in O(n) each: the values are sorted once into tie groups, and a
 * resample only counts how often each group was drawn (a 1,000-resample CI would otherwise sort 1,000
 * times per series). Identical to `ranks(pick(values, idx))`.
 */
export class ResampleRanker {
  private readonly group: Int32Array;
  private readonly groups: number;
  private readonly count: Float64Array;

  constructor(values: readonly number[]) {
    const n = values.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
    this.group = new Int32Array(n);
    let g = -1;
    let prev = Number.NaN;
    for (const i of order) {
      const v = values[i] as number;
      if (g < 0 || v !== prev) g++;
      this.group[i] = g;
      prev = v;
    }
    this.groups = g + 1;
    this.count = new Float64Array(this.groups);
  }

  ranks(idx: readonly number[]): number[] {
    const c = this.count;
    c.fill(0);
    for (const i of idx) c[this.group[i] as number]! += 1;
    // count → average rank of the group: ranks before it + (count + 1) / 2
    let before = 0;
    for (let g = 0; g < this.groups; g++) {
      const k = c[g] as number;
      c[g] = before + (k + 1) / 2;
      before += k;
    }
    return idx.map((i) => c[this.group[i] as number] as number);
  }
}
