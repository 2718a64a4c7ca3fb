import { describe, expect, test } from 'vitest';
import { positionProblem } from '../../src/position/sanity';

const long = { side: 'long' as const, entry: 96800, size: 0.15, leverage: 10, liqPrice: 87512.3 };

describe('positionProblem', () => {
  test('a plausible long and short pass', () => {
    expect(positionProblem(long)).toBeNull();
    expect(positionProblem({ side: 'short', entry: 3450, size: 2.5, leverage: 20, liqPrice: 3604.5 })).toBeNull();
    expect(positionProblem({ ...long, liqPrice: undefined })).toBeNull();
  });
  test('liquidation on the wrong side of entry is named', () => {
    expect(positionProblem({ ...long, liqPrice: 99000 })).toBe('liquidation price 99000 is not below the entry 96800 of a long');
    expect(positionProblem({ side: 'short', entry: 3450, size: 1, leverage: 5, liqPrice: 3000 })).toBe('liquidation price 3000 is not above the entry 3450 of a short');
  });
  test('leverage outside 1–150x', () => {
    expect(positionProblem({ ...long, leverage: 0.5 })).toMatch(/^leverage must be between 1x and 150x \(got 0.5x\)/);
    expect(positionProblem({ ...long, leverage: 151 })).toMatch(/^leverage/);
    expect(positionProblem({ ...long, leverage: 150 })).toBeNull();
    expect(positionProblem({ ...long, leverage: 1 })).toBeNull();
  });
  test('non-positive or non-finite entry and size', () => {
    expect(positionProblem({ ...long, entry: 0 })).toMatch(/^entry price/);
    expect(positionProblem({ ...long, size: Number.NaN })).toMatch(/^size/);
  });
});
