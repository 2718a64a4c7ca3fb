/**
 * Sanity checks on a position read from a page or typed by the user (docs/design.md §7): a failed check is
 * reported with the field named, never drawn. The rules are the position schema's (src/engine/position-check.ts).
 */
import { positionIssue, type PositionNumbers } from '../engine/position-check';

export { MAX_LEVERAGE, MIN_LEVERAGE } from '../engine/position-check';

/** null when the position is plausible, else a one-sentence reason naming the field. */
export function positionProblem(p: PositionNumbers): string | null {
  return positionIssue(p)?.message ?? null;
}
