/**
 * Heatmap snapshot benchmark (issue #13 budgets, engine side), on synthetic maps of the engine's shape
 * (600 bins of 0.05 % around a random-walk mark, 5-minute bars):
 * - `heatmap_memory_mb`: one symbol's 7 days of rows (2,016 × 640 columns), budget ≤ 5 MB;
 * - `heatmap_incremental_speedup`: rebuilding the 7-day history from every bar's map ÷ appending one new bar,
 *   medians side by side in one run (budget ≥ 100×). The rebuild here only re-rasterises stored maps; a real
 *   one would also replay the model for every bar, so the true ratio is larger.
 * - `heatmap_query_ms`: dequantising the whole 7 days × the visible ±5 % (≈ 2,016 × 200 cells) for a frame.
 */
import { appendRow, createHeatmap, memoryBytes, query } from '../../src/engine/heatmap/history';
import { backfillHeatmap } from '../../src/engine/heatmap/backfill';
import { resolveConfig } from '../../src/engine/config';
import { endOf, syntheticSeries } from '../engine/synthetic';
import type { MapBin } from '../../src/engine/types';
import { seededRandom } from '../../tools/seeded-random';

const ROWS = 2_016;
const WIDTH = 640;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export async function run(): Promise<Record<string, number>> {
  const rnd = seededRandom(13);
  let ref = 100_000;
  const maps = Array.from({ length: ROWS + 64 }, () => {
    ref *= 1 + (rnd() - 0.5) * 0.004;
    const w = ref * 0.0005;
    const bins: MapBin[] = Array.from({ length: 600 }, (_, i) => {
      const price = ref + (i - 300) * w;
      return { price, longUsd: price < ref ? rnd() * 1e7 : 0, shortUsd: price > ref ? rnd() * 1e7 : 0, longByTier: [], shortByTier: [] };
    });
    return { reference: ref, binWidth: w, bins };
  });
  const scratch = new Float64Array(2 * WIDTH);
  const build = () => {
    const h = createHeatmap(ROWS, WIDTH, 100_000, 0.05);
    for (let i = 0; i < ROWS; i++) appendRow(h, i * 300_000, maps[i]!, scratch);
    return h;
  };
  const h = build();
  const rebuilds: number[] = [];
  const appends: number[] = [];
  const queries: number[] = [];
  for (let rep = 0; rep < 7; rep++) {
    let a = performance.now();
    build();
    rebuilds.push(performance.now() - a);
    // Appending bars past the capacity exercises the ring's overwrite, the steady state.
    const one: number[] = [];
    for (let i = 0; i < 64; i++) {
      const m = maps[ROWS + i]!;
      a = performance.now();
      appendRow(h, (ROWS + rep * 64 + i) * 300_000, m, scratch);
      one.push(performance.now() - a);
    }
    appends.push(median(one));
    a = performance.now();
    const q = query(h, -Infinity, Infinity, ref * 0.95, ref * 1.05);
    queries.push(performance.now() - a);
    if (q.rows !== ROWS || !(q.max > 0)) throw new Error('heatmap bench: query lost rows');
  }
  // A cold start: a week of four exchanges' series to rows every 15 minutes, in one pass (the hub runs it in slices).
  const cfg = resolveConfig({});
  const series = (['binance', 'bybit', 'okx', 'bitget'] as const).map((exchange, i) => syntheticSeries({ exchange, seed: 21 + i, bars: 2016 }));
  const backfills: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const bh = createHeatmap(ROWS, WIDTH, 100_000, 0.05);
    const a = performance.now();
    backfillHeatmap(bh, series, cfg, endOf(series[0]!), 900_000);
    backfills.push(performance.now() - a);
  }
  return {
    heatmap_backfill_ms: Math.round(median(backfills)),
    heatmap_memory_mb: Math.round((memoryBytes(h) / 2 ** 20) * 100) / 100,
    heatmap_incremental_speedup: Math.round(median(rebuilds) / median(appends)),
    heatmap_query_ms: Math.round(median(queries) * 100) / 100,
  };
}
