/**
 * Hedge mode: two (or more) legs open on one symbol. One is always shown at once, never "no position":
 * the user's last pick (remembered per exchange + symbol, src/position/manual-store.ts) when that side is
 * still open, else the leg with the larger notional (size × mark, else × entry). The panel's leg switch
 * (src/overlay/HedgeSwitch.tsx) changes it.
 */
import type { Position, Side, Symbol } from '../engine/types';
import type { Price } from '../engine/units';
import type { PositionRead } from './page-adapter';
import type { PositionState, StateBase } from './state';

/** Why the shown leg is shown: the user picked it, or it is the larger one. */
export type HedgePickReason = 'picked' | 'larger';

/** Notional of a leg in quote currency: size × the row's mark when shown, else × entry. */
export function legNotional(p: Position, mark: Price | undefined): number {
  const price = mark !== undefined && Number.isFinite(mark) && mark > 0 ? mark : p.entry;
  return p.size * price;
}

/**
 * The index of the leg to show: the picked side's (the larger of that side's legs, if several), else the
 * larger notional overall; ties keep the page's order.
 */
export function chooseLeg(positions: readonly Position[], marks: readonly (Price | undefined)[], pick: Side | null): { index: number; reason: HedgePickReason } {
  let best = -1;
  let picked = -1;
  positions.forEach((p, i) => {
    const larger = (j: number) => j < 0 || legNotional(p, marks[i]) > legNotional(positions[j]!, marks[j]);
    if (larger(best)) best = i;
    if (p.side === pick && larger(picked)) picked = i;
  });
  return picked >= 0 ? { index: picked, reason: 'picked' } : { index: Math.max(0, best), reason: 'larger' };
}

export function hedgeState(base: StateBase & { symbol: Symbol }, read: Extract<PositionRead, { kind: 'hedge' }>, pick: Side | null): PositionState {
  const { index, reason } = chooseLeg(read.positions, read.marks, pick);
  const chosen = read.positions[index]!;
  const s: PositionState = {
    ...base,
    position: chosen,
    source: 'page',
    health: `page (hedge mode: ${read.positions.map((p) => p.side).join(' and ')} open; ${chosen.side} shown, ${reason === 'picked' ? 'your pick' : 'the larger notional'}): ${read.strategy}`,
    hedge: read.positions,
    hedgePick: chosen.side,
    hedgePickReason: reason,
    pageRead: read.kind,
  };
  // The shown leg's mark, else any row's: both rows show the same market.
  const mark = read.marks[index] ?? read.marks.find((m) => m !== undefined);
  if (mark !== undefined) s.mark = mark;
  return s;
}
