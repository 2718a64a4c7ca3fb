/**
 * Price ↔ viewport-pixel mapping of a chart's main pane (Tier B). TradingView's public API has no
 * price→pixel call, so we rebuild it from the visible price range and the pane rectangle: the top edge
 * shows `to`, the bottom edge `from`, linear or logarithmic in between (d3-scale).
 */
import { scaleLinear, scaleLog } from 'd3-scale';

export type ScaleMode = 'linear' | 'log';

export interface PaneRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What a scale is built from; compared field by field to re-render only on change. */
export interface ScaleInput {
  /** Price at the bottom edge of the pane. */
  from: number;
  /** Price at the top edge. */
  to: number;
  mode: ScaleMode;
  inverted: boolean;
  pane: PaneRect;
}

export interface PriceScale {
  readonly input: ScaleInput;
  /** Viewport y (CSS px) of a price. */
  y(price: number): number;
  /** Price at a viewport y. */
  price(y: number): number;
}

export function makeScale(input: ScaleInput): PriceScale {
  const { from, to, pane, inverted } = input;
  const top = pane.top;
  const bottom = pane.top + pane.height;
  const range = inverted ? [top, bottom] : [bottom, top];
  const s = input.mode === 'log' ? scaleLog().domain([from, to]).range(range) : scaleLinear().domain([from, to]).range(range);
  return { input, y: (p) => s(p), price: (y) => s.invert(y) };
}

/** True when two inputs draw the same pixels (so the overlay need not re-render). */
export function sameScaleInput(a: ScaleInput | null, b: ScaleInput | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.mode === b.mode &&
    a.inverted === b.inverted &&
    a.pane.left === b.pane.left &&
    a.pane.top === b.pane.top &&
    a.pane.width === b.pane.width &&
    a.pane.height === b.pane.height
  );
}
