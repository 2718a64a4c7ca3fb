/**
 * The LFR at the moment a position was first seen ("entry-time snapshot", docs/design.md §5.3), kept per scope so
 * "LFR fell below 1.0 since entry" can be judged later. A different position (side or entry changed)
 * replaces the snapshot; no position clears it.
 */
import type { FuelRatio, Position } from '../engine/types';

export interface EntrySnapshot {
  /** Identifies the position: side and entry (size changes from adding to a position keep the snapshot). */
  positionKey: string;
  /** null when no ratio existed at entry (e.g. no risk-side fuel). */
  lfr: number | null;
}

export type EntrySnapshots = Readonly<Record<string, EntrySnapshot>>;

export function positionKey(p: Position): string {
  return `${p.side}@${p.entry}`;
}

export function lfrValue(lfr: FuelRatio): number | null {
  return lfr.kind === 'ratio' ? lfr.value : null;
}

function without(snaps: EntrySnapshots, scope: string): EntrySnapshots {
  if (!(scope in snaps)) return snaps;
  const { [scope]: _gone, ...rest } = snaps;
  return rest;
}

/**
 * The snapshots after seeing `position` with `lfr` now in `scope`. `complete` = false when the map misses an
 * exchange (partial or stale view): its LFR is not taken as the entry LFR, which would compare unlike maps
 * later (the hub follows the same rule); a snapshot of a different position is still dropped.
 */
export function updateEntrySnapshot(snaps: EntrySnapshots, scope: string, position: Position | null, lfr: FuelRatio, complete = true): EntrySnapshots {
  if (!position) return without(snaps, scope);
  const key = positionKey(position);
  if (snaps[scope]?.positionKey === key) return snaps;
  if (!complete) return without(snaps, scope);
  return { ...snaps, [scope]: { positionKey: key, lfr: lfrValue(lfr) } };
}
