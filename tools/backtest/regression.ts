/**
 * Ordinary least squares with an intercept, solved from the normal equations by Gaussian elimination
 * with partial pivoting. The combined-predictor check (prototype §2.3) needs at most 3 coefficients,
 * so a tiny dense solver is all that is required.
 */

/** Coefficients [intercept, b1, …]; null when the design is singular (e.g. a constant feature). */
export function ols(features: readonly (readonly number[])[], y: readonly number[]): number[] | null {
  const n = y.length;
  const k = features.length + 1;
  const row = (i: number): number[] => [1, ...features.map((f) => f[i] as number)];
  const a: number[][] = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  for (let i = 0; i < n; i++) {
    const r = row(i);
    for (let p = 0; p < k; p++) {
      const ap = a[p] as number[];
      for (let q = 0; q < k; q++) ap[q] = (ap[q] as number) + (r[p] as number) * (r[q] as number);
      ap[k] = (ap[k] as number) + (r[p] as number) * (y[i] as number);
    }
  }
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs((a[r] as number[])[c] as number) > Math.abs((a[piv] as number[])[c] as number)) piv = r;
    const tmp = a[c] as number[];
    a[c] = a[piv] as number[];
    a[piv] = tmp;
    const ac = a[c] as number[];
    const scale = Math.max(1, Math.abs((a[0] as number[])[0] as number));
    if (Math.abs(ac[c] as number) < 1e-10 * scale) return null;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const ar = a[r] as number[];
      const f = (ar[c] as number) / (ac[c] as number);
      for (let q = c; q <= k; q++) ar[q] = (ar[q] as number) - f * (ac[q] as number);
    }
  }
  return a.map((r, i) => (r[k] as number) / (r[i] as number));
}

export function predictOls(coef: readonly number[], features: readonly number[]): number {
  let v = coef[0] as number;
  for (let j = 0; j < features.length; j++) v += (coef[j + 1] as number) * (features[j] as number);
  return v;
}
