/**
 * The one definition of a valid position (docs/design.md §7): what a page read, a manual entry, a stored entry,
 * a watch message and the engine's own input must all satisfy (pure, so it lives in the engine). Each problem is one sentence naming the field, so the same text
 * reaches the manual form, the page-read health line and a rejected message. Hand-written, not valibot:
 * the content script runs it on every page read and valibot is kept out of that bundle; the message
 * schema (src/market/position-schema.ts) wraps this check, and validatePosition (./validate.ts) throws it.
 */
import { MAX_LEVERAGE, MIN_LEVERAGE } from './limits';

export { MAX_LEVERAGE, MIN_LEVERAGE };

export type PositionField = 'side' | 'entry' | 'size' | 'leverage' | 'liqPrice';
export interface PositionIssue {
  field: PositionField;
  message: string;
}

/** The numbers of a position (a page read before it is a Position, the manual form, a message). */
export interface PositionNumbers {
  side: unknown;
  entry: unknown;
  size: unknown;
  leverage: unknown;
  liqPrice?: unknown;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const issue = (field: PositionField, message: string): PositionIssue => ({ field, message });

/** null when the position is plausible, else the first problem, field named. */
export function positionIssue(p: PositionNumbers): PositionIssue | null {
  if (p.side !== 'long' && p.side !== 'short') return issue('side', 'side must be long or short');
  if (!finite(p.entry) || p.entry <= 0) return issue('entry', `entry price must be a positive number (got ${String(p.entry)})`);
  if (!finite(p.size) || p.size <= 0) return issue('size', `size must be a positive number of coins (got ${String(p.size)})`);
  if (!finite(p.leverage) || p.leverage < MIN_LEVERAGE || p.leverage > MAX_LEVERAGE) {
    return issue('leverage', `leverage must be between ${MIN_LEVERAGE}x and ${MAX_LEVERAGE}x (got ${String(p.leverage)}x)`);
  }
  if (p.liqPrice !== undefined) {
    // Producers drop a liquidation of 0 ("none" on a large cross balance), so a present one is > 0.
    if (!finite(p.liqPrice) || p.liqPrice <= 0) return issue('liqPrice', `liquidation price must be a positive number (got ${String(p.liqPrice)})`);
    if (p.side === 'long' && p.liqPrice >= p.entry) return issue('liqPrice', `liquidation price ${p.liqPrice} is not below the entry ${p.entry} of a long`);
    if (p.side === 'short' && p.liqPrice <= p.entry) return issue('liqPrice', `liquidation price ${p.liqPrice} is not above the entry ${p.entry} of a short`);
  }
  return null;
}
