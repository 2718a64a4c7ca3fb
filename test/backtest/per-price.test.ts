// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BacktestBar } from '../../tools/backtest/bar';
import { perPriceStats, type ConsumedLevels } from '../../tools/backtest/per-price';

const bar = (t: number, close: number, low: number, high: number, extra: Partial<BacktestBar> = {}): BacktestBar => ({
  t, barMs: 1, open: close, high, low, close, oiOpenUsd: 1, oiHighUsd: 1, oiLowUsd: 1, oiCloseUsd: 1, liqLongUsd: 0, liqShortUsd: 0, ...extra,
});

describe('perPriceStats', () => {
  // previous close 100, low 99.5: ln(100/99.5)/ln(1.001) = 5.015 → 6 buckets of 0.1 %
  const bars = [
    bar(0, 100, 99.9, 100.1),
    bar(1, 99.7, 99.5, 100, { liqLongByPrice: [[99.62, 500], [99.58, 1500]], liqShortByPrice: [] }),
  ];
  // map levels at 99.95 (bucket 0) and 99.6 (bucket ⌊4.01⌋ = 4); prints at 99.62 (bucket 3) and 99.58 (bucket 4)
  const consumed = new Map<number, ConsumedLevels>([[1, { long: [[99.95, 1000], [99.6, 2000]], short: [] }]]);
  const p = perPriceStats(bars, consumed, () => true, 0.1);

  it('compares predicted and realised USD per bucket of the adverse range', () => {
    expect(p.long.cells).toBe(6);
    // pred [1000,0,0,0,2000,0] vs real [0,0,0,500,1500,0]: ranks [5,2.5,2.5,2.5,6,2.5] vs [2.5,2.5,2.5,5,6,2.5]
    // deviations from 3.5: sxy = −1.5+1+1−1.5+6.25+1 = 6.25, sxx = syy = 12.5 → ρ = 0.5
    expect(p.long.rho).toBeCloseTo(0.5, 12);
    expect(p.long.mappedCellShare).toBeCloseTo(2 / 6, 12);
    expect(p.long.realisedInMapped).toBeCloseTo(1500 / 2000, 12);
  });
  it('a bar without an adverse move contributes no cells', () => {
    // high 100 = previous close: no short excursion
    expect(p.short).toEqual({ cells: 0, rho: null, mappedCellShare: null, realisedInMapped: null });
  });
  it('counts only evaluated bars', () => {
    expect(perPriceStats(bars, consumed, () => false).long.cells).toBe(0);
  });
});
