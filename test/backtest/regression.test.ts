// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ols, predictOls } from '../../tools/backtest/regression';

describe('ols', () => {
  it('recovers an exact linear relation y = 1 + 2a − 3b', () => {
    const a = [0, 1, 2, 3, 4, 5];
    const b = [1, 0, 2, 1, 3, 0];
    const y = a.map((v, i) => 1 + 2 * v - 3 * (b[i] as number));
    const c = ols([a, b], y)!;
    expect(c[0]).toBeCloseTo(1, 10);
    expect(c[1]).toBeCloseTo(2, 10);
    expect(c[2]).toBeCloseTo(-3, 10);
    expect(predictOls(c, [10, 1])).toBeCloseTo(18, 10);
  });
  it('fits the least-squares line through (0,0),(1,1),(2,1): y = 1/6 + x/2', () => {
    // x̄ = 1, ȳ = 2/3; sxy = (−1)(−2/3) + 0 + (1)(1/3) = 1; sxx = 2 → b = 0.5, a = 2/3 − 0.5 = 1/6
    const c = ols([[0, 1, 2]], [0, 1, 1])!;
    expect(c[0]).toBeCloseTo(1 / 6, 12);
    expect(c[1]).toBeCloseTo(0.5, 12);
  });
  it('is null for a constant feature (singular design)', () => {
    expect(ols([[2, 2, 2]], [1, 2, 3])).toBeNull();
  });
});
