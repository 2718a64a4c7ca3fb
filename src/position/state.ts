/** What the position watcher reports: the position to analyse, where it came from, and why. */
import type { Exchange, Position, Side, Symbol } from '../engine/types';
import type { PositionDraft, PositionRead } from './page-adapter';

export interface PositionState {
  exchange: Exchange;
  /** Canonical symbol of the current URL; null when the SPA navigated away from a trading page. */
  symbol: Symbol | null;
  /** The position to analyse, or null (planned-trade mode or nothing valid; in hedge mode always one leg). */
  position: Position | null;
  source: 'page' | 'manual' | 'none';
  /** Selector health: which strategy found the position, or why none was used. */
  health: string;
  /** Mark price shown in the position row, when read from the page. */
  mark?: number;
  /** Hedge mode: every leg on the symbol, for the panel's leg switch. */
  hedge?: Position[];
  /** Hedge mode: the side of the leg shown. */
  hedgePick?: Side | null;
  /** Hedge mode: why that leg ('picked' by the user, else the 'larger' notional). */
  hedgePickReason?: 'picked' | 'larger';
  /** Why the page read gave no position ('none' / 'invalid'): one line, without the health prefix. */
  reason?: string;
  /** What was read when the read failed: prefill for the manual panel. */
  draft?: PositionDraft;
  /** The raw page read's kind, so the UI can offer the manual panel on 'none' / 'invalid'. */
  pageRead: PositionRead['kind'] | 'no-symbol';
}

/** The part of a state every precedence branch shares. */
export type StateBase = Pick<PositionState, 'exchange' | 'symbol'>;
