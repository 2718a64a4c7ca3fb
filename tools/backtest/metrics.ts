/**
 * The accuracy metrics of docs/accuracy-model.md §2, for one side (long or short).
 *
 * Inputs are aligned per bar over every bar after burn-in (so the out-of-sample regression can train on
 * bars before the evaluated range); `evalStart`/`evalEnd` select the evaluated bars (--from/--to).
 */
import { blockBootstrapCi, DEFAULT_BOOTSTRAP, pick, type BootstrapOptions } from './bootstrap';
import { DEFAULT_CONTROL_BINS, partialFromRanks, partialSpearmanBinned, partialSpearmanLinear } from './partial';
import { median, pearson, quantile, ResampleRanker, spearman } from './rank';
import { ols, predictOls } from './regression';

export interface SideSeries {
  /** The map's predicted liquidations of this side in the bar, USD. */
  predicted: readonly number[];
  /** Realised liquidations of this side in the bar, USD. */
  realised: readonly number[];
  /** Adverse excursion of the bar for this side, fraction of the previous close. */
  excursion: readonly number[];
}

export interface MetricOptions {
  controlBins: number;
  bootstrap: BootstrapOptions;
  /** Block length for the Q4 difference CI (blocks inside the sparse subset are shorter). */
  q4BlockLength: number;
  /** Bars of training before the first out-of-sample fit (prototype: 672 − 168 = 504). */
  combinedMinTrain: number;
  /** Refit cadence; each fit predicts the next `combinedRefitEvery` bars. */
  combinedRefitEvery: number;
}

export const DEFAULT_METRIC_OPTIONS: MetricOptions = {
  controlBins: DEFAULT_CONTROL_BINS,
  bootstrap: DEFAULT_BOOTSTRAP,
  q4BlockLength: 6,
  combinedMinTrain: 504,
  combinedRefitEvery: 24,
};

/** `null` = undefined on these bars (too few bars, or a series without variance); never NaN. */
export interface SideMetrics {
  rho: number | null;
  baseline_rho: number | null;
  partial_rho: number | null;
  partial_ci: [number, number] | null;
  partial_linear_rho: number | null;
  q4_rho: number | null;
  q4_baseline_rho: number | null;
  q4_bars: number;
  /** 95 % CI of q4_rho − q4_baseline_rho. */
  q4_delta_ci: [number, number] | null;
  combined_rho: number | null;
  combined_baseline_rho: number | null;
  combined_bars: number;
  /** 95 % CI of combined_rho − combined_baseline_rho (paired block bootstrap). */
  combined_delta_ci: [number, number] | null;
}

const EXC_FLOOR = 1e-4;

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** Out-of-sample predictions of log1p(realised) with and without the map term (prototype §2.3). */
export function combinedOutOfSample(
  s: SideSeries,
  evalStart: number,
  evalEnd: number,
  opts: Pick<MetricOptions, 'combinedMinTrain' | 'combinedRefitEvery'>,
): { index: number[]; withMap: number[]; baseline: number[] } {
  const y = s.realised.map((v) => Math.log1p(v));
  const lx = s.excursion.map((e) => Math.log(e + EXC_FLOOR));
  const index: number[] = [];
  const withMap: number[] = [];
  const baseline: number[] = [];
  for (let t0 = opts.combinedMinTrain; t0 < evalEnd; t0 += opts.combinedRefitEvery) {
    const hi = Math.min(t0 + opts.combinedRefitEvery, evalEnd);
    if (hi <= evalStart) continue;
    const trainY = y.slice(0, t0);
    const trainX = lx.slice(0, t0);
    const positive = s.predicted.slice(0, t0).filter((p) => p > 0);
    const scale = positive.length > 0 ? median(positive) : null;
    const mapFeature = (p: number): number => (scale === null ? 0 : Math.log1p(p / scale));
    const base = ols([trainX], trainY);
    const full = scale === null ? null : ols([trainX, s.predicted.slice(0, t0).map(mapFeature)], trainY);
    if (base === null) continue;
    for (let i = Math.max(t0, evalStart); i < hi; i++) {
      index.push(i);
      const b = predictOls(base, [lx[i] as number]);
      baseline.push(b);
      // No usable map term in training (map never positive) → the map adds nothing: same as baseline.
      withMap.push(full === null ? b : predictOls(full, [lx[i] as number, mapFeature(s.predicted[i] as number)]));
    }
  }
  return { index, withMap, baseline };
}

/** Block-bootstrap CI of ρ(a, y) − ρ(b, y) on paired resamples. */
function deltaCi(a: readonly number[], b: readonly number[], y: readonly number[], opts: BootstrapOptions): [number, number] | null {
  const [ra, rb, ry] = [new ResampleRanker(a), new ResampleRanker(b), new ResampleRanker(y)];
  return blockBootstrapCi(
    y.length,
    (idx) => {
      const r = ry.ranks(idx);
      return diff(pearson(ra.ranks(idx), r), pearson(rb.ranks(idx), r));
    },
    opts,
  );
}

export function sideMetrics(
  s: SideSeries,
  evalStart = 0,
  evalEnd = s.predicted.length,
  opts: MetricOptions = DEFAULT_METRIC_OPTIONS,
): SideMetrics {
  const n = s.predicted.length;
  if (s.realised.length !== n || s.excursion.length !== n) throw new RangeError('sideMetrics: series lengths differ');
  const p = s.predicted.slice(evalStart, evalEnd);
  const y = s.realised.slice(evalStart, evalEnd);
  const x = s.excursion.slice(evalStart, evalEnd);
  const m = p.length;

  const [rkP, rkY, rkX] = [new ResampleRanker(p), new ResampleRanker(y), new ResampleRanker(x)];
  const partial_ci = blockBootstrapCi(
    m,
    (idx) => partialFromRanks(rkP.ranks(idx), rkY.ranks(idx), rkX.ranks(idx), opts.controlBins),
    opts.bootstrap,
  );

  // Q4: bars whose excursion is in this side's top quartile of the evaluated window (selects bars only).
  let q4: number[] = [];
  if (m > 0) {
    const thr = quantile(x, 0.75);
    q4 = x.flatMap((v, i) => (v >= thr ? [i] : []));
  }
  const q4p = pick(p, q4);
  const q4y = pick(y, q4);
  const q4x = pick(x, q4);
  const q4_delta_ci = q4.length >= 8 ? deltaCi(q4p, q4x, q4y, { ...opts.bootstrap, blockLength: opts.q4BlockLength }) : null;

  const oos = combinedOutOfSample(s, evalStart, evalEnd, opts);
  const oy = pick(s.realised, oos.index);
  const combined_rho = oos.index.length >= 3 ? spearman(oos.withMap, oy) : null;
  const combined_baseline_rho = oos.index.length >= 3 ? spearman(oos.baseline, oy) : null;
  const combined_delta_ci = oos.index.length >= 2 * opts.bootstrap.blockLength ? deltaCi(oos.withMap, oos.baseline, oy, opts.bootstrap) : null;

  return {
    rho: m >= 3 ? spearman(p, y) : null,
    baseline_rho: m >= 3 ? spearman(x, y) : null,
    partial_rho: partialSpearmanBinned(p, y, x, opts.controlBins),
    partial_ci,
    partial_linear_rho: m >= 3 ? partialSpearmanLinear(p, y, x) : null,
    q4_rho: q4.length >= 3 ? spearman(q4p, q4y) : null,
    q4_baseline_rho: q4.length >= 3 ? spearman(q4x, q4y) : null,
    q4_bars: q4.length,
    q4_delta_ci,
    combined_rho,
    combined_baseline_rho,
    combined_bars: oos.index.length,
    combined_delta_ci,
  };
}
