// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pearson, quantile, ranks, ResampleRanker, spearman } from '../../tools/backtest/rank';

describe('ranks', () => {
  it('gives tied values the average of their ranks', () => {
    // sorted: 5 (1), 10 (2), 20 20 (3 and 4 → 3.5 each)
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });
  it('ranks an all-zero map as one tie', () => {
    expect(ranks([0, 0, 0])).toEqual([2, 2, 2]);
  });
});

describe('spearman', () => {
  it('matches a hand-computed value with a tie', () => {
    // ranks y = [1, 2, 3.5, 5, 3.5]; dx = [-2,-1,0,1,2], dy = [-2,-1,.5,2,.5]
    // sxy = 4+1+0+2+1 = 8, sxx = 10, syy = 9.5 → ρ = 8/√95 = 0.82078
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 10);
  });
  it('is 1 for any monotone transform and -1 for a reversing one', () => {
    const x = [0.1, 0.5, 0.2, 0.9, 0.3];
    expect(spearman(x, x.map((v) => Math.exp(10 * v)))).toBeCloseTo(1, 12);
    expect(spearman(x, x.map((v) => -v * v))).toBeCloseTo(-1, 12);
  });
  it('is null (not NaN, not 0) for a constant predictor', () => {
    expect(spearman([0, 0, 0, 0], [1, 2, 3, 4])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
  });
  it('refuses series of different lengths', () => {
    expect(() => spearman([1, 2], [1])).toThrow(/lengths differ/);
  });
});

describe('quantile', () => {
  it('interpolates linearly between order statistics', () => {
    // position (4-1)·0.75 = 2.25 → 3 + 0.25·(4-3)
    expect(quantile([4, 1, 3, 2], 0.75)).toBeCloseTo(3.25, 12);
    expect(quantile([7], 0.5)).toBe(7);
  });
});

describe('ResampleRanker', () => {
  it('gives exactly the average ranks of the resampled values (ties included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
        (values, draws) => {
          const idx = draws.map((d) => d % values.length);
          expect(new ResampleRanker(values).ranks(idx)).toEqual(ranks(idx.map((i) => values[i]!)));
        },
      ),
    );
  });
});
