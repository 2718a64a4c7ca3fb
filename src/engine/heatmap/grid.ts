/**
 * The heatmap's price grid: fixed in absolute log-price, so rows made around different marks line up (the
 * map's own bins follow the mark and move every bar). Column k covers [anchor·step^k, anchor·step^(k+1)),
 * step = 1 + binPct/100, with the engine's map bin width (0.05 % by default).
 */
export interface LogGrid {
  anchor: number;
  logStep: number;
}

export function logGrid(anchor: number, binPct: number): LogGrid {
  if (!(anchor > 0) || !Number.isFinite(anchor)) throw new RangeError(`heatmap anchor must be a positive price, got ${anchor}`);
  if (!(binPct > 0) || !Number.isFinite(binPct)) throw new RangeError(`heatmap bin must be a positive percent, got ${binPct}`);
  return { anchor, logStep: Math.log1p(binPct / 100) };
}

/** Fractional column of a price (column k spans [k, k + 1)). */
export function columnOf(g: LogGrid, price: number): number {
  return Math.log(price / g.anchor) / g.logStep;
}

/** Lower price edge of column k. */
export function priceOf(g: LogGrid, column: number): number {
  return g.anchor * Math.exp(column * g.logStep);
}
