/**
 * Stream parser benchmark (issue #12 budget, docs/streams.md): 10,000 mixed frames (books, trades,
 * liquidations, marks) in the four exchanges' documented formats, 2,500 each, mixed in proportion to each
 * channel's push rate (RATES) and in the order a socket would deliver them (Bybit's book a snapshot then
 * consecutive deltas). Measured side by side in one run:
 *  - parse: JSON.parse of every frame;
 *  - parser: each exchange's parser.frame() on the same texts. frame() parses internally, so
 * `stream_vs_parse` = (parser time − parse time) ÷ parse time: the cost of validating, converting and
 * keeping books, relative to the JSON.parse a consumer pays anyway (budget ≤ 0.25);
 * `stream_us_per_frame` is the parser's whole cost per frame (JSON.parse included), in µs.
 * Medians over rounds after a warm-up; CPU time (user + system), as in engine.ts, because other work on a
 * shared machine steals wall time at random. Fresh parsers each round, so every round replays the same
 * sequence from the Bybit snapshot.
 */
import { SITES } from '../../src/sites';
import type { Exchange } from '../../src/engine/types';
import type { StreamParser } from '../../src/sites/shared/stream-spec';
import { seededRandom } from '../../tools/seeded-random';

const N_PER_EXCHANGE = 2_500;
const T0 = 1_764_000_000_000;
const CT_VAL: Record<string, number> = { BTCUSDT: 0.01 };

type Frame = { ex: Exchange; text: string };
type Kind = 'book' | 'trade' | 'mark' | 'liquidation';

/**
 * Frames per second of each channel on a busy symbol, which sets the mix: the book channels' documented
 * push intervals (Binance depth20 100 ms, Bybit orderbook.50 20 ms, OKX books5 100 ms, Bitget books15
 * 200 ms), marks (Binance 1 s, Bybit tickers 100 ms, OKX mark-price ≈ 200 ms, Bitget ticker ≈ 200 ms
 * [verify]) and liquidations (Binance ≤ 1 s, Bybit 500 ms, OKX ≈ 1 s); trades are pushed as they happen,
 * taken as 25/s, 15/s, 20/s and 10/s. [book, trade, mark, liquidation]
 */
const RATES: Record<Exchange, [number, number, number, number]> = {
  binance: [10, 25, 1, 1],
  bybit: [50, 15, 10, 2],
  okx: [10, 20, 5, 1],
  bitget: [5, 10, 5, 0],
};

export function frames(): Frame[] {
  const rnd = seededRandom(1207);
  const px = (mid: number, ticks: number) => (mid + ticks * 0.1).toFixed(1);
  const sz = () => (0.001 + rnd() * 3).toFixed(3);
  const side = (n: number, dir: number, mid: number) => Array.from({ length: n }, (_, i) => [px(mid, dir * (i + 1)), sz()]);
  const out: Frame[] = [];
  let mid = 97_000;
  let bybitU = 1;
  const cycle = (book: number, trade: number, mark: number, liquidation: number): Kind[] => {
    // Spread each kind evenly over the cycle (not in runs), like interleaved channels on one socket.
    const slots: [number, Kind][] = [];
    for (const [kind, n] of [['book', book], ['trade', trade], ['mark', mark], ['liquidation', liquidation]] as const)
      for (let k = 0; k < n; k++) slots.push([(k + 0.5) / n, kind]);
    return slots.sort((a, z) => a[0] - z[0]).map((x) => x[1]);
  };
  const MIX: Record<Exchange, Kind[]> = {
    binance: cycle(...RATES.binance),
    bybit: cycle(...RATES.bybit),
    okx: cycle(...RATES.okx),
    bitget: cycle(...RATES.bitget),
  };
  for (let i = 0; i < N_PER_EXCHANGE; i++) {
    const t = T0 + i * 40;
    mid += (rnd() - 0.5) * 2;
    const kindOf = (ex: Exchange) => MIX[ex][i % MIX[ex].length]!;
    let kind = kindOf('binance');
    // Binance: combined-stream envelopes.
    const b = (stream: string, data: object) => JSON.stringify({ stream, data });
    out.push({
      ex: 'binance',
      text:
        kind === 'book'
          ? b('btcusdt@depth20@100ms', { e: 'depthUpdate', E: t, T: t - 2, s: 'BTCUSDT', U: i * 10, u: i * 10 + 9, pu: i * 10 - 1, b: side(20, -1, mid), a: side(20, 1, mid) })
          : kind === 'trade'
            ? b('btcusdt@aggTrade', { e: 'aggTrade', E: t, s: 'BTCUSDT', a: i, p: px(mid, 0), q: sz(), f: i, l: i, T: t, m: rnd() < 0.5 })
            : kind === 'mark'
              ? b('btcusdt@markPrice@1s', { e: 'markPriceUpdate', E: t, s: 'BTCUSDT', p: px(mid, 0), i: px(mid, 1), P: px(mid, 2), r: '0.00010000', T: T0 + 28_800_000 })
              : b('btcusdt@forceOrder', { e: 'forceOrder', E: t, o: { s: 'BTCUSDT', S: rnd() < 0.5 ? 'SELL' : 'BUY', o: 'LIMIT', f: 'IOC', q: sz(), p: px(mid, -5), ap: px(mid, -5), X: 'FILLED', l: '0.010', z: '0.010', T: t } }),
    });
    // Bybit: the first book frame a 50-level snapshot, then deltas of a few levels.
    kind = kindOf('bybit');
    if (kind === 'book') {
      const first = bybitU === 1;
      const data = first
        ? { s: 'BTCUSDT', b: side(50, -1, 97_000), a: side(50, 1, 97_000), u: bybitU++, seq: i }
        : {
            s: 'BTCUSDT',
            b: Array.from({ length: 1 + (i % 3) }, () => [px(97_000, -1 - Math.floor(rnd() * 60)), rnd() < 0.3 ? '0' : sz()]),
            a: Array.from({ length: 1 + (i % 4) }, () => [px(97_000, 1 + Math.floor(rnd() * 60)), rnd() < 0.3 ? '0' : sz()]),
            u: bybitU++,
            seq: i,
          };
      out.push({ ex: 'bybit', text: JSON.stringify({ topic: 'orderbook.50.BTCUSDT', type: first ? 'snapshot' : 'delta', ts: t, data, cts: t - 1 }) });
    } else if (kind === 'trade') {
      const data = Array.from({ length: 1 + (i % 3) }, (_, k) => ({ T: t + k, s: 'BTCUSDT', S: rnd() < 0.5 ? 'Buy' : 'Sell', v: sz(), p: px(mid, 0), L: 'PlusTick', i: `id-${i}-${k}`, BT: false }));
      out.push({ ex: 'bybit', text: JSON.stringify({ topic: 'publicTrade.BTCUSDT', type: 'snapshot', ts: t, data }) });
    } else if (kind === 'mark') {
      out.push({ ex: 'bybit', text: JSON.stringify({ topic: 'tickers.BTCUSDT', type: 'delta', data: { symbol: 'BTCUSDT', markPrice: px(mid, 0), indexPrice: px(mid, 1) }, cs: i, ts: t }) });
    } else {
      out.push({ ex: 'bybit', text: JSON.stringify({ topic: 'allLiquidation.BTCUSDT', type: 'snapshot', ts: t, data: [{ T: t, s: 'BTCUSDT', S: 'Buy', v: sz(), p: px(mid, -8) }] }) });
    }
    // OKX: sizes in contracts; liquidation-orders for the whole SWAP market (one item is ours).
    kind = kindOf('okx');
    const inst = 'BTC-USDT-SWAP';
    const contracts = () => String(1 + Math.floor(rnd() * 300));
    const okxSide = (dir: number) => Array.from({ length: 5 }, (_, k) => [px(mid, dir * (k + 1)), contracts(), '0', String(1 + k)]);
    out.push({
      ex: 'okx',
      text: JSON.stringify(
        kind === 'book'
          ? { arg: { channel: 'books5', instId: inst }, data: [{ asks: okxSide(1), bids: okxSide(-1), instId: inst, ts: String(t), seqId: i }] }
          : kind === 'trade'
            ? { arg: { channel: 'trades', instId: inst }, data: [{ instId: inst, tradeId: String(i), px: px(mid, 0), sz: contracts(), side: rnd() < 0.5 ? 'buy' : 'sell', ts: String(t), count: '1' }] }
            : kind === 'mark'
              ? { arg: { channel: 'mark-price', instId: inst }, data: [{ instType: 'SWAP', instId: inst, markPx: px(mid, 0), ts: String(t) }] }
              : {
                  arg: { channel: 'liquidation-orders', instType: 'SWAP' },
                  data: ['ETH-USDT-SWAP', inst, 'SOL-USDT-SWAP'].map((id) => ({
                    instId: id, instFamily: id.slice(0, -5), instType: 'SWAP', uly: id.slice(0, -5),
                    details: [{ side: 'sell', posSide: 'net', bkPx: px(mid, -9), sz: contracts(), bkLoss: '0', ccy: '', ts: String(t) }],
                  })),
                },
      ),
    });
    // Bitget: no liquidations on its public stream.
    kind = kindOf('bitget');
    const arg = (channel: string) => ({ instType: 'USDT-FUTURES', channel, instId: 'BTCUSDT' });
    out.push({
      ex: 'bitget',
      text: JSON.stringify(
        kind === 'book'
          ? { action: 'snapshot', arg: arg('books15'), data: [{ asks: side(15, 1, mid), bids: side(15, -1, mid), checksum: 0, seq: i, ts: String(t) }], ts: t + 1 }
          : kind === 'mark'
            ? {
                action: 'snapshot', arg: arg('ticker'),
                data: [{ instId: 'BTCUSDT', lastPr: px(mid, 0), bidPr: px(mid, -1), askPr: px(mid, 1), bidSz: sz(), askSz: sz(), open24h: '95000.0', high24h: '97500.0', low24h: '94800.0', change24h: '0.0211', fundingRate: '0.0001', nextFundingTime: String(T0 + 28_800_000), markPrice: px(mid, 0), indexPrice: px(mid, 1), holdingAmount: '41000.5', baseVolume: '120000.1', quoteVolume: '11640000000.5', openUtc: '96000.0', symbolType: 1, symbol: 'BTCUSDT', deliveryPrice: '0', ts: String(t) }],
                ts: t + 1,
              }
            : { action: 'update', arg: arg('trade'), data: [{ ts: String(t), price: px(mid, 0), size: sz(), side: rnd() < 0.5 ? 'buy' : 'sell', tradeId: String(i) }], ts: t + 1 },
      ),
    });
  }
  return out;
}

function median(xs: number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

function cpuMs(fn: () => number): { ms: number; sink: number } {
  const c0 = process.cpuUsage();
  const sink = fn();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, sink };
}

export async function run(): Promise<Record<string, number>> {
  const all = frames();
  if (all.length !== 4 * N_PER_EXCHANGE) throw new Error('stream bench: wrong frame count');
  const specs = new Map(SITES.map((s) => [s.id as Exchange, s.stream]));
  const exIndex = all.map((f) => f.ex);
  const texts = all.map((f) => f.text);
  const parseAll = () => {
    let n = 0;
    for (let i = 0; i < texts.length; i++) n += (JSON.parse(texts[i]!) as object) ? 1 : 0;
    return n;
  };
  let resyncs = 0;
  const parserAll = () => {
    const parsers = new Map<Exchange, StreamParser>();
    for (const [id, spec] of specs) parsers.set(id, spec.parser((s) => CT_VAL[s] ?? Number.NaN));
    let n = 0;
    for (let i = 0; i < texts.length; i++) {
      const r = parsers.get(exIndex[i]!)!.frame(0, texts[i]!, T0);
      n += r.events.length;
      resyncs += r.resync.length;
    }
    return n;
  };
  // The generated sequence is valid: every frame yields at least one event, and no book breaks.
  const events = parserAll();
  if (events < all.length || resyncs !== 0) throw new Error(`stream bench: ${events} events, ${resyncs} resyncs from ${all.length} frames`);
  for (let w = 0; w < 5; w++) {
    parseAll();
    parserAll();
  }
  const parse: number[] = [];
  const parser: number[] = [];
  for (let r = 0; r < 21; r++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    if (r % 2) {
      parse.push(cpuMs(parseAll).ms);
      parser.push(cpuMs(parserAll).ms);
    } else {
      parser.push(cpuMs(parserAll).ms);
      parse.push(cpuMs(parseAll).ms);
    }
  }
  const p = median(parse);
  const q = median(parser);
  return {
    stream_vs_parse: Math.round(((q - p) / p) * 1000) / 1000,
    stream_parse_ms: Math.round(p * 100) / 100,
    stream_parser_ms: Math.round(q * 100) / 100,
    stream_us_per_frame: Math.round((q / all.length) * 1e4) / 10,
  };
}
