/**
 * Sanity checks on a position read from a page or typed by the user (DESIGN §7): a failed check is
 * reported with the field named, never drawn. The rules are the position schema's (./schema.ts).
 */
import * as v from 'valibot';
import type { Position } from '../engine/types';
import { PositionNumbersSchema } from './schema';

export { MAX_LEVERAGE, MIN_LEVERAGE } from './schema';

/** null when the position is plausible, else a one-sentence reason naming the field. */
export function positionProblem(p: Pick<Position, 'side' | 'entry' | 'size' | 'leverage' | 'liqPrice'>): string | null {
  const r = v.safeParse(PositionNumbersSchema, p, { abortEarly: true });
  return r.success ? null : (r.issues[0]?.message ?? 'invalid position');
}
