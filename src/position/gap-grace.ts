/**
 * A panel that vanishes (React remounting it) or shows placeholders ("--" while loading) right after a
 * good read is usually a re-render, not a closed position: keep the last good read for a moment so the
 * overlay and the background do not flicker to planned-trade mode and back. A read that finds the table
 * but no row for the symbol (the position closed) is reported at once.
 */
import type { Symbol } from '../engine/types';
import type { PositionRead } from './page-adapter';
import type { PositionState } from './state';

/** How long a vanished or placeholder panel may keep the last good read (ms). */
export const GAP_GRACE_MS = 1500;

export interface GapGrace {
  /** A good page read for `symbol`, to keep through a gap. */
  remember(symbol: Symbol, state: PositionState): void;
  /** The kept state when `read` looks like a re-render gap, else null. Arms `onExpire` for when the grace ends. */
  keep(symbol: Symbol, read: Extract<PositionRead, { kind: 'none' | 'invalid' }>, panelGone: boolean): PositionState | null;
  stop(): void;
}

export function gapGrace(onExpire: () => void, graceMs = GAP_GRACE_MS): GapGrace {
  let lastGood: { symbol: Symbol; state: PositionState; at: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    remember(symbol, state) {
      lastGood = { symbol, state, at: Date.now() };
    },
    keep(symbol, read, panelGone) {
      if (!lastGood || lastGood.symbol !== symbol) return null;
      if (read.kind !== 'invalid' && !(read.kind === 'none' && panelGone)) return null;
      const age = Date.now() - lastGood.at;
      if (age >= graceMs) return null;
      if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          onExpire();
        }, graceMs - age + 1);
      }
      return { ...lastGood.state, health: `${lastGood.state.health} (kept for a moment: ${read.reason})` };
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
