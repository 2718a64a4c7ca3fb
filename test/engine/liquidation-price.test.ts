// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { liquidationPrice, maxLeverageForStop } from '../../src/engine/liquidation-price';

describe('isolated liquidation price (tier 1, cum = 0)', () => {
  it('10x long at 100,000 with m = 0.4 % liquidates at 100,000·0.9/0.996 = 90,361.45', () => {
    expect(liquidationPrice('long', 100_000, 10, 0.004)).toBeCloseTo(90_361.45, 2);
  });
  it('10x short at 100,000 with m = 0.4 % liquidates at 100,000·1.1/1.004 = 109,561.75', () => {
    expect(liquidationPrice('short', 100_000, 10, 0.004)).toBeCloseTo(109_561.75, 2);
  });
  it('100x long sits ≈ 0.6 % below entry: 100,000·0.99/0.996 = 99,397.59', () => {
    expect(liquidationPrice('long', 100_000, 100, 0.004)).toBeCloseTo(99_397.59, 2);
  });
});

describe('max leverage that keeps the liquidation beyond a stop', () => {
  it('long 100,000, stop 98,000, m 0.4 %: 1/(1 − 98,000·0.996/100,000) = 1/0.02392 = 41.8 → 41x', () => {
    expect(maxLeverageForStop('long', 100_000, 98_000, 0.004, 125)).toBe(41);
    // and 41x really liquidates below the stop while 42x does not
    expect(liquidationPrice('long', 100_000, 41, 0.004)).toBeLessThan(98_000);
    expect(liquidationPrice('long', 100_000, 42, 0.004)).toBeGreaterThan(98_000);
  });
  it('short 100,000, stop 102,000, m 0.4 %: 1/(102,000·1.004/100,000 − 1) = 1/0.02408 = 41.5 → 41x', () => {
    expect(maxLeverageForStop('short', 100_000, 102_000, 0.004, 125)).toBe(41);
  });
  it('is capped at the exchange maximum', () => {
    expect(maxLeverageForStop('long', 100_000, 99_900, 0.004, 20)).toBe(20);
  });
});
