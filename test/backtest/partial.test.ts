// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tools/backtest/bootstrap';
import { partialSpearmanBinned, partialSpearmanLinear, rankBins } from '../../tools/backtest/partial';
import { spearman } from '../../tools/backtest/rank';

describe('rankBins', () => {
  it('makes equal-count bins and keeps ties in X together', () => {
    expect(rankBins([1, 2, 3, 4], 2)).toEqual([0, 0, 1, 1]);
    // ties at average rank 2.5 of 4 bars → ⌊1.5·2/4⌋ = 0 for both
    expect(rankBins([1, 2.5, 2.5, 4], 2)).toEqual([0, 0, 0, 1]);
  });
});

describe('partial Spearman, hand-checked on 4 bars', () => {
  // x ranks 1..4 → bins {0,1}, {2,3} with 2 bins.
  const x = [1, 2, 3, 4];
  const p = [2, 1, 3, 4];
  const y = [1, 2, 4, 3];
  it('raw ρ(p, y) is 0.6: both rise with x', () => {
    // dp = [-.5,-1.5,.5,1.5], dy = [-1.5,-.5,1.5,.5]: sxy = 3, sxx = syy = 5 → 0.6
    expect(spearman(p, y)).toBeCloseTo(0.6, 12);
  });
  it('binned control: within each bin p and y are ordered oppositely → -1', () => {
    // rank p demeaned in bins: [.5,-.5,-.5,.5]; rank y: [-.5,.5,.5,-.5]
    expect(partialSpearmanBinned(p, y, x, 2)).toBeCloseTo(-1, 12);
  });
  it('linear control: residuals [.7,-1.1,.1,.3] and [-.3,-.1,1.1,-.7] → -0.2/1.8', () => {
    expect(partialSpearmanLinear(p, y, x)).toBeCloseTo(-0.2 / 1.8, 12);
  });
  it('needs at least two bars per bin', () => {
    expect(partialSpearmanBinned(p, y, x, 40)).toBeNull();
  });
});

describe('placebo: a non-linear function of the excursion carries no map information', () => {
  // Synthetic hourly-like series: excursion ~ exponential (median ≈ 0.24 %), realised liquidations grow
  // convexly with it times log-normal noise. The placebo max(exc − 0.6 %, 0) is a pure function of X.
  const rand = seededRandom(7);
  const n = 2600;
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const exc = -Math.log(1 - rand()) * 0.0035;
    const noise = Math.exp(1.2 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()));
    x.push(exc);
    y.push(1e5 * Math.exp(400 * exc) * noise);
  }
  const placebo = x.map((e) => Math.max(e - 0.006, 0));
  it('scores |partial ρ| < 0.05 with the 40-bin control', () => {
    const r = partialSpearmanBinned(placebo, y, x) as number;
    expect(Math.abs(r)).toBeLessThan(0.05);
  });
  it('but the linear control credits it with spurious signal (why the binned one is the gate)', () => {
    const lin = partialSpearmanLinear(placebo, y, x) as number;
    const bin = partialSpearmanBinned(placebo, y, x) as number;
    expect(lin - bin).toBeGreaterThan(0.1);
  });
  it('a predictor with genuine extra information scores clearly above 0', () => {
    // the realised value's own noise, partially observed: information beyond X by construction
    const informative = y.map((v, i) => v / Math.exp(400 * (x[i] as number)) + 2e4 * rand());
    expect(partialSpearmanBinned(informative, y, x) as number).toBeGreaterThan(0.3);
  });
});
