/**
 * Normalised live events (issue #12): what the per-exchange stream parsers (src/sites/<exchange>/stream.ts)
 * produce and the order-flow modules here consume. Numbers only; the exchange is named by the caller.
 */
import type { Coin, Price, Usd, UtcMs } from '../units';

/** One aggressive (taker) trade, or an exchange's aggregate of them at one price. */
export interface TradeEvent {
  t: UtcMs;
  price: Price;
  qty: Coin;
  /** The taker's side: 'buy' lifts the ask, 'sell' hits the bid. */
  side: 'buy' | 'sell';
}

/** One published forced liquidation. */
export interface LiquidationEvent {
  t: UtcMs;
  price: Price;
  qty: Coin;
  usd: Usd;
  /** The side that was liquidated (a SELL liquidation order closes a long). */
  side: 'long' | 'short';
}

/** The mark price at a time. */
export interface MarkTick {
  t: UtcMs;
  price: Price;
}

/** A consistent view of the book at one time (top-N or a full book after diffs were applied). */
export interface BookSnapshot {
  t: UtcMs;
  /** [price, coin] best first: bids descending, asks ascending. */
  bids: readonly (readonly [Price, Coin])[];
  asks: readonly (readonly [Price, Coin])[];
}
