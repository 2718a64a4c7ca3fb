/**
 * Which position is analysed (pure). Precedence: a saved manual entry for (exchange, symbol) wins (the
 * user said so explicitly; clearing it returns to the page); else the page's position; in hedge mode the
 * user's pick, else the larger leg (./hedge.ts); else none (planned-trade mode) with the reason as health.
 */
import type { Exchange, Position, Side, Symbol } from '../engine/types';
import type { PositionRead } from './page-adapter';
import { describePosition } from './describe';
import { hedgeState } from './hedge';
import type { PositionState } from './state';

export function noSymbolState(exchange: Exchange): PositionState {
  return { exchange, symbol: null, position: null, source: 'none', health: 'not a trading page (no symbol in the URL)', pageRead: 'no-symbol' };
}

export function resolveState(exchange: Exchange, symbol: Symbol, read: PositionRead, manual: Position | null, pick: Side | null): PositionState {
  const base = { exchange, symbol };
  if (manual) {
    return { ...base, position: manual, source: 'manual', health: `manual entry (clear it to use the page); page: ${summarise(read)}`, pageRead: read.kind };
  }
  switch (read.kind) {
    case 'position': {
      const s: PositionState = { ...base, position: read.position, source: 'page', health: `page: ${read.strategy}`, pageRead: read.kind };
      if (read.mark !== undefined) s.mark = read.mark;
      return s;
    }
    case 'hedge':
      return hedgeState(base, read, pick);
    case 'none':
    case 'invalid': {
      const s: PositionState = {
        ...base,
        position: null,
        source: 'none',
        health: read.kind === 'none' ? `no position read (planned trade): ${read.reason}` : `position not used: ${read.reason}`,
        pageRead: read.kind,
        reason: read.reason,
      };
      if (read.draft && Object.keys(read.draft).length > 0) s.draft = read.draft;
      return s;
    }
  }
}

/** The page read in one line, shown beside a manual entry so the user sees what the page says. */
function summarise(read: PositionRead): string {
  switch (read.kind) {
    case 'position':
      return `${describePosition(read.position)} via ${read.strategy}`;
    case 'hedge':
      return `hedge mode (${read.positions.map(describePosition).join('; ')})`;
    case 'none':
      return `no position (${read.reason})`;
    case 'invalid':
      return `unreadable (${read.reason})`;
  }
}
