/**
 * The live stream's per-exchange contract (issue #12): where an exchange's public WebSocket lives, what to send
 * to watch a symbol, how to keep the socket alive, and how to read its frames into the engine's normalised
 * events (src/engine/flow). Each exchange's spec lives in src/sites/<exchange>/stream.ts; the socket manager
 * (src/market/stream) owns the sockets, the clock and the back-off, and knows no exchange.
 * Pure: no WebSocket, no timers, no DOM.
 */
import type { FlowEvent } from '../../engine/flow/flow-state';
import type { Exchange } from '../../engine/types';

/** One socket an exchange needs (Binance routes books to /public and the rest to /market: two). */
export interface StreamEndpoint {
  /** Full wss:// URL. */
  url: string;
  /** Application-level keep-alive text the client sends every `everyMs`, when the exchange wants one. */
  ping?: { message: string; everyMs: number };
  /** No frame for this long means the socket is stale: close it and reconnect. */
  silentMs: number;
}

/** A text frame to send on one of the spec's endpoints. */
export interface Outgoing {
  endpoint: number;
  message: string;
}

/** What one frame meant. */
export interface FrameResult {
  /** Normalised events, each tagged with the canonical symbol (BTCUSDT) it belongs to. */
  events: { symbol: string; event: FlowEvent }[];
  /** Symbols whose book broke its sequence: the manager resends their book subscription (unsubscribe + subscribe). */
  resync: string[];
  /** The frame was a control message (subscribe ack, pong): not data, but proof the socket is alive. */
  control: boolean;
}

export interface StreamParser {
  /**
   * One frame as received (text). Malformed frames throw StreamFrameError; the manager counts and drops them.
   * `now` stamps events the exchange does not time.
   */
  frame(endpoint: number, text: string, now: number): FrameResult;
  /** Forget a symbol's book (after unsubscribe or a reconnect) so the next frames start from a snapshot. */
  reset(symbol?: string): void;
}

export interface StreamSpec {
  exchange: Exchange;
  endpoints: readonly StreamEndpoint[];
  /** Where liquidations are not published on the public stream, say so (shown in the UI). */
  liquidations: 'published' | { absent: string };
  /** Frames that subscribe a canonical symbol to mark, liquidations, trades and book. */
  subscribe(symbol: string): Outgoing[];
  unsubscribe(symbol: string): Outgoing[];
  /** Only the book channel (for a resync). */
  bookSubscribe(symbol: string): Outgoing[];
  bookUnsubscribe(symbol: string): Outgoing[];
  /**
   * Contract size in coin (OKX ctVal); the manager supplies it from the REST instrument metadata. For a
   * symbol it does not watch it returns NaN (or any value ≤ 0): market-wide channels (OKX liquidation-orders)
   * use that to drop other symbols' events.
   */
  parser(contractCoin: (symbol: string) => number): StreamParser;
}

/** A frame that is not what the exchange documents; names the exchange, channel and field. */
export class StreamFrameError extends Error {
  constructor(
    readonly exchange: Exchange,
    readonly channel: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${exchange} ${channel}: ${field}: ${detail}`);
    this.name = 'StreamFrameError';
  }
}
