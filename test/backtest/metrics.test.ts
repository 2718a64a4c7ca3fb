// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tools/backtest/bootstrap';
import { combinedOutOfSample, DEFAULT_METRIC_OPTIONS, sideMetrics } from '../../tools/backtest/metrics';
import { spearman } from '../../tools/backtest/rank';

function series(n: number, seed: number, mapInformative: boolean) {
  const r = seededRandom(seed);
  const excursion: number[] = [];
  const realised: number[] = [];
  const predicted: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = -Math.log(1 - r()) * 0.003;
    const hidden = r(); // what positions sat in the range: only an informative map sees it
    excursion.push(e);
    realised.push(1e5 * Math.exp(300 * e) * (0.2 + hidden) * (0.5 + r()));
    predicted.push(mapInformative ? Math.max(0, e - 0.001) * 1e8 * (0.2 + hidden) : Math.max(0, e - 0.001) * 1e8);
  }
  return { predicted, realised, excursion };
}
const fast = { ...DEFAULT_METRIC_OPTIONS, bootstrap: { reps: 200, blockLength: 24, seed: 1 } };

describe('sideMetrics', () => {
  it('a map that knows where positions sit beats the excursion on every metric', () => {
    const m = sideMetrics(series(1500, 11, true), 0, 1500, fast);
    expect(m.partial_rho!).toBeGreaterThan(0.3);
    expect(m.partial_ci![0]).toBeGreaterThan(0.2);
    expect(m.partial_ci![0]).toBeLessThan(m.partial_rho!);
    expect(m.partial_ci![1]).toBeGreaterThan(m.partial_rho!);
    expect(m.q4_bars).toBe(375);
    expect(m.q4_rho!).toBeGreaterThan(m.q4_baseline_rho!);
    expect(m.combined_rho!).toBeGreaterThan(m.combined_baseline_rho!);
    expect(m.combined_delta_ci![0]).toBeGreaterThan(0);
  });
  it('a map that is only a function of the move adds nothing', () => {
    // 1,500 bars → 37 per control bin: a little of the move's own signal survives inside the bins
    // (0.05 here; 0.01 at the 2,653 bars of the real window), far below an informative map's.
    const m = sideMetrics(series(1500, 12, false), 0, 1500, fast);
    expect(Math.abs(m.partial_rho!)).toBeLessThan(0.1);
    expect(m.partial_ci![0]).toBeLessThan(0);
    expect(m.q4_rho).toBeCloseTo(m.q4_baseline_rho!, 12); // same ordering as the move inside Q4
    expect(m.combined_rho! - m.combined_baseline_rho!).toBeLessThan(0.005);
  });
  it('rho and baseline_rho are plain Spearman correlations of the evaluated bars', () => {
    const s = series(600, 13, true);
    const m = sideMetrics(s, 100, 600, fast);
    expect(m.rho).toBeCloseTo(spearman(s.predicted.slice(100), s.realised.slice(100))!, 12);
    expect(m.baseline_rho).toBeCloseTo(spearman(s.excursion.slice(100), s.realised.slice(100))!, 12);
  });
  it('reports undefined metrics as null, never NaN', () => {
    const m = sideMetrics({ predicted: [0, 0, 0, 0], realised: [1, 2, 3, 4], excursion: [0.1, 0.2, 0.3, 0.4] }, 0, 4, fast);
    expect(m.rho).toBeNull();
    expect(m.partial_rho).toBeNull();
    expect(m.partial_ci).toBeNull();
    expect(m.combined_rho).toBeNull();
    expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
  });
});

describe('combinedOutOfSample', () => {
  it('predicts each bar only from fits on earlier bars, refitting every 24', () => {
    const s = series(600, 14, true);
    const a = combinedOutOfSample(s, 0, 600, { combinedMinTrain: 504, combinedRefitEvery: 24 });
    expect(a.index[0]).toBe(504);
    expect(a.index).toHaveLength(96);
    // Changing a bar's realised value changes no prediction for that bar or any bar of its block.
    const s2 = { ...s, realised: s.realised.map((v, i) => (i >= 528 ? v * 100 : v)) };
    const b = combinedOutOfSample(s2, 0, 600, { combinedMinTrain: 504, combinedRefitEvery: 24 });
    expect(b.withMap.slice(0, 48)).toEqual(a.withMap.slice(0, 48));
    expect(b.withMap[48]).not.toBe(a.withMap[48]);
  });
  it('trains on bars before --from but scores only the evaluated ones', () => {
    const s = series(700, 15, true);
    const a = combinedOutOfSample(s, 600, 700, { combinedMinTrain: 504, combinedRefitEvery: 24 });
    expect(a.index[0]).toBe(600);
    expect(a.index[a.index.length - 1]).toBe(699);
  });
});
