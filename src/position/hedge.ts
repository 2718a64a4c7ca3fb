/** Hedge mode: both sides open on one symbol. The user's pick is analysed; none picked → no position yet. */
import type { Side, Symbol } from '../engine/types';
import type { PositionRead } from './page-adapter';
import type { PositionState, StateBase } from './state';

export function hedgeState(base: StateBase & { symbol: Symbol }, read: Extract<PositionRead, { kind: 'hedge' }>, pick: Side | null): PositionState {
  const i = pick ? read.positions.findIndex((p) => p.side === pick) : -1;
  const chosen = i >= 0 ? read.positions[i]! : null;
  const s: PositionState = {
    ...base,
    position: chosen,
    source: chosen ? 'page' : 'none',
    health: chosen ? `page (hedge mode, ${pick} picked): ${read.strategy}` : `hedge mode: ${read.positions.map((p) => p.side).join(' and ')} open on ${base.symbol}: pick one`,
    hedge: read.positions,
    hedgePick: chosen ? pick : null,
    pageRead: read.kind,
  };
  // The picked row's mark, else any row's: both rows show the same market.
  const mark = i >= 0 ? read.marks[i] : read.marks.find((m) => m !== undefined);
  if (mark !== undefined) s.mark = mark;
  return s;
}
