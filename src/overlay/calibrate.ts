/**
 * Learning a chart's price scale from its price-axis labels, for charts whose widget cannot be reached
 * (cross-origin or unknown chart library). Each label gives one (price, y) pair; a least-squares fit
 * of y against price (linear) or ln(price) (log) gives the scale, and the better-fitting mode wins.
 */
import type { ScaleInput, ScaleMode, PaneRect } from './scale';

export interface AxisPoint {
  price: number;
  y: number;
}

export type Calibration =
  | { kind: 'ok'; mode: ScaleMode; /** y = a + b·f(price) */ a: number; b: number; rmsPx: number; points: number }
  | { kind: 'none'; reason: string };

/** Worst acceptable RMS residual of the fit; labels are drawn at exact pixel positions. */
export const MAX_RMS_PX = 1.5;

function fit(points: readonly AxisPoint[], f: (p: number) => number): { a: number; b: number; rms: number } {
  const n = points.length;
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const { price, y } of points) {
    const x = f(price);
    sx += x; sy += y; sxx += x * x; sxy += x * y;
  }
  const den = n * sxx - sx * sx;
  const b = den === 0 ? 0 : (n * sxy - sx * sy) / den;
  const a = (sy - b * sx) / n;
  let ss = 0;
  for (const { price, y } of points) ss += (a + b * f(price) - y) ** 2;
  return { a, b, rms: Math.sqrt(ss / n) };
}

export function calibrate(points: readonly AxisPoint[]): Calibration {
  const usable = points.filter((p) => Number.isFinite(p.price) && p.price > 0 && Number.isFinite(p.y));
  const distinct = new Set(usable.map((p) => p.price));
  if (distinct.size < 2) return { kind: 'none', reason: `price axis shows ${distinct.size} readable label(s); need 2` };
  const lin = fit(usable, (p) => p);
  const log = fit(usable, Math.log);
  // Prices rise upwards on a chart: y must fall as price grows, in the fit and label by label (the page
  // draws them: top to bottom, no label may show more than the one above it).
  const byY = [...usable].sort((p, q) => p.y - q.y || q.price - p.price);
  if (!(lin.b < 0) || byY.some((p, i) => i > 0 && p.price > byY[i - 1]!.price)) return { kind: 'none', reason: 'price-axis labels do not rise upwards' };
  // Two labels fit any line exactly; prefer linear then (log needs ≥ 3 labels to be told apart).
  const useLog = usable.length >= 3 && log.rms < lin.rms;
  const best = useLog ? log : lin;
  if (best.rms > MAX_RMS_PX) return { kind: 'none', reason: `price-axis labels do not form a scale (residual ${best.rms.toFixed(1)} px)` };
  return { kind: 'ok', mode: useLog ? 'log' : 'linear', a: best.a, b: best.b, rmsPx: best.rms, points: usable.length };
}

/** The fitted scale as a visible range over a pane: the prices at its top and bottom edges. */
export function calibrationToScale(c: Extract<Calibration, { kind: 'ok' }>, pane: PaneRect): ScaleInput | null {
  const inv = (y: number) => {
    const x = (y - c.a) / c.b;
    return c.mode === 'log' ? Math.exp(x) : x;
  };
  const to = inv(pane.top);
  const from = inv(pane.top + pane.height);
  if (!(Number.isFinite(from) && Number.isFinite(to) && from > 0 && to > from)) return null;
  return { from, to, mode: c.mode, inverted: false, pane };
}
