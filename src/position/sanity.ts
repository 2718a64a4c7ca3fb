/**
 * Sanity checks on a position read from a page or typed by the user (docs/design.md §7): a failed check is
 * reported with the field named, never drawn.
 */
import type { Position } from '../engine/types';

export const MIN_LEVERAGE = 1;
export const MAX_LEVERAGE = 150;

/** null when the position is plausible, else a one-sentence reason naming the field. */
export function positionProblem(p: Pick<Position, 'side' | 'entry' | 'size' | 'leverage' | 'liqPrice'>): string | null {
  if (!Number.isFinite(p.entry) || p.entry <= 0) return `entry price must be a positive number (got ${p.entry})`;
  if (!Number.isFinite(p.size) || p.size <= 0) return `size must be a positive number of coins (got ${p.size})`;
  if (!Number.isFinite(p.leverage) || p.leverage < MIN_LEVERAGE || p.leverage > MAX_LEVERAGE) {
    return `leverage must be between ${MIN_LEVERAGE}x and ${MAX_LEVERAGE}x (got ${p.leverage}x)`;
  }
  if (p.liqPrice !== undefined) {
    if (!Number.isFinite(p.liqPrice) || p.liqPrice < 0) return `liquidation price must be a non-negative number (got ${p.liqPrice})`;
    if (p.side === 'long' && p.liqPrice >= p.entry) {
      return `liquidation price ${p.liqPrice} is not below the entry ${p.entry} of a long`;
    }
    if (p.side === 'short' && p.liqPrice <= p.entry) {
      return `liquidation price ${p.liqPrice} is not above the entry ${p.entry} of a short`;
    }
  }
  return null;
}
