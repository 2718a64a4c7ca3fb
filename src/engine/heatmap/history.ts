/**
 * Heatmap snapshots (issue #13 item 1): one quantised row per bar, appended as bars arrive and never rebuilt
 * by replaying. A row holds the map at that bar on the absolute log grid (grid.ts) over `width` columns
 * centred on the bar's reference (the window that matters), one byte per column and side (quantise.ts),
 * with the row's maxima. Rows live in a fixed ring of typed arrays: memory is
 * capacity × (2 · width + 16) bytes, whatever the history (7 days of 5-minute bars × 640 columns ≈ 2.6 MB).
 */
import type { LiquidationMap } from '../types';
import { columnOf, logGrid, priceOf, type LogGrid } from './grid';
import { decode, encode } from './quantise';

export interface HeatmapHistory {
  readonly grid: LogGrid;
  readonly width: number;
  readonly capacity: number;
  /** Per row: bar time, first column, long and short maxima. */
  readonly times: Float64Array;
  readonly starts: Int32Array;
  readonly longMax: Float32Array;
  readonly shortMax: Float32Array;
  /** capacity × width codes per side. */
  readonly long: Uint8Array;
  readonly short: Uint8Array;
  head: number;
  size: number;
}

export function createHeatmap(capacity: number, width: number, anchor: number, binPct: number): HeatmapHistory {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`heatmap capacity must be a positive integer, got ${capacity}`);
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`heatmap width must be a positive integer, got ${width}`);
  return {
    grid: logGrid(anchor, binPct),
    width,
    capacity,
    times: new Float64Array(capacity),
    starts: new Int32Array(capacity),
    longMax: new Float32Array(capacity),
    shortMax: new Float32Array(capacity),
    long: new Uint8Array(capacity * width),
    short: new Uint8Array(capacity * width),
    head: 0,
    size: 0,
  };
}

export function memoryBytes(h: HeatmapHistory): number {
  return h.times.byteLength + h.starts.byteLength + h.longMax.byteLength + h.shortMax.byteLength + h.long.byteLength + h.short.byteLength;
}

/** Physical slot of the i-th oldest row. */
const slot = (h: HeatmapHistory, i: number) => (h.head + i) % h.capacity;

/**
 * Spreads each map bin's USD over the grid columns it overlaps, in proportion (USD is conserved inside the
 * row's window; bins outside it are dropped), then quantises. `scratch` avoids an allocation per bar.
 */
export function rasteriseMap(h: HeatmapHistory, map: Pick<LiquidationMap, 'bins' | 'binWidth' | 'reference'>, scratch?: Float64Array): { start: number; long: Float64Array; short: Float64Array } {
  const w = h.width;
  const buf = scratch && scratch.length >= 2 * w ? scratch : new Float64Array(2 * w);
  buf.fill(0, 0, 2 * w);
  const start = rowStart(h, map.reference);
  const half = map.binWidth / 2;
  for (const b of map.bins) {
    if (!(b.longUsd > 0) && !(b.shortUsd > 0)) continue;
    const u0 = columnOf(h.grid, b.price - half) - start;
    const u1 = columnOf(h.grid, b.price + half) - start;
    const span = u1 - u0;
    if (!(span > 0)) continue;
    for (let k = Math.max(0, Math.floor(u0)); k < Math.min(w, Math.ceil(u1)); k++) {
      const share = (Math.min(u1, k + 1) - Math.max(u0, k)) / span;
      if (share <= 0) continue;
      buf[k] = buf[k]! + b.longUsd * share;
      buf[w + k] = buf[w + k]! + b.shortUsd * share;
    }
  }
  return { start, long: buf.subarray(0, w), short: buf.subarray(w, 2 * w) };
}

/** Appends the bar at `t` (O(bins + width)); when full, the oldest row is overwritten. Times must not go back. */
export function appendRow(h: HeatmapHistory, t: number, map: Pick<LiquidationMap, 'bins' | 'binWidth' | 'reference'>, scratch?: Float64Array): void {
  const { start, long, short } = rasteriseMap(h, map, scratch);
  appendRaster(h, t, start, long, short);
}

/** First column of the row window centred on `reference`. */
export function rowStart(h: HeatmapHistory, reference: number): number {
  return Math.floor(columnOf(h.grid, reference)) - (h.width >> 1);
}

/** Appends a row already in columns: USD per column from `start`, `width` long then short values. */
export function appendRaster(h: HeatmapHistory, t: number, start: number, long: ArrayLike<number>, short: ArrayLike<number>): void {
  if (h.size > 0 && !(t >= h.times[slot(h, h.size - 1)]!)) throw new RangeError(`heatmap row at ${t} is older than the newest row`);
  const at = h.size === h.capacity ? h.head : slot(h, h.size);
  if (h.size === h.capacity) h.head = (h.head + 1) % h.capacity;
  else h.size++;
  let lm = 0;
  let sm = 0;
  for (let k = 0; k < h.width; k++) {
    if (long[k]! > lm) lm = long[k]!;
    if (short[k]! > sm) sm = short[k]!;
  }
  // The maxima are stored as float32; quantise against the stored value so decode matches exactly.
  h.longMax[at] = lm;
  h.shortMax[at] = sm;
  const lmS = h.longMax[at]!;
  const smS = h.shortMax[at]!;
  h.times[at] = t;
  h.starts[at] = start;
  const o = at * h.width;
  for (let k = 0; k < h.width; k++) {
    h.long[o + k] = encode(long[k]!, lmS);
    h.short[o + k] = encode(short[k]!, smS);
  }
}

/** Time of the newest row, or null when empty. */
export function newestTime(h: HeatmapHistory): number | null {
  return h.size === 0 ? null : h.times[slot(h, h.size - 1)]!;
}

export interface HeatmapGrid {
  /** Bar time of each row, oldest first. */
  times: Float64Array;
  /** Lower price edge of each column, ascending; one more than the column count (the last is the top edge). */
  edges: Float64Array;
  /** rows × columns USD (long + short, or one side), row-major. */
  values: Float32Array;
  rows: number;
  columns: number;
  max: number;
}

export type HeatmapSide = 'both' | 'long' | 'short';

/** The rows with t0 ≤ time ≤ t1 over the grid columns covering [p0, p1], dequantised, for a renderer. */
export function query(h: HeatmapHistory, t0: number, t1: number, p0: number, p1: number, side: HeatmapSide = 'both'): HeatmapGrid {
  const c0 = Math.floor(columnOf(h.grid, Math.min(p0, p1)));
  const c1 = Math.ceil(columnOf(h.grid, Math.max(p0, p1)));
  const columns = Number.isFinite(c0) && Number.isFinite(c1) ? Math.max(0, c1 - c0) : 0;
  let first = 0;
  while (first < h.size && h.times[slot(h, first)]! < t0) first++;
  let last = first;
  while (last < h.size && h.times[slot(h, last)]! <= t1) last++;
  const rows = last - first;
  const values = new Float32Array(rows * columns);
  const times = new Float64Array(rows);
  let max = 0;
  for (let r = 0; r < rows; r++) {
    const s = slot(h, first + r);
    times[r] = h.times[s]!;
    const o = s * h.width;
    const from = Math.max(c0, h.starts[s]!);
    const to = Math.min(c1, h.starts[s]! + h.width);
    for (let c = from; c < to; c++) {
      const k = c - h.starts[s]!;
      let v = 0;
      if (side !== 'short') v += decode(h.long[o + k]!, h.longMax[s]!);
      if (side !== 'long') v += decode(h.short[o + k]!, h.shortMax[s]!);
      values[r * columns + (c - c0)] = v;
      if (v > max) max = v;
    }
  }
  const edges = new Float64Array(columns + 1);
  for (let c = 0; c <= columns; c++) edges[c] = priceOf(h.grid, c0 + c);
  return { times, edges, values, rows, columns, max };
}
