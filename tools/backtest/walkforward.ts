/**
 * Walk-forward replay: bars are fed one at a time, in time order, and each bar's prediction is taken
 * before that bar updates the state, so the map used for bar t is built only from bars before t.
 * Bars after the evaluated range are never fed at all.
 */
import { excursions, type BacktestBar } from './bar';
import type { SideSeries } from './metrics';

/** Predicted liquidations of one bar per side, USD. */
export interface BarPrediction {
  longUsd: number;
  shortUsd: number;
}

/**
 * A model under test. `step(bar)` must return the liquidations the state left by the previous bars
 * predicts for `bar`'s price range, and only then absorb `bar` (its OI, close…) into the state.
 */
export interface BarPredictor {
  step(bar: BacktestBar): BarPrediction;
}

export interface WalkForwardOptions {
  /** State-building time before the first scored bar (prototype: 7 days). */
  burnInMs: number;
  /** Evaluated bars open at t with fromMs ≤ t < toMs; earlier bars still build the state. */
  fromMs?: number;
  toMs?: number;
}

export const WEEK_MS = 7 * 24 * 3_600_000;

export interface WalkForwardResult {
  /** Open times of the scored bars (after burn-in, up to the evaluated range's end). */
  times: number[];
  long: SideSeries;
  short: SideSeries;
  /** Index range of the evaluated bars inside `times` ([evalStart, evalEnd)). */
  evalStart: number;
  evalEnd: number;
}

export class BacktestInputError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'BacktestInputError';
  }
}

export function runWalkForward(
  bars: readonly BacktestBar[],
  predictor: BarPredictor,
  opts: WalkForwardOptions,
): WalkForwardResult {
  if (bars.length < 2) throw new BacktestInputError(`need at least 2 bars, got ${bars.length}`);
  const first = bars[0] as BacktestBar;
  const scoredFrom = first.t + opts.burnInMs;
  const from = Math.max(opts.fromMs ?? -Infinity, scoredFrom);
  const to = opts.toMs ?? Infinity;
  const times: number[] = [];
  const long = { predicted: [] as number[], realised: [] as number[], excursion: [] as number[] };
  const short = { predicted: [] as number[], realised: [] as number[], excursion: [] as number[] };
  let evalStart = -1;
  let prev: BacktestBar | undefined;
  for (const bar of bars) {
    if (bar.t >= to) break; // the future past the evaluated range is never read
    const pred = predictor.step(bar);
    for (const [name, v] of [['long', pred.longUsd], ['short', pred.shortUsd]] as const) {
      if (!Number.isFinite(v) || v < 0) {
        throw new BacktestInputError(`predictor returned ${name} ${v} for bar ${new Date(bar.t).toISOString()}`);
      }
    }
    if (prev && bar.t >= scoredFrom) {
      const exc = excursions(prev.close, bar);
      if (evalStart < 0 && bar.t >= from) evalStart = times.length;
      times.push(bar.t);
      long.predicted.push(pred.longUsd);
      long.realised.push(bar.liqLongUsd);
      long.excursion.push(exc.long);
      short.predicted.push(pred.shortUsd);
      short.realised.push(bar.liqShortUsd);
      short.excursion.push(exc.short);
    }
    prev = bar;
  }
  if (evalStart < 0) {
    throw new BacktestInputError(
      `no bars to evaluate: burn-in ends ${new Date(scoredFrom).toISOString()}, range ` +
        `${opts.fromMs === undefined ? '-' : new Date(opts.fromMs).toISOString()} .. ${Number.isFinite(to) ? new Date(to).toISOString() : '-'}`,
    );
  }
  return { times, long, short, evalStart, evalEnd: times.length };
}
