// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { blockBootstrapCi, blockResample, seededRandom } from '../../tools/backtest/bootstrap';

describe('seededRandom', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const sa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(sa);
    expect(c()).not.toBe(sa[0]);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe('blockResample', () => {
  it('returns n indices made of contiguous blocks of length L', () => {
    const idx = blockResample(50, 10, seededRandom(1));
    expect(idx).toHaveLength(50);
    for (let b = 0; b < 5; b++) {
      for (let k = 1; k < 10; k++) expect(idx[b * 10 + k]).toBe((idx[b * 10] as number) + k);
      expect(idx[b * 10]! + 9).toBeLessThan(50);
    }
  });
  it('cuts the last block to reach exactly n', () => {
    expect(blockResample(25, 10, seededRandom(1))).toHaveLength(25);
  });
});

describe('blockBootstrapCi', () => {
  it('is deterministic and brackets the mean of a noisy series', () => {
    const r = seededRandom(3);
    const v = Array.from({ length: 480 }, () => r());
    const mean = (idx: readonly number[]) => idx.reduce((s, i) => s + (v[i] as number), 0) / idx.length;
    const opts = { reps: 300, blockLength: 24, seed: 9 };
    const ci = blockBootstrapCi(v.length, mean, opts)!;
    expect(blockBootstrapCi(v.length, mean, opts)).toEqual(ci);
    expect(ci[0]).toBeLessThan(0.5);
    expect(ci[1]).toBeGreaterThan(0.5);
    // uniform: sd 0.2887, se of the mean over 480 ≈ 0.0132 → 95 % half-width ≈ 0.026
    expect(ci[1] - ci[0]).toBeGreaterThan(0.03);
    expect(ci[1] - ci[0]).toBeLessThan(0.08);
  });
  it('is null when the statistic is undefined in most resamples', () => {
    expect(blockBootstrapCi(100, () => null, { reps: 50, blockLength: 10, seed: 1 })).toBeNull();
  });
});
