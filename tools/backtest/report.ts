/**
 * Per-side metrics of a walk-forward run, as the JSON the CLI writes and as a readable table.
 */
import { DEFAULT_METRIC_OPTIONS, sideMetrics, type MetricOptions, type SideMetrics } from './metrics';
import type { WalkForwardResult } from './walkforward';

export interface BacktestReport {
  bars: number;
  from: string;
  to: string;
  long: SideMetrics;
  short: SideMetrics;
}

export function buildReport(run: WalkForwardResult, opts: MetricOptions = DEFAULT_METRIC_OPTIONS): BacktestReport {
  const last = run.times[run.evalEnd - 1] as number;
  return {
    bars: run.evalEnd - run.evalStart,
    from: new Date(run.times[run.evalStart] as number).toISOString(),
    to: new Date(last).toISOString(),
    long: sideMetrics(run.long, run.evalStart, run.evalEnd, opts),
    short: sideMetrics(run.short, run.evalStart, run.evalEnd, opts),
  };
}

const f = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(3));
const ci = (v: [number, number] | null): string => (v === null ? 'n/a' : `[${f(v[0])}, ${f(v[1])}]`);
const signed = (v: number | null): string => (v === null ? 'n/a' : `${v >= 0 ? '+' : ''}${v.toFixed(3)}`);

export function formatReport(r: BacktestReport): string {
  const rows: [string, (m: SideMetrics) => string][] = [
    ['Spearman ρ (map vs realised)', (m) => f(m.rho)],
    ['baseline ρ (excursion vs realised)', (m) => f(m.baseline_rho)],
    ['partial ρ | excursion, 40-bin control', (m) => f(m.partial_rho)],
    ['  95 % CI (24-bar block bootstrap)', (m) => ci(m.partial_ci)],
    ['  linear control (inflated, for reference)', (m) => f(m.partial_linear_rho)],
    ['Q4 ρ map (top-quartile excursion bars)', (m) => `${f(m.q4_rho)} (n=${m.q4_bars})`],
    ['Q4 ρ excursion, same bars', (m) => f(m.q4_baseline_rho)],
    ['  Δ 95 % CI', (m) => ci(m.q4_delta_ci)],
    ['OOS combined ρ (excursion + map)', (m) => `${f(m.combined_rho)} (n=${m.combined_bars})`],
    ['OOS baseline ρ (excursion only)', (m) => f(m.combined_baseline_rho)],
    ['  Δ', (m) => (m.combined_rho === null || m.combined_baseline_rho === null ? 'n/a' : `${signed(m.combined_rho - m.combined_baseline_rho)} ${ci(m.combined_delta_ci)}`)],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const cells = rows.map(([name, get]) => [name, get(r.long), get(r.short)] as const);
  const w1 = Math.max(4, ...cells.map((c) => c[1].length));
  const lines = [
    `Walk-forward backtest: ${r.bars} evaluated bars, ${r.from} .. ${r.to}`,
    `${'metric'.padEnd(w0)}  ${'long'.padEnd(w1)}  short`,
    ...cells.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`),
  ];
  return lines.join('\n');
}

export function targetsMet(m: SideMetrics): { partialLowerCi: boolean; q4: boolean; combined: boolean } {
  return {
    partialLowerCi: m.partial_ci !== null && m.partial_ci[0] > 0.3,
    q4: m.q4_rho !== null && m.q4_baseline_rho !== null && m.q4_rho >= m.q4_baseline_rho,
    combined: m.combined_rho !== null && m.combined_baseline_rho !== null && m.combined_rho > m.combined_baseline_rho,
  };
}
