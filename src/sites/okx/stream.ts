/**
 * OKX v5 public live stream (docs/streams.md): one socket, channels mark-price, trades and books5 per
 * instrument (BTCUSDT ↔ BTC-USDT-SWAP, as the recorder maps it) and liquidation-orders for the whole SWAP
 * market. Sizes are CONTRACTS: coin = contracts × contractCoin(symbol) (ctVal, from the REST instrument
 * metadata). books5 pushes a full top-5 each time, so nothing is kept between frames. The client sends the
 * text "ping" every 25 s and OKX answers "pong".
 */
import type { FlowEvent } from '../../engine/flow/flow-state';
import { StreamFrameError, type FrameResult, type Outgoing, type StreamSpec } from '../shared/stream-spec';
import { arr, control, levels, nothing, obj, parseJson, price, qty, result, str, time, timeOr, type Obj } from '../shared/stream-read';
import { okxRecorder } from './recorder';

const EX = 'okx';
const SUFFIX = '-USDT-SWAP';
const instrument = okxRecorder.instrument;
const SYMBOLS = new Map<string, string | null>();
/** BTC-USDT-SWAP → BTCUSDT; null for anything but a USDT-margined swap (inverse BTC-USD-SWAP is not ours). Memoised: OKX lists a few hundred swaps. */
export function okxSymbol(instId: string): string | null {
  let s = SYMBOLS.get(instId);
  if (s === undefined) {
    s = instId.endsWith(SUFFIX) ? `${instId.slice(0, -SUFFIX.length).replace(/-/g, '')}USDT` : null;
    if (SYMBOLS.size < 4096) SYMBOLS.set(instId, s);
  }
  return s;
}

const perInstrument = (s: string) => [
  { channel: 'mark-price', instId: instrument(s) },
  { channel: 'trades', instId: instrument(s) },
];
const bookArg = (s: string) => ({ channel: 'books5', instId: instrument(s) });
// One market-wide channel serves every watched symbol, so unsubscribing one symbol leaves it on.
const LIQUIDATIONS = { channel: 'liquidation-orders', instType: 'SWAP' };
const op = (o: 'subscribe' | 'unsubscribe', args: object[]): Outgoing[] => [{ endpoint: 0, message: JSON.stringify({ op: o, args }) }];

type Tagged = { symbol: string; event: FlowEvent };

export const okxStream: StreamSpec = {
  exchange: EX,
  // mark-price pushes at least every 10 s even when unchanged, and "ping" every 25 s is answered: 40 s of silence is a dead socket.
  endpoints: [{ url: 'wss://ws.okx.com:8443/ws/v5/public', ping: { message: 'ping', everyMs: 25_000 }, silentMs: 40_000 }],
  liquidations: 'published',
  subscribe: (s) => op('subscribe', [...perInstrument(s), bookArg(s), LIQUIDATIONS]),
  unsubscribe: (s) => op('unsubscribe', [...perInstrument(s), bookArg(s)]),
  bookSubscribe: (s) => op('subscribe', [bookArg(s)]),
  bookUnsubscribe: (s) => op('unsubscribe', [bookArg(s)]),
  parser(contractCoin) {
    /** ctVal of a watched symbol, or NaN: the manager knows it only for the symbols it watches. */
    const ctVal = (symbol: string): number => {
      const c = contractCoin(symbol);
      return c > 0 && c < Infinity ? c : Number.NaN;
    };
    const needCtVal = (symbol: string, ch: string): number => {
      const c = ctVal(symbol);
      if (c !== c) throw new StreamFrameError(EX, ch, 'ctVal', `no contract size for ${symbol}`);
      return c;
    };

    function marks(m: Obj, symbol: string, instId: string, now: number): FrameResult {
      const ch = 'mark-price';
      const out: Tagged[] = [];
      for (const x of arr(m.data, EX, ch, 'data')) {
        const d = obj(x, EX, ch, 'data[]');
        if (d.instId !== undefined && d.instId !== instId) continue;
        out.push({ symbol, event: { kind: 'mark', t: timeOr(now, EX, ch, 'data[].ts', d.ts), price: price(d.markPx, EX, ch, 'data[].markPx') } });
      }
      return result(out);
    }

    function trades(m: Obj, symbol: string, instId: string): FrameResult {
      const ch = 'trades';
      const k = needCtVal(symbol, ch);
      const out: Tagged[] = [];
      for (const x of arr(m.data, EX, ch, 'data')) {
        const d = obj(x, EX, ch, 'data[]');
        if (d.instId !== undefined && d.instId !== instId) continue;
        // side is the taker's.
        const side = d.side === 'buy' || d.side === 'sell' ? d.side : null;
        if (side === null) throw new StreamFrameError(EX, ch, 'data[].side', `expected buy or sell, got ${JSON.stringify(d.side)}`);
        out.push({ symbol, event: { kind: 'trade', t: time(d.ts, EX, ch, 'data[].ts'), price: price(d.px, EX, ch, 'data[].px'), qty: qty(d.sz, EX, ch, 'data[].sz') * k, side } });
      }
      return result(out);
    }

    function book(m: Obj, symbol: string, now: number): FrameResult {
      const ch = 'books5';
      const k = needCtVal(symbol, ch);
      const data = arr(m.data, EX, ch, 'data');
      if (data.length === 0) return nothing();
      const d = obj(data[0], EX, ch, 'data[0]');
      const t = timeOr(now, EX, ch, 'data[0].ts', d.ts);
      return result([{ symbol, event: { kind: 'book', t, bids: levels(d.bids, EX, ch, 'data[0].bids', true, k), asks: levels(d.asks, EX, ch, 'data[0].asks', false, k) } }]);
    }

    function liquidations(m: Obj): FrameResult {
      const ch = 'liquidation-orders';
      const out: Tagged[] = [];
      for (const x of arr(m.data, EX, ch, 'data')) {
        const d = obj(x, EX, ch, 'data[]');
        const symbol = typeof d.instId === 'string' ? okxSymbol(d.instId) : null;
        if (symbol === null) continue;
        const k = ctVal(symbol);
        if (k !== k) continue; // a symbol nobody watches (the channel covers the whole SWAP market)
        for (const y of arr(d.details, EX, ch, 'data[].details')) {
          const det = obj(y, EX, ch, 'data[].details[]');
          // posSide names the position in long/short mode; in net mode a SELL closes (liquidates) a long.
          const side =
            det.posSide === 'long' || det.posSide === 'short' ? det.posSide : det.side === 'sell' ? 'long' : det.side === 'buy' ? 'short' : null;
          if (side === null) throw new StreamFrameError(EX, ch, 'data[].details[].side', `expected buy or sell, got ${JSON.stringify(det.side)}`);
          const p = price(det.bkPx, EX, ch, 'data[].details[].bkPx');
          const q = qty(det.sz, EX, ch, 'data[].details[].sz') * k;
          out.push({ symbol, event: { kind: 'liquidation', t: time(det.ts, EX, ch, 'data[].details[].ts'), price: p, qty: q, usd: p * q, side } });
        }
      }
      return result(out);
    }

    return {
      frame(_endpoint, text, now) {
        if (text === 'pong') return control();
        const m = obj(parseJson(text, EX), EX, 'frame', 'message');
        if (m.event !== undefined) {
          // subscribe / unsubscribe acks and notices; an error names its code and message.
          if (m.event === 'error') throw new StreamFrameError(EX, 'frame', 'event', `error ${String(m.code)} ${String(m.msg)}`);
          return control();
        }
        if (m.data === undefined) return nothing();
        const a = obj(m.arg, EX, 'frame', 'arg');
        const channel = a.channel;
        if (channel === 'liquidation-orders') return liquidations(m);
        const instId = str(a.instId, EX, String(channel), 'arg.instId');
        const symbol = okxSymbol(instId);
        if (symbol === null) return nothing();
        if (channel === 'mark-price') return marks(m, symbol, instId, now);
        if (channel === 'trades') return trades(m, symbol, instId);
        if (channel === 'books5') return book(m, symbol, now);
        return nothing();
      },
      reset: () => {},
    };
  },
};
