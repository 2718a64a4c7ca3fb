/**
 * The phone layout (issue 15): below COMPACT_MAX_WIDTH CSS px of viewport the 290 px panel would cover most
 * of the chart and its right-hand price axis (where the last price sits), so the panel docks as a small LFR
 * badge at the chart's top-left corner, away from the axis, and opens as a card on tap.
 */
import type { PaneRect } from './scale';

export const COMPACT_MAX_WIDTH = 600;
/** Inset from the chart's corner, and the least margin kept from the viewport's edges. */
const INSET = 8;
const EDGE = 4;
/** Room kept for the badge when clamping it into the viewport (its rendered width is about 90 px). */
const BADGE_ROOM = 120;

export const isCompact = (viewportWidth: number): boolean => Number.isFinite(viewportWidth) && viewportWidth > 0 && viewportWidth < COMPACT_MAX_WIDTH;

/** Where the badge (and the card it opens, below it) sits: the chart's top-left corner, kept inside the viewport. */
export function compactAnchor(rect: PaneRect | null, viewportWidth: number): { left: number; top: number } {
  if (!rect) return { left: INSET, top: 60 };
  const maxLeft = Math.max(EDGE, viewportWidth - BADGE_ROOM);
  return { left: Math.round(Math.min(maxLeft, Math.max(EDGE, rect.left + INSET))), top: Math.round(Math.max(EDGE, rect.top + INSET)) };
}
