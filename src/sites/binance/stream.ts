/**
 * Binance USDⓈ-M live stream (docs/streams.md): combined-stream frames `{stream, data}` on two routed
 * sockets, /market (markPrice@1s, aggTrade, forceOrder) and /public (the partial book depth20@100ms, each
 * push a full top-20), subscribed with `{"method":"SUBSCRIBE","params":[...],"id":n}`. Binance pings at
 * the protocol level (the browser answers), so there is no application ping.
 */
import type { FlowEvent } from '../../engine/flow/flow-state';
import { StreamFrameError, type FrameResult, type Outgoing, type StreamSpec } from '../shared/stream-spec';
import { control, levels, NO_RESYNC, nothing, num, obj, parseJson, price, qty, time, timeOr } from '../shared/stream-read';

const EX = 'binance';
const MARKET = 0;
const PUBLIC = 1;

let nextId = 1;
function request(endpoint: number, method: 'SUBSCRIBE' | 'UNSUBSCRIBE', params: string[]): Outgoing {
  return { endpoint, message: JSON.stringify({ method, params, id: nextId++ }) };
}
const flowStreams = (s: string) => ['@markPrice@1s', '@aggTrade', '@forceOrder'].map((k) => s.toLowerCase() + k);
const bookStream = (s: string) => [`${s.toLowerCase()}@depth20@100ms`];

function result(symbol: string, event: FlowEvent): FrameResult {
  return { events: [{ symbol, event }], resync: NO_RESYNC, control: false };
}

function frame(text: string, now: number): FrameResult {
  const m = obj(parseJson(text, EX), EX, 'frame', 'message');
  if (m.data === undefined) {
    // {"result":null,"id":n} acknowledges a (un)subscribe; an error names code and msg.
    if (m.error !== undefined || m.code !== undefined) {
      const e = m.error !== undefined ? obj(m.error, EX, 'frame', 'error') : m;
      throw new StreamFrameError(EX, 'frame', 'error', `${String(e.code)} ${String(e.msg)}`);
    }
    if ('result' in m && 'id' in m) return control();
    return nothing();
  }
  const d = obj(m.data, EX, 'frame', 'data');
  switch (d.e) {
    case 'markPriceUpdate': {
      const ch = 'markPrice';
      if (typeof d.s !== 'string') return nothing();
      return result(d.s, { kind: 'mark', t: timeOr(now, EX, ch, 'E', d.E), price: price(d.p, EX, ch, 'p') });
    }
    case 'aggTrade': {
      const ch = 'aggTrade';
      if (typeof d.s !== 'string') return nothing();
      if (typeof d.m !== 'boolean') throw new StreamFrameError(EX, ch, 'm', `expected a boolean, got ${JSON.stringify(d.m)}`);
      // m: the buyer is the maker, so the taker sold.
      return result(d.s, { kind: 'trade', t: time(d.T, EX, ch, 'T'), price: price(d.p, EX, ch, 'p'), qty: qty(d.q, EX, ch, 'q'), side: d.m ? 'sell' : 'buy' });
    }
    case 'forceOrder': {
      const ch = 'forceOrder';
      const o = obj(d.o, EX, ch, 'o');
      if (typeof o.s !== 'string') return nothing();
      const ap = num(o.ap);
      const p = ap > 0 && ap < Infinity ? ap : price(o.p, EX, ch, 'o.p');
      const z = num(o.z);
      const q = z > 0 && z < Infinity ? z : qty(o.q, EX, ch, 'o.q');
      // The liquidation order SELLs a long position and BUYs back a short one.
      const side = o.S === 'SELL' ? 'long' : o.S === 'BUY' ? 'short' : null;
      if (side === null) throw new StreamFrameError(EX, ch, 'o.S', `expected SELL or BUY, got ${JSON.stringify(o.S)}`);
      return result(o.s, { kind: 'liquidation', t: time(o.T ?? d.E, EX, ch, 'o.T'), price: p, qty: q, usd: p * q, side });
    }
    case 'depthUpdate': {
      const ch = 'depth20';
      if (typeof d.s !== 'string') return nothing();
      const t = timeOr(now, EX, ch, 'T', d.T, d.E);
      return result(d.s, { kind: 'book', t, bids: levels(d.b, EX, ch, 'b', true), asks: levels(d.a, EX, ch, 'a', false) });
    }
    default:
      return nothing();
  }
}

export const binanceStream: StreamSpec = {
  exchange: EX,
  endpoints: [
    // markPrice@1s pushes every second: 30 s of silence is a dead socket.
    { url: 'wss://fstream.binance.com/market/stream', silentMs: 30_000 },
    // depth20@100ms pushes only when the top 20 changed; a quiet book may pause, so allow a minute.
    { url: 'wss://fstream.binance.com/public/stream', silentMs: 60_000 },
  ],
  liquidations: 'published',
  subscribe: (s) => [request(MARKET, 'SUBSCRIBE', flowStreams(s)), request(PUBLIC, 'SUBSCRIBE', bookStream(s))],
  unsubscribe: (s) => [request(MARKET, 'UNSUBSCRIBE', flowStreams(s)), request(PUBLIC, 'UNSUBSCRIBE', bookStream(s))],
  bookSubscribe: (s) => [request(PUBLIC, 'SUBSCRIBE', bookStream(s))],
  bookUnsubscribe: (s) => [request(PUBLIC, 'UNSUBSCRIBE', bookStream(s))],
  // Each depth20 push is a whole top-20 book: no state to keep or reset.
  parser: () => ({ frame: (_endpoint, text, now) => frame(text, now), reset: () => {} }),
};
