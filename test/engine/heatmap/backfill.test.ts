import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/engine/config';
import { buildModel } from '../../../src/engine/model';
import { mapFromModels } from '../../../src/engine/map';
import { backfillHeatmap, heatmapBackfill } from '../../../src/engine/heatmap/backfill';
import { appendRow, createHeatmap, query } from '../../../src/engine/heatmap/history';
import { endOf, syntheticSeries } from '../synthetic';

const cfg = resolveConfig({});
const DAY = 86_400_000;
const sum = (a: Float32Array, from: number, n: number) => a.slice(from, from + n).reduce((x, y) => x + y, 0);

describe('heatmap backfill from the series', () => {
  const series = (['binance', 'bybit'] as const).map((exchange, i) => syntheticSeries({ exchange, seed: 7 + i, bars: 576 }));
  const now = endOf(series[0]!);

  it('one row per 15 minutes, whose newest row is the map built at the end (same USD per side within 1 %, same peak column ±1)', () => {
    const h = createHeatmap(1000, 400, 100_000, cfg.binPct);
    const rows = backfillHeatmap(h, series, cfg, now, 900_000, 'binance');
    // 576 bars of 5 minutes = 2 days: 192 rows of 15 minutes.
    expect(rows).toBe(192);
    expect(h.size).toBe(192);
    const models = series.map((s) => ({ exchange: s.exchange, state: buildModel(s, cfg, now), mark: s.candles.at(-1)!.close, partial: false }));
    const map = mapFromModels(models, models[0]!.mark, 'BTCUSDT', cfg);
    const ref = createHeatmap(1, 400, 100_000, cfg.binPct);
    appendRow(ref, now, map);
    const t = now;
    const all = [1, 1e12] as const;
    for (const side of ['long', 'short'] as const) {
      const a = query(h, t, t, ...all, side);
      const b = query(ref, t, t, ...all, side);
      expect(a.rows).toBe(1);
      const ua = sum(a.values, 0, a.columns);
      const ub = sum(b.values, 0, b.columns);
      expect(ub).toBeGreaterThan(0);
      expect(Math.abs(ua / ub - 1)).toBeLessThan(0.01 + 0.02); // rounding of model bins to columns + 1.8 % quantisation
      const peak = (g: typeof a) => g.edges[g.values.indexOf(g.max)]!;
      expect(Math.abs(Math.log(peak(a) / peak(b)) / Math.log1p(cfg.binPct / 100))).toBeLessThanOrEqual(1);
    }
  });

  it('skips rows the history already holds, and adds only the newer ones', () => {
    const h = createHeatmap(1000, 200, 100_000, cfg.binPct);
    const firstDay = series.map((s) => ({ ...s, candles: s.candles.filter((c) => c.t + s.barMs <= now - DAY) }));
    expect(backfillHeatmap(h, firstDay, cfg, now - DAY, 900_000)).toBe(96);
    expect(backfillHeatmap(h, series, cfg, now, 900_000)).toBe(96);
    expect(h.size).toBe(192);
  });

  it('long USD only below each row reference, short only above', () => {
    const h = createHeatmap(1000, 400, 100_000, cfg.binPct);
    backfillHeatmap(h, series, cfg, now, 3_600_000);
    const g = query(h, 0, now, 1, 1e12, 'long');
    const s = query(h, 0, now, 1, 1e12, 'short');
    // Row by row, the highest long column lies below the lowest short column.
    for (let r = 0; r < g.rows; r++) {
      let topLong = -1;
      let lowShort = Infinity;
      for (let c = 0; c < g.columns; c++) {
        if (g.values[r * g.columns + c]! > 0) topLong = c;
        if (s.values[r * s.columns + c]! > 0 && c < lowShort) lowShort = c;
      }
      if (topLong >= 0 && lowShort < Infinity) expect(topLong).toBeLessThan(lowShort);
    }
  });

  it('in slices of 10 rows it builds exactly the same history as in one go', () => {
    const a = createHeatmap(1000, 200, 100_000, cfg.binPct);
    const b = createHeatmap(1000, 200, 100_000, cfg.binPct);
    backfillHeatmap(a, series, cfg, now, 900_000);
    const job = heatmapBackfill(b, series, cfg, now, 900_000);
    let slices = 0;
    while (!job.run(10)) slices++;
    expect(slices).toBe(19); // 192 rows: 19 full slices, the 20th reaches now
    expect(job.rows()).toBe(192);
    expect(Array.from(b.long)).toEqual(Array.from(a.long));
    expect(Array.from(b.times)).toEqual(Array.from(a.times));
  });
});
