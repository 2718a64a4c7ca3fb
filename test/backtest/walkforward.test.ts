// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BacktestBar } from '../../tools/backtest/bar';
import { BacktestInputError, runWalkForward, type BarPredictor } from '../../tools/backtest/walkforward';

const H = 3_600_000;
function syntheticBars(n: number, t0 = 0): BacktestBar[] {
  // deterministic zig-zag around 100 with OI rising and falling
  return Array.from({ length: n }, (_, i) => {
    const close = 100 + 2 * Math.sin(i / 3);
    const prev = 100 + 2 * Math.sin((i - 1) / 3);
    return {
      t: t0 + i * H, barMs: H, open: prev, high: Math.max(prev, close) + 0.3, low: Math.min(prev, close) - 0.3, close,
      oiOpenUsd: 1e6, oiHighUsd: 1.1e6, oiLowUsd: 0.9e6, oiCloseUsd: 1e6 + 1e4 * (i % 5),
      liqLongUsd: 10 * i, liqShortUsd: 5 * i,
    };
  });
}

/** Predicts the number of bars it has absorbed so far, and remembers what it saw. */
function counter(): BarPredictor & { seen: number[] } {
  const seen: number[] = [];
  return { seen, step: (bar) => { const p = seen.length; seen.push(bar.t); return { longUsd: p, shortUsd: 2 * p }; } };
}

describe('runWalkForward', () => {
  it('scores bars only after the burn-in, with excursions from the previous close', () => {
    const bars = syntheticBars(10);
    const run = runWalkForward(bars, counter(), { burnInMs: 3 * H });
    expect(run.times).toEqual(bars.slice(3).map((b) => b.t));
    // prediction for bar 3 = bars absorbed before it = 3
    expect(run.long.predicted[0]).toBe(3);
    expect(run.short.predicted[0]).toBe(6);
    expect(run.long.realised[0]).toBe(30);
    const b2 = bars[2]!, b3 = bars[3]!;
    expect(run.long.excursion[0]).toBeCloseTo(Math.max(0, (b2.close - b3.low) / b2.close), 15);
    expect(run.short.excursion[0]).toBeCloseTo(Math.max(0, (b3.high - b2.close) / b2.close), 15);
  });
  it('--from/--to bound the evaluated bars; earlier bars still build state, later ones are never read', () => {
    const bars = syntheticBars(20);
    const p = counter();
    const run = runWalkForward(bars, p, { burnInMs: 2 * H, fromMs: 8 * H, toMs: 12 * H });
    expect(run.times.slice(run.evalStart, run.evalEnd)).toEqual([8, 9, 10, 11].map((i) => i * H));
    expect(run.long.predicted[run.evalStart]).toBe(8); // all 8 earlier bars built the state
    expect(p.seen).toHaveLength(12); // bars ≥ --to were never given to the model
  });
  it('refuses a range with nothing to evaluate and a predictor returning NaN', () => {
    expect(() => runWalkForward(syntheticBars(5), counter(), { burnInMs: 10 * H })).toThrow(BacktestInputError);
    const bad: BarPredictor = { step: () => ({ longUsd: Number.NaN, shortUsd: 0 }) };
    expect(() => runWalkForward(syntheticBars(5), bad, { burnInMs: 0 })).toThrow(/predictor returned long NaN/);
  });
});
