/** The price under the pointer (hover details), from our own mouse events or the bridge's crosshair (pure). */
import type { OverlayState } from './store';

type Hover = OverlayState['hover'];
type Point = { x: number; y: number };

/** Pixel tier: the price under a mousemove inside the scale's pane, else null (undefined: not ours to say). */
export function pointerHover(s: Pick<OverlayState, 'tier' | 'scale'>, at: Point): Hover | undefined {
  if (s.tier !== 'pixel' || !s.scale) return undefined;
  const p = s.scale.input.pane;
  const inside = at.x >= p.left && at.x <= p.left + p.width && at.y >= p.top && at.y <= p.top + p.height;
  return inside ? { price: s.scale.price(at.y), x: at.x, y: at.y } : null;
}

/**
 * Native tier: the bridge's crosshair price. Over a chart frame the top document gets no mousemove, so the
 * bridge says where the pointer is; else the last mouse position, else a corner of the chart.
 */
export function crosshairHover(chartRect: OverlayState['chartRect'], ev: { price: number | null; x?: number; y?: number }, mouse: Point | null): Hover {
  const r = chartRect;
  const at = ev.x !== undefined && ev.y !== undefined ? { x: ev.x, y: ev.y } : (mouse ?? (r ? { x: r.left + 40, y: r.top + 40 } : { x: 40, y: 80 }));
  return ev.price === null ? null : { price: ev.price, ...at };
}
