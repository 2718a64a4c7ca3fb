/**
 * The heatmap's history from the series the map is built from, in one pass (issue #13: "computed
 * incrementally as bars arrive, never by replaying"): every exchange's model is stepped in lockstep, and
 * every `rowMs` the alive levels inside the row's window are added straight onto the heatmap's columns
 * (no LiquidationMap is built per row, so a week of rows costs about one model build). Each exchange's
 * levels are shifted by its basis to the reference exchange, and levels on the wrong side of the
 * reference are left out, as on the map (price is already past them).
 */
import type { EngineConfig } from '../config';
import { addSideToColumns, initialModel, seriesCursor, type ModelState } from '../model';
import type { Exchange, MarketSeries } from '../types';
import type { UtcMs } from '../units';
import { priceOf } from './grid';
import { appendRaster, newestTime, rowStart, type HeatmapHistory } from './history';

/** Close of the newest bar of `s` that closed by `t`, walking `at` forward (rows come in time order). */
function closeBy(s: MarketSeries, t: UtcMs, at: { i: number }): number | null {
  const c = s.candles;
  while (at.i + 1 < c.length && c[at.i + 1]!.t + s.barMs <= t) at.i++;
  const bar = c[at.i];
  return bar && bar.t + s.barMs <= t ? bar.close : null;
}

/**
 * Appends a row every `rowMs` (at multiples of it, UTC) from the first bar's close to `now`, skipping times
 * the history already holds. Row time = the close of the newest bar it includes. Returns the rows added.
 */
export function backfillHeatmap(
  h: HeatmapHistory,
  series: readonly MarketSeries[],
  cfg: EngineConfig,
  now: UtcMs,
  rowMs: number,
  referenceExchange?: Exchange,
): number {
  const job = heatmapBackfill(h, series, cfg, now, rowMs, referenceExchange);
  while (!job.run(Infinity));
  return job.rows();
}

export interface BackfillJob {
  /** Adds up to `maxRows` rows; true when the backfill reached `now` (a caller yields between calls). */
  run(maxRows: number): boolean;
  rows(): number;
}

/** The same backfill in slices, so a worker can answer messages between them (≈ 0.4 ms a row for 4 exchanges). */
export function heatmapBackfill(
  h: HeatmapHistory,
  series: readonly MarketSeries[],
  cfg: EngineConfig,
  now: UtcMs,
  rowMs: number,
  referenceExchange?: Exchange,
): BackfillJob {
  const firstClose = Math.min(...series.map((s) => (s.candles[0] ? s.candles[0].t + s.barMs : Infinity)));
  if (!(rowMs > 0) || series.length === 0 || !Number.isFinite(firstClose)) return { run: () => true, rows: () => 0 };
  const refIndex = Math.max(0, series.findIndex((s) => s.exchange === referenceExchange));
  const ref = series[refIndex]!;
  const states: ModelState[] = series.map((s) => initialModel(s, cfg));
  const cursors = series.map((s, k) => seriesCursor(states[k]!, s, now, null));
  const positions = series.map(() => ({ i: -1 }));
  const w = h.width;
  const long = new Float64Array(w);
  const short = new Float64Array(w);
  const after = newestTime(h) ?? -Infinity;
  let rows = 0;
  let t = Math.ceil(firstClose / rowMs) * rowMs;
  return {
    rows: () => rows,
    run(maxRows) {
      for (let added = 0; t <= now && added < maxRows; t += rowMs) {
        cursors.forEach((c) => c.stepUntil(t));
        if (t <= after) continue;
        const reference = closeBy(ref, t, positions[refIndex]!);
        if (reference === null || !(reference > 0)) continue;
        const start = rowStart(h, reference);
        const pLo = priceOf(h.grid, start);
        const pHi = priceOf(h.grid, start + w);
        const g = { logAnchor: Math.log(h.grid.anchor), logStep: h.grid.logStep, start, width: w };
        long.fill(0);
        short.fill(0);
        series.forEach((s, k) => {
          const close = k === refIndex ? reference : closeBy(s, t, positions[k]!);
          if (close === null || states[k]!.bars === 0) return;
          const basis = close - reference;
          addSideToColumns(states[k]!, 'long', pLo, Math.min(pHi, reference), basis, g, long);
          addSideToColumns(states[k]!, 'short', Math.max(pLo, reference), pHi, basis, g, short);
        });
        appendRaster(h, t, start, long, short);
        rows++;
        added++;
      }
      return t > now;
    },
  };
}
