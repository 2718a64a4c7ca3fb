/**
 * Moving-block bootstrap with a seeded PRNG, so a CI printed today is the CI printed tomorrow.
 * Blocks (24 hourly bars by default) keep the serial dependence of liquidations within a day that an
 * i.i.d. bootstrap would destroy (and so understate the interval).
 */
import { seededRandom } from '../seeded-random';
import { quantile } from './rank';

export { seededRandom };

/** Indices of one moving-block resample of n items: ⌈n/L⌉ blocks with uniform starts, cut to n. */
export function blockResample(n: number, blockLength: number, rand: () => number): number[] {
  const L = Math.max(1, Math.min(blockLength, n));
  const out: number[] = [];
  while (out.length < n) {
    const start = Math.floor(rand() * (n - L + 1));
    for (let k = 0; k < L && out.length < n; k++) out.push(start + k);
  }
  return out;
}

export interface BootstrapOptions {
  reps: number;
  blockLength: number;
  seed: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { reps: 1000, blockLength: 24, seed: 20260331 };

/**
 * Percentile 95 % interval of `stat` over block resamples of the paired series. Resamples where the
 * statistic is undefined (null) are skipped; null when fewer than half are defined.
 */
export function blockBootstrapCi(
  n: number,
  stat: (idx: readonly number[]) => number | null,
  opts: BootstrapOptions = DEFAULT_BOOTSTRAP,
): [number, number] | null {
  const rand = seededRandom(opts.seed);
  const values: number[] = [];
  for (let r = 0; r < opts.reps; r++) {
    const v = stat(blockResample(n, opts.blockLength, rand));
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (values.length < opts.reps / 2 || values.length === 0) return null;
  return [quantile(values, 0.025), quantile(values, 0.975)];
}

export function pick<T>(values: readonly T[], idx: readonly number[]): T[] {
  return idx.map((i) => values[i] as T);
}
