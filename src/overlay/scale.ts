/**
 * Price ↔ viewport-pixel mapping of a chart's main pane (Tier B). TradingView's public API has no
 * price→pixel call, so we rebuild it from the visible price range and the pane rectangle: the top edge
 * shows `to`, the bottom edge `from`, linear or logarithmic in between.
 *
 * The arithmetic is d3-scale's scaleLinear / scaleLog (domain [from, to] → range [bottom, top]) written
 * out: importing d3-scale pulls d3-interpolate + d3-color + d3-format (≈ 29 kB minified) into the
 * content script, half its 60 kB budget (docs/design.md §11). test/overlay/scale.test.ts checks this against
 * d3-scale itself.
 */
import type { Price } from '../engine/units';

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
  from: Price;
  /** Price at the top edge. */
  to: Price;
  mode: ScaleMode;
  inverted: boolean;
  pane: PaneRect;
}

export interface PriceScale {
  readonly input: ScaleInput;
  /** Viewport y (CSS px) of a price. */
  y(price: Price): number;
  /** Price at a viewport y. */
  price(y: number): Price;
}

export function makeScale(input: ScaleInput): PriceScale {
  const { from, to, pane, inverted } = input;
  const top = pane.top;
  const bottom = pane.top + pane.height;
  // y of `from` and of `to` (prices grow upwards unless the scale is inverted).
  const y0 = inverted ? top : bottom;
  const y1 = inverted ? bottom : top;
  const f = input.mode === 'log' ? Math.log : (p: number) => p;
  const fInv = input.mode === 'log' ? Math.exp : (x: number) => x;
  const d0 = f(from);
  const span = f(to) - d0;
  return {
    input,
    y: (p) => y0 + ((f(p) - d0) / span) * (y1 - y0),
    price: (y) => fInv(d0 + ((y - y0) / (y1 - y0)) * span),
  };
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
