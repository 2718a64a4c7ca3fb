/**
 * Walk-forward calibration of the few engine parameters that matter (docs/accuracy.md).
 *
 * The evaluated bars are cut into consecutive blocks. Every candidate config is replayed once over the
 * whole window (state for bar t always from bars before t) and scored per block. Fold k *selects* the
 * candidate with the best mean partial ρ (long, short) over blocks < k and *checks* it on block k,
 * which it has not seen: the out-of-fold score is what the selection procedure achieves on new data.
 */
import { DEFAULT_CONFIG, type EngineConfig } from '../../src/engine/config';
import type { BacktestBar } from './bar';
import { enginePredictor, type EngineAdapterOptions } from './engine-adapter';
import { DEFAULT_METRIC_OPTIONS, sideMetrics, type SideMetrics } from './metrics';
import { runWalkForward, type WalkForwardOptions } from './walkforward';

export interface Candidate {
  name: string;
  overrides: Partial<EngineConfig>;
}

/**
 * The starting point every candidate varies: docs/accuracy-model.md §5 as first committed in
 * src/engine/config.ts. Fixed here (not read from the current defaults) so the calibration table stays
 * reproducible after the defaults change.
 */
export const CALIBRATION_BASE: Partial<EngineConfig> = {
  modelBinPct: 0.05,
  halfLifeHours: 168,
  tiers: [5, 10, 25, 50, 100],
  tierWeights: [0.15, 0.3, 0.25, 0.2, 0.1],
  longShare: 0.5,
};

/**
 * Selection ties: candidates whose selection score is within this of the best count as equal, and the
 * earliest in CANDIDATES wins. The list is ordered default first, then by cost (coarser bins are
 * cheaper), so a change must beat the default by more than resampling noise to be adopted. 0.005 is
 * well inside the ±0.04 bootstrap half-width of a partial ρ on this much data.
 */
export const SELECTION_TOLERANCE = 0.005;

/** Few parameters, each varied alone around the prototype's recommendation; preferred first. */
export const CANDIDATES: readonly Candidate[] = [
  { name: 'prototype V5e', overrides: {} },
  { name: 'model bins 0.1 %', overrides: { modelBinPct: 0.1 } },
  { name: 'model bins 0.02 %', overrides: { modelBinPct: 0.02 } },
  { name: 'model bins 0.01 %', overrides: { modelBinPct: 0.01 } },
  { name: 'model bins 0.005 %', overrides: { modelBinPct: 0.005 } },
  { name: 'half-life 72 h', overrides: { halfLifeHours: 72 } },
  { name: 'half-life 14 d', overrides: { halfLifeHours: 336 } },
  { name: 'no decay', overrides: { halfLifeHours: 1e9 } },
  { name: 'tiers: more high leverage', overrides: { tierWeights: [0.1, 0.2, 0.25, 0.25, 0.2] } },
  { name: 'tiers: less high leverage', overrides: { tierWeights: [0.25, 0.35, 0.2, 0.15, 0.05] } },
  { name: 'tiers: equal weights', overrides: { tierWeights: [0.2, 0.2, 0.2, 0.2, 0.2] } },
];

export interface BlockScore {
  from: string;
  to: string;
  long: Pick<SideMetrics, 'partial_rho' | 'q4_rho' | 'q4_baseline_rho' | 'combined_rho' | 'combined_baseline_rho'>;
  short: BlockScore['long'];
  /** Mean partial ρ of both sides: the selection score. */
  score: number | null;
}

export interface FoldResult {
  /** Blocks used to select (indices) and the block checked. */
  selectOn: number[];
  checkOn: number;
  selected: string;
  /** The selected candidate's score on the check block, and the default's, for comparison. */
  selectedScore: number | null;
  defaultScore: number | null;
}

export interface CalibrationResult {
  blocks: { from: string; to: string }[];
  candidates: { name: string; overrides: Partial<EngineConfig>; blocks: BlockScore[]; selectionScores: (number | null)[] }[];
  folds: FoldResult[];
}

function mean(xs: readonly (number | null)[]): number | null {
  if (xs.some((x) => x === null) || xs.length === 0) return null;
  return (xs as number[]).reduce((a, b) => a + b, 0) / xs.length;
}

export function calibrate(
  bars: readonly BacktestBar[],
  engine: Omit<EngineAdapterOptions, 'config'>,
  wf: WalkForwardOptions,
  blocks = 3,
  candidates: readonly Candidate[] = CANDIDATES,
): CalibrationResult {
  const point = { ...DEFAULT_METRIC_OPTIONS, bootstrap: { ...DEFAULT_METRIC_OPTIONS.bootstrap, reps: 0 } };
  let blockRanges: { from: string; to: string }[] = [];
  const rows = candidates.map((c) => {
    const run = runWalkForward(bars, enginePredictor({ ...engine, config: { ...DEFAULT_CONFIG, ...CALIBRATION_BASE, ...c.overrides } }), wf);
    const n = run.evalEnd - run.evalStart;
    const cuts = Array.from({ length: blocks + 1 }, (_, k) => run.evalStart + Math.round((k * n) / blocks));
    blockRanges = cuts.slice(0, -1).map((a, k) => ({
      from: new Date(run.times[a] as number).toISOString(),
      to: new Date(run.times[(cuts[k + 1] as number) - 1] as number).toISOString(),
    }));
    const scores: BlockScore[] = cuts.slice(0, -1).map((a, k) => {
      const b = cuts[k + 1] as number;
      const pickSide = (m: SideMetrics) => ({
        partial_rho: m.partial_rho,
        q4_rho: m.q4_rho,
        q4_baseline_rho: m.q4_baseline_rho,
        combined_rho: m.combined_rho,
        combined_baseline_rho: m.combined_baseline_rho,
      });
      const long = pickSide(sideMetrics(run.long, a, b, point));
      const short = pickSide(sideMetrics(run.short, a, b, point));
      return { ...(blockRanges[k] as { from: string; to: string }), long, short, score: mean([long.partial_rho, short.partial_rho]) };
    });
    return { name: c.name, overrides: c.overrides, blocks: scores, selectionScores: [] as (number | null)[] };
  });
  const folds = selectFolds(rows, blocks);
  return { blocks: blockRanges, candidates: rows, folds };
}

/**
 * Expanding-window folds over per-block scores: fold k selects on blocks 0..k−1 and checks on block k.
 * Appends each candidate's selection score to its `selectionScores`.
 */
export function selectFolds(
  rows: { name: string; blocks: Pick<BlockScore, 'score'>[]; selectionScores: (number | null)[] }[],
  blocks: number,
): FoldResult[] {
  const folds: FoldResult[] = [];
  for (let k = 1; k < blocks; k++) {
    const selectOn = Array.from({ length: k }, (_, i) => i);
    const scores = rows.map((r) => mean(selectOn.map((j) => (r.blocks[j] as BlockScore).score)));
    rows.forEach((r, i) => r.selectionScores.push(scores[i] as number | null));
    const top = Math.max(...scores.map((s) => s ?? -Infinity));
    const best = scores.findIndex((s) => s !== null && s >= top - SELECTION_TOLERANCE);
    const chosen = rows[best] as (typeof rows)[number];
    folds.push({
      selectOn,
      checkOn: k,
      selected: chosen.name,
      selectedScore: (chosen.blocks[k] as BlockScore).score,
      defaultScore: ((rows[0] as (typeof rows)[number]).blocks[k] as BlockScore).score,
    });
  }
  return folds;
}

const f = (v: number | null): string => (v === null ? ' n/a ' : v.toFixed(3));

export function formatCalibration(c: CalibrationResult): string {
  const lines: string[] = [];
  lines.push('Blocks of evaluated bars: ' + c.blocks.map((b, i) => `B${i + 1} ${b.from.slice(0, 10)}..${b.to.slice(0, 10)}`).join(', '));
  lines.push('');
  lines.push('| candidate | ' + c.blocks.map((_, i) => `B${i + 1} partial ρ L / S`).join(' | ') + ' | ' + c.blocks.map((_, i) => `B${i + 1} combined Δ L / S`).join(' | ') + ' |');
  lines.push('|---|' + c.blocks.map(() => '---|').join('').repeat(2));
  for (const r of c.candidates) {
    const pr = r.blocks.map((b) => `${f(b.long.partial_rho)} / ${f(b.short.partial_rho)}`);
    const d = (m: BlockScore['long']) =>
      m.combined_rho === null || m.combined_baseline_rho === null ? ' n/a ' : (m.combined_rho - m.combined_baseline_rho >= 0 ? '+' : '') + (m.combined_rho - m.combined_baseline_rho).toFixed(3);
    const cd = r.blocks.map((b) => `${d(b.long)} / ${d(b.short)}`);
    lines.push(`| ${r.name} | ${pr.join(' | ')} | ${cd.join(' | ')} |`);
  }
  lines.push('');
  lines.push('| fold | selected on | selected | its out-of-fold score | prototype V5e out-of-fold |');
  lines.push('|---|---|---|---|---|');
  for (const fo of c.folds) {
    lines.push(
      `| check B${fo.checkOn + 1} | ${fo.selectOn.map((i) => `B${i + 1}`).join('+')} | ${fo.selected} | ${f(fo.selectedScore)} | ${f(fo.defaultScore)} |`,
    );
  }
  return lines.join('\n');
}
