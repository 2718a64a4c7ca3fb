/**
 * The hub's seam to the live stream (issue #12): which (exchange, symbol) pairs are watched, and the live
 * part of a view. src/market/stream implements it over WebSockets; tests use fakes. The hub knows no socket.
 */
import type { Cluster, Exchange, Symbol } from '../engine/types';
import type { Settings } from '../settings';
import type { LiveView } from './live-view';

export interface LivePair {
  exchange: Exchange;
  symbol: Symbol;
}

export interface LiveFeed {
  /** The watched pairs now: subscribe what is new, unsubscribe what is gone (nothing watched → no socket). */
  sync(pairs: readonly LivePair[]): void;
  /** The live part of a view for a tab on `pageExchange`, with realised USD per cluster of its analysis. */
  view(pageExchange: Exchange, symbol: Symbol, clusters: readonly Cluster[], now: number): LiveView;
}

/** Every enabled exchange of every watched symbol, when streaming is on. */
export function livePairs(symbols: Iterable<Symbol>, settings: Settings): LivePair[] {
  if (!settings.stream) return [];
  const out: LivePair[] = [];
  for (const symbol of new Set(symbols)) {
    for (const [exchange, on] of Object.entries(settings.exchanges) as [Exchange, boolean][]) if (on) out.push({ exchange, symbol });
  }
  return out;
}
