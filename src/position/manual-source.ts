/**
 * The watcher's manual entries and hedge picks for the current symbol: from the store when there is one,
 * else kept in memory. Loads are generation-counted so a slow load for a symbol the SPA already left is
 * dropped.
 */
import type { Exchange, Position, Side, Symbol } from '../engine/types';
import type { ManualStore } from './manual-store';

export interface ManualChoice {
  manual: Position | null;
  pick: Side | null;
}

export interface ManualSource {
  /**
   * What is saved for `symbol`; null when a newer load started meanwhile (this one is stale). Synchronous
   * without a store (or a symbol), so the first state is reported at once.
   */
  load(symbol: Symbol | null): ManualChoice | null | Promise<ManualChoice | null>;
  save(position: Position): Promise<void>;
  clear(symbol: Symbol): Promise<void>;
  savePick(symbol: Symbol, side: Side | null): Promise<void>;
}

export function manualSource(exchange: Exchange, store: ManualStore | undefined): ManualSource {
  const memory = new Map<string, Position>();
  let gen = 0;
  return {
    load(symbol) {
      const mine = ++gen;
      if (!symbol) return { manual: null, pick: null };
      if (!store) return { manual: memory.get(symbol) ?? null, pick: null };
      return Promise.all([store.load(exchange, symbol), store.loadHedgePick(exchange, symbol)]).then(
        ([manual, pick]) => (mine === gen ? { manual, pick } : null),
        // An unreadable store behaves as an empty one: the page is used.
        () => (mine === gen ? { manual: null, pick: null } : null),
      );
    },
    async save(position) {
      if (store) await store.save(position);
      else memory.set(position.symbol, { ...position, source: 'manual' as const });
    },
    async clear(symbol) {
      if (store) await store.clear(exchange, symbol);
      else memory.delete(symbol);
    },
    async savePick(symbol, side) {
      if (store) await store.saveHedgePick(exchange, symbol, side);
    },
  };
}
