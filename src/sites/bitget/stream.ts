/**
 * Bitget v2 public live stream (docs/streams.md): one socket, channels ticker (markPrice), trade and books15
 * (each push a full top-15 snapshot) with instType USDT-FUTURES; quantities are in coin. No liquidations:
 * see `liquidations` below. The client sends the text "ping" every 30 s and Bitget answers "pong".
 */
import type { FlowEvent } from '../../engine/flow/flow-state';
import { StreamFrameError, type FrameResult, type Outgoing, type StreamSpec } from '../shared/stream-spec';
import { arr, control, levels, nothing, obj, parseJson, price, qty, result, str, time, timeOr, type Obj } from '../shared/stream-read';

const EX = 'bitget';
const INST_TYPE = 'USDT-FUTURES';
const arg = (channel: string, s: string) => ({ instType: INST_TYPE, channel, instId: s.toUpperCase() });
const op = (o: 'subscribe' | 'unsubscribe', args: object[]): Outgoing[] => [{ endpoint: 0, message: JSON.stringify({ op: o, args }) }];
const all = (s: string) => [arg('ticker', s), arg('trade', s), arg('books15', s)];

type Tagged = { symbol: string; event: FlowEvent };

function marks(m: Obj, symbol: string, now: number): FrameResult {
  const ch = 'ticker';
  const out: Tagged[] = [];
  for (const x of arr(m.data, EX, ch, 'data')) {
    const d = obj(x, EX, ch, 'data[]');
    if (d.instId !== undefined && d.instId !== symbol) continue;
    if (d.markPrice === undefined) continue;
    out.push({ symbol, event: { kind: 'mark', t: timeOr(now, EX, ch, 'data[].ts', d.ts, m.ts), price: price(d.markPrice, EX, ch, 'data[].markPrice') } });
  }
  return result(out);
}

function trades(m: Obj, symbol: string): FrameResult {
  const ch = 'trade';
  const out: Tagged[] = [];
  for (const x of arr(m.data, EX, ch, 'data')) {
    const d = obj(x, EX, ch, 'data[]');
    // side: the taker's [verify live]; Bitget lists the newest trade first.
    const side = d.side === 'buy' || d.side === 'sell' ? d.side : null;
    if (side === null) throw new StreamFrameError(EX, ch, 'data[].side', `expected buy or sell, got ${JSON.stringify(d.side)}`);
    out.push({ symbol, event: { kind: 'trade', t: time(d.ts, EX, ch, 'data[].ts'), price: price(d.price, EX, ch, 'data[].price'), qty: qty(d.size, EX, ch, 'data[].size'), side } });
  }
  return result(out);
}

function book(m: Obj, symbol: string, now: number): FrameResult {
  const ch = 'books15';
  const data = arr(m.data, EX, ch, 'data');
  if (data.length === 0) return nothing();
  const d = obj(data[0], EX, ch, 'data[0]');
  const t = timeOr(now, EX, ch, 'data[0].ts', d.ts, m.ts);
  return result([{ symbol, event: { kind: 'book', t, bids: levels(d.bids, EX, ch, 'data[0].bids', true), asks: levels(d.asks, EX, ch, 'data[0].asks', false) } }]);
}

function frame(text: string, now: number): FrameResult {
  if (text === 'pong') return control();
  const m = obj(parseJson(text, EX), EX, 'frame', 'message');
  if (m.event !== undefined) {
    if (m.event === 'error') throw new StreamFrameError(EX, 'frame', 'event', `error ${String(m.code)} ${String(m.msg)}`);
    return control(); // subscribe / unsubscribe acks
  }
  if (m.data === undefined) return nothing();
  const a = obj(m.arg, EX, 'frame', 'arg');
  if (a.instType !== INST_TYPE) return nothing();
  const symbol = str(a.instId, EX, String(a.channel), 'arg.instId');
  if (a.channel === 'ticker') return marks(m, symbol, now);
  if (a.channel === 'trade') return trades(m, symbol);
  if (a.channel === 'books15') return book(m, symbol, now);
  return nothing();
}

export const bitgetStream: StreamSpec = {
  exchange: EX,
  // The ticker pushes several times a second [verify] and "ping" every 30 s is answered: 45 s of silence is a dead socket.
  endpoints: [{ url: 'wss://ws.bitget.com/v2/ws/public', ping: { message: 'ping', everyMs: 30_000 }, silentMs: 45_000 }],
  liquidations: {
    absent:
      "Bitget's documented public WebSocket (v2, wss://ws.bitget.com/v2/ws/public) has no liquidation channel; a v3 " +
      '"liquidation" topic is used by third-party apps but is not in Bitget\'s API documentation, so LiqLens does not rely on it.',
  },
  subscribe: (s) => op('subscribe', all(s)),
  unsubscribe: (s) => op('unsubscribe', all(s)),
  bookSubscribe: (s) => op('subscribe', [arg('books15', s)]),
  bookUnsubscribe: (s) => op('unsubscribe', [arg('books15', s)]),
  // books15 is a whole top-15 each push: no state to keep or reset.
  parser: () => ({ frame: (_endpoint, text, now) => frame(text, now), reset: () => {} }),
};
