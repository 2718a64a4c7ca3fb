/**
 * The entry-LFR book: the LFR when a position was first seen (docs/design.md §5.3, "LFR since entry"), kept once
 * for the whole extension. The hub puts it in every view as `entryLfr`; the panel, the popup and the
 * alerts read it from there, so the number shown and the number alerted on are the same one.
 *
 * A position is identified by exchange, symbol, side and entry (adding to it keeps the snapshot; a new
 * entry is a new position). The snapshot is only taken from a complete map, so the comparison later is
 * like with like. Persisted through the MetaStore; the most recent positions are kept.
 */
import type { Analysis, FuelRatio, Position } from '../engine/types';
import { EntryLfrSchema, type MetaStore } from './meta';

const KEY = 'entry-lfr';
/** Positions remembered; the oldest first seen is forgotten first. */
export const ENTRY_LFR_LIMIT = 200;

export function positionKey(p: Pick<Position, 'exchange' | 'symbol' | 'side' | 'entry'>): string {
  return `${p.exchange}:${p.symbol}:${p.side}:${p.entry}`;
}

/** null when there is no ratio (e.g. no risk-side fuel). */
export function lfrValue(lfr: FuelRatio): number | null {
  return lfr.kind === 'ratio' ? lfr.value : null;
}

export class EntryLfrBook {
  private readonly book = new Map<string, number | null>();

  constructor(
    private readonly meta?: MetaStore,
    private readonly log?: (msg: string, err?: unknown) => void,
  ) {}

  /** After a service-worker restart; a snapshot taken meanwhile is newer and kept. */
  async restore(): Promise<void> {
    const saved = await this.meta?.load(KEY, EntryLfrSchema).catch(() => null);
    for (const [k, val] of Object.entries(saved ?? {})) if (!this.book.has(k)) this.book.set(k, val);
  }

  /**
   * The entry LFR of `position`, taking it from `complete` (the analysis of a complete map, else null)
   * the first time the position is seen with one. null while none was taken, or when there was no ratio.
   */
  lookup(position: Position | null, complete: Analysis | null): number | null {
    if (!position) return null;
    const k = positionKey(position);
    if (!this.book.has(k) && complete) {
      this.book.set(k, lfrValue(complete.lfr));
      while (this.book.size > ENTRY_LFR_LIMIT) this.book.delete(this.book.keys().next().value as string);
      void this.meta?.save(KEY, Object.fromEntries(this.book)).catch((e) => this.log?.('could not save entry LFRs', e));
    }
    return this.book.get(k) ?? null;
  }
}
