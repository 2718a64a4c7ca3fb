/** Our shape specs → TradingView shape options. Every drawing is locked and kept out of the user's layout. */
import type { BandSpec, LineSpec, ShapeSpec } from './protocol';
import type { TvPoint, TvShapeOptions } from './tv-api';

/**
 * lock/disableSelection: the user cannot grab or move our shapes; disableSave: never persisted into the
 * user's chart layout (Binance saves on every drawing event, docs/pages-and-overlay.md §2.4); disableUndo: never in the
 * user's undo stack; showInObjectsTree: never listed among the user's drawings.
 */
export const OWN_SHAPE_FLAGS = {
  lock: true,
  disableSelection: true,
  disableSave: true,
  disableUndo: true,
  showInObjectsTree: false,
} as const;

const LINE_STYLE = { solid: 0, dotted: 1, dashed: 2 } as const;

export function bandOverrides(spec: BandSpec): Record<string, unknown> {
  return {
    backgroundColor: spec.colour,
    color: spec.colour,
    fillBackground: true,
    // TradingView transparency is 0 (opaque) … 100 (invisible).
    transparency: Math.round((1 - spec.opacity) * 100),
    linewidth: 1,
    extendLeft: true,
    extendRight: true,
    showLabel: spec.text !== '',
    text: spec.text,
    textColor: spec.colour,
  };
}

export function lineOverrides(spec: LineSpec): Record<string, unknown> {
  return {
    linecolor: spec.colour,
    linestyle: LINE_STYLE[spec.style],
    linewidth: spec.width,
    showLabel: spec.text !== '',
    text: spec.text,
    textcolor: spec.colour,
    horzLabelsAlign: 'right',
    vertLabelsAlign: 'top',
  };
}

export function overridesOf(spec: ShapeSpec): Record<string, unknown> {
  return spec.kind === 'band' ? bandOverrides(spec) : lineOverrides(spec);
}

export function optionsOf(spec: ShapeSpec): TvShapeOptions {
  return spec.kind === 'band'
    ? { shape: 'rectangle', ...OWN_SHAPE_FLAGS, zOrder: 'bottom', text: spec.text, overrides: bandOverrides(spec) }
    : { shape: 'horizontal_line', ...OWN_SHAPE_FLAGS, zOrder: 'top', text: spec.text, overrides: lineOverrides(spec) };
}

/** Time span (UNIX s) a band rectangle is anchored to; re-placed when the visible range leaves it. */
export interface TimeSpan {
  from: number;
  to: number;
}

export function pointsOf(spec: ShapeSpec, span: TimeSpan): TvPoint[] {
  return spec.kind === 'band'
    ? [
        { time: span.from, price: spec.high },
        { time: span.to, price: spec.low },
      ]
    : [{ time: span.to, price: spec.price }];
}
