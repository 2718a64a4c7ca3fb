/**
 * Bybit v5 linear live stream (docs/streams.md): one socket, topics tickers.{s} (mark; snapshot then deltas
 * that omit unchanged fields), allLiquidation.{s}, publicTrade.{s} and orderbook.50.{s}. The book is the
 * one stateful channel: a snapshot (or u = 1, sent after a Bybit restart) replaces it, each delta must carry
 * the previous u + 1, and a gap drops the book and asks the manager to resubscribe (the next snapshot
 * recovers it). The client pings {"op":"ping"} every 20 s.
 */
import type { FlowEvent } from '../../engine/flow/flow-state';
import { LiveBook } from '../shared/live-book';
import { StreamFrameError, type FrameResult, type Outgoing, type StreamParser, type StreamSpec } from '../shared/stream-spec';
import { arr, control, levels, NO_RESYNC, nothing, obj, parseJson, price, qty, result, seq, size, time, timeOr, type Obj } from '../shared/stream-read';

const EX = 'bybit';
const DEPTH = 50;
const flowTopics = (s: string) => [`tickers.${s}`, `allLiquidation.${s}`, `publicTrade.${s}`];
const BOOK = `orderbook.${DEPTH}.`;
const bookTopic = (s: string) => BOOK + s;
const op = (o: 'subscribe' | 'unsubscribe', args: string[]): Outgoing[] => [{ endpoint: 0, message: JSON.stringify({ op: o, args }) }];

type Tagged = { symbol: string; event: FlowEvent };
const one = (symbol: string, event: FlowEvent): FrameResult => ({ events: [{ symbol, event }], resync: NO_RESYNC, control: false });

function mark(m: Obj, symbol: string, now: number): FrameResult {
  const d = obj(m.data, EX, 'tickers', 'data');
  // A delta carries only the fields that changed.
  if (d.markPrice === undefined) return nothing();
  return one(symbol, { kind: 'mark', t: timeOr(now, EX, 'tickers', 'ts', m.ts), price: price(d.markPrice, EX, 'tickers', 'data.markPrice') });
}

function trades(m: Obj, symbol: string): FrameResult {
  const ch = 'publicTrade';
  const out: Tagged[] = [];
  for (const x of arr(m.data, EX, ch, 'data')) {
    const d = obj(x, EX, ch, 'data[]');
    if (d.s !== undefined && d.s !== symbol) continue;
    // S is the taker's side.
    const side = d.S === 'Buy' ? 'buy' : d.S === 'Sell' ? 'sell' : null;
    if (side === null) throw new StreamFrameError(EX, ch, 'data[].S', `expected Buy or Sell, got ${JSON.stringify(d.S)}`);
    out.push({ symbol, event: { kind: 'trade', t: time(d.T, EX, ch, 'data[].T'), price: price(d.p, EX, ch, 'data[].p'), qty: qty(d.v, EX, ch, 'data[].v'), side } });
  }
  return result(out);
}

function liquidations(m: Obj, symbol: string): FrameResult {
  const ch = 'allLiquidation';
  const out: Tagged[] = [];
  for (const x of arr(m.data, EX, ch, 'data')) {
    const d = obj(x, EX, ch, 'data[]');
    if (d.s !== undefined && d.s !== symbol) continue;
    // Bybit documents S = "Buy" as a liquidated LONG position (exchange-apis.md §2.9).
    const side = d.S === 'Buy' ? 'long' : d.S === 'Sell' ? 'short' : null;
    if (side === null) throw new StreamFrameError(EX, ch, 'data[].S', `expected Buy or Sell, got ${JSON.stringify(d.S)}`);
    const p = price(d.p, EX, ch, 'data[].p');
    const q = qty(d.v, EX, ch, 'data[].v');
    out.push({ symbol, event: { kind: 'liquidation', t: time(d.T, EX, ch, 'data[].T'), price: p, qty: q, usd: p * q, side } });
  }
  return result(out);
}

/** A delta side with its zeros kept (size 0 deletes), read whole before anything is applied. */
function deltaSide(v: unknown, field: string): number[] {
  const rows = arr(v ?? [], EX, 'orderbook', field);
  const flat: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Array.isArray(r) || r.length < 2) throw new StreamFrameError(EX, 'orderbook', field, `level ${i}: expected [price, size]`);
    flat.push(price(r[0], EX, 'orderbook', field), size(r[1], EX, 'orderbook', field));
  }
  return flat;
}

interface BookState {
  book: LiveBook | null;
  u: number;
}

function createParser(): StreamParser {
  const books = new Map<string, BookState>();
  let lastBookTopic = '';
  let lastBookSymbol = '';

  function book(m: Obj, symbol: string, now: number): FrameResult {
    const ch = 'orderbook';
    const d = obj(m.data, EX, ch, 'data');
    if (d.s !== undefined && d.s !== symbol) return nothing();
    const u = seq(d.u, EX, ch, 'data.u');
    const t = timeOr(now, EX, ch, 'ts', m.ts);
    if (m.type === 'snapshot' || u === 1) {
      const b = new LiveBook(DEPTH);
      b.reset(levels(d.b, EX, ch, 'data.b', true), levels(d.a, EX, ch, 'data.a', false));
      books.set(symbol, { book: b, u });
      return one(symbol, { kind: 'book', t, bids: b.bids.slice(), asks: b.asks.slice() });
    }
    if (m.type !== 'delta') throw new StreamFrameError(EX, ch, 'type', `expected snapshot or delta, got ${JSON.stringify(m.type)}`);
    const st = books.get(symbol);
    if (!st || st.book === null) return nothing(); // waiting for a snapshot
    if (u !== st.u + 1) {
      st.book = null;
      return { events: [], resync: [symbol], control: false };
    }
    const bids = deltaSide(d.b, 'data.b');
    const asks = deltaSide(d.a, 'data.a');
    const b = st.book;
    for (let i = 0; i < bids.length; i += 2) b.set(true, bids[i]!, bids[i + 1]!);
    for (let i = 0; i < asks.length; i += 2) b.set(false, asks[i]!, asks[i + 1]!);
    b.trim();
    st.u = u;
    return one(symbol, { kind: 'book', t, bids: b.bids.slice(), asks: b.asks.slice() });
  }

  return {
    frame(_endpoint, text, now) {
      const m = obj(parseJson(text, EX), EX, 'frame', 'message');
      const topic = m.topic;
      if (typeof topic !== 'string') {
        // {"success":true,"ret_msg":"pong","op":"ping"} and subscribe acks; success false is a refused request.
        if (m.success === false) throw new StreamFrameError(EX, String(m.op ?? 'frame'), 'success', `refused: ${JSON.stringify(m.ret_msg ?? '')}`);
        return m.op !== undefined ? control() : nothing();
      }
      // Topic "<name>.<symbol>": match the name by prefix, cut the symbol once (the book's, cached: it is most frames).
      if (topic.startsWith(BOOK)) {
        if (topic !== lastBookTopic) {
          lastBookTopic = topic;
          lastBookSymbol = topic.slice(BOOK.length);
        }
        return book(m, lastBookSymbol, now);
      }
      if (topic.startsWith('publicTrade.')) return trades(m, topic.slice(12));
      if (topic.startsWith('tickers.')) return mark(m, topic.slice(8), now);
      if (topic.startsWith('allLiquidation.')) return liquidations(m, topic.slice(15));
      return nothing();
    },
    reset(symbol) {
      if (symbol === undefined) books.clear();
      else books.delete(symbol);
    },
  };
}

export const bybitStream: StreamSpec = {
  exchange: EX,
  // tickers push every 100 ms and the 20 s ping is answered at once: 35 s without a frame is a dead socket.
  endpoints: [{ url: 'wss://stream.bybit.com/v5/public/linear', ping: { message: JSON.stringify({ op: 'ping' }), everyMs: 20_000 }, silentMs: 35_000 }],
  liquidations: 'published',
  subscribe: (s) => op('subscribe', [...flowTopics(s), bookTopic(s)]),
  unsubscribe: (s) => op('unsubscribe', [...flowTopics(s), bookTopic(s)]),
  bookSubscribe: (s) => op('subscribe', [bookTopic(s)]),
  bookUnsubscribe: (s) => op('unsubscribe', [bookTopic(s)]),
  parser: () => createParser(),
};
