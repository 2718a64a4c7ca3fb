/**
 * What the recorder asks each exchange, and how it reads the answers (docs/exchange-apis.md §1–4, §6).
 * Every value is normalised at this edge: numbers not strings, coin (OKX contracts × ctVal) and USD,
 * the side of the *position* that was liquidated. Anything malformed throws a RecorderError naming the
 * exchange, endpoint and field; the recorder counts it and keeps recording.
 */
import type { Exchange } from '../../src/engine/types';
import { RecorderError } from './errors';
import type { KlineRecord, LiquidationRecord } from './format';

/** GET a JSON body from the exchange's REST base (path includes the query). */
export type GetJson = (path: string) => Promise<unknown>;

export interface Snapshot {
  oiCoin: number;
  /** USD OI when the exchange gives it; else coin × mark. */
  oiUsd?: number;
  mark: number;
}

export interface ExchangeSpec {
  exchange: Exchange;
  restBase: string;
  wsBase: string;
  /** Exchange instrument id for a canonical symbol (BTCUSDT → BTC-USDT-SWAP on OKX). */
  instrument(symbol: string): string;
  /** Coin per contract (OKX ctVal); 1 for the coin-quantity exchanges. */
  contractCoin(get: GetJson, instrument: string): Promise<number>;
  /** Path of the most recent 1-minute klines (a handful per poll). */
  klinesPath(instrument: string, limit: number): string;
  parseKlines(body: unknown, contractCoin: number): KlineRecord[];
  snapshot(get: GetJson, instrument: string, contractCoin: number): Promise<Snapshot>;
  /** WebSocket path of the public liquidation stream, and the subscribe message if one is needed. */
  wsPath(instrument: string): string;
  wsSubscribe(instrument: string): string | undefined;
  /** Application-level keep-alive, when the exchange wants one. */
  wsPing?: { message: string; everyMs: number };
  parseLiquidations(msg: unknown, instrument: string, contractCoin: number): LiquidationRecord[];
  /** Endpoints recorded in meta.json for provenance. */
  sources(instrument: string): Record<string, string>;
}

/* ------------------------------------------------------------------ field readers */

type Obj = Record<string, unknown>;

function obj(v: unknown, ex: string, ep: string, field: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new RecorderError(ex, ep, field, 'expected an object');
  return v as Obj;
}
function arr(v: unknown, ex: string, ep: string, field: string): unknown[] {
  if (!Array.isArray(v)) throw new RecorderError(ex, ep, field, 'expected an array');
  return v;
}
/** A finite number ≥ 0 from a number or numeric string. */
function num(v: unknown, ex: string, ep: string, field: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n < 0) throw new RecorderError(ex, ep, field, `expected a number ≥ 0, got ${JSON.stringify(v)}`);
  return n;
}
function pos(v: unknown, ex: string, ep: string, field: string): number {
  const n = num(v, ex, ep, field);
  if (n === 0) throw new RecorderError(ex, ep, field, 'must be > 0');
  return n;
}
function first(v: unknown, ex: string, ep: string, field: string): unknown {
  const a = arr(v, ex, ep, field);
  if (a.length === 0) throw new RecorderError(ex, ep, field, 'empty');
  return a[0];
}
/** OKX/Bybit/Bitget envelopes: check the success code and return the payload field. */
function envelope(body: unknown, ex: string, ep: string, codeField: string, ok: unknown, dataField: string): unknown {
  const o = obj(body, ex, ep, 'body');
  if (o[codeField] !== ok) throw new RecorderError(ex, ep, codeField, `error ${JSON.stringify(o[codeField])} ${JSON.stringify(o.msg ?? o.retMsg ?? '')}`);
  return o[dataField];
}

function kline(row: unknown, ex: string, ep: string, i: number, cols: { base: number; quote: number }, baseScale = 1): KlineRecord {
  const r = arr(row, ex, ep, `[${i}]`);
  const k = {
    t: num(r[0], ex, ep, `[${i}][0] open time`),
    open: pos(r[1], ex, ep, `[${i}][1] open`),
    high: pos(r[2], ex, ep, `[${i}][2] high`),
    low: pos(r[3], ex, ep, `[${i}][3] low`),
    close: pos(r[4], ex, ep, `[${i}][4] close`),
    baseVolume: num(r[cols.base], ex, ep, `[${i}][${cols.base}] base volume`) * baseScale,
    quoteVolume: num(r[cols.quote], ex, ep, `[${i}][${cols.quote}] quote volume`),
  };
  if (k.high < k.low) throw new RecorderError(ex, ep, `[${i}][2] high`, `below low (${k.high} < ${k.low})`);
  return k;
}

function liq(t: number, side: 'long' | 'short', price: number, coin: number): LiquidationRecord {
  return { t, side, price, coin, usd: coin * price };
}

/* ------------------------------------------------------------------ Binance USDⓈ-M */

const binance: ExchangeSpec = {
  exchange: 'binance',
  restBase: 'https://fapi.binance.com',
  wsBase: 'wss://fstream.binance.com',
  instrument: (s) => s.toUpperCase(),
  contractCoin: async () => 1,
  klinesPath: (i, limit) => `/fapi/v1/klines?symbol=${i}&interval=1m&limit=${limit}`,
  parseKlines(body) {
    const ep = '/fapi/v1/klines';
    return arr(body, 'binance', ep, 'body').map((r, i) => kline(r, 'binance', ep, i, { base: 5, quote: 7 }));
  },
  async snapshot(get, i) {
    const ep1 = '/fapi/v1/openInterest';
    const oi = obj(await get(`${ep1}?symbol=${i}`), 'binance', ep1, 'body');
    const ep2 = '/fapi/v1/premiumIndex';
    const pi = obj(await get(`${ep2}?symbol=${i}`), 'binance', ep2, 'body');
    return { oiCoin: num(oi.openInterest, 'binance', ep1, 'openInterest'), mark: pos(pi.markPrice, 'binance', ep2, 'markPrice') };
  },
  // Routed /market path (legacy unrouted URLs retired 2026-04-23, exchange-apis.md §1).
  wsPath: (i) => `/market/ws/${i.toLowerCase()}@forceOrder`,
  wsSubscribe: () => undefined,
  parseLiquidations(msg, i) {
    const ep = 'forceOrder';
    let m = obj(msg, 'binance', ep, 'message');
    if (m.data !== undefined && m.stream !== undefined) m = obj(m.data, 'binance', ep, 'data'); // combined stream
    if (m.e !== 'forceOrder') return [];
    const o = obj(m.o, 'binance', ep, 'o');
    if (o.s !== i) return [];
    const ap = o.ap === undefined ? 0 : num(o.ap, 'binance', ep, 'o.ap');
    const price = ap > 0 ? ap : pos(o.p, 'binance', ep, 'o.p');
    const filled = o.z === undefined ? 0 : num(o.z, 'binance', ep, 'o.z');
    const coin = filled > 0 ? filled : pos(o.q, 'binance', ep, 'o.q');
    // The liquidation order SELLs a long position and BUYs back a short one.
    const side = o.S === 'SELL' ? 'long' : o.S === 'BUY' ? 'short' : null;
    if (side === null) throw new RecorderError('binance', ep, 'o.S', `expected SELL or BUY, got ${JSON.stringify(o.S)}`);
    return [liq(num(o.T ?? m.E, 'binance', ep, 'o.T'), side, price, coin)];
  },
  sources: (i) => ({
    klines: `/fapi/v1/klines?symbol=${i}&interval=1m`,
    openInterest: `/fapi/v1/openInterest?symbol=${i}`,
    markPrice: `/fapi/v1/premiumIndex?symbol=${i}`,
    liquidations: `wss /market/ws/${i.toLowerCase()}@forceOrder (at most one per symbol per second: undercounts)`,
  }),
};

/* ------------------------------------------------------------------ Bybit v5 linear */

const bybit: ExchangeSpec = {
  exchange: 'bybit',
  restBase: 'https://api.bybit.com',
  wsBase: 'wss://stream.bybit.com',
  instrument: (s) => s.toUpperCase(),
  contractCoin: async () => 1,
  klinesPath: (i, limit) => `/v5/market/kline?category=linear&symbol=${i}&interval=1&limit=${limit}`,
  parseKlines(body) {
    const ep = '/v5/market/kline';
    const result = obj(envelope(body, 'bybit', ep, 'retCode', 0, 'result'), 'bybit', ep, 'result');
    return arr(result.list, 'bybit', ep, 'result.list').map((r, i) => kline(r, 'bybit', ep, i, { base: 5, quote: 6 }));
  },
  async snapshot(get, i) {
    const ep = '/v5/market/tickers';
    const result = obj(envelope(await get(`${ep}?category=linear&symbol=${i}`), 'bybit', ep, 'retCode', 0, 'result'), 'bybit', ep, 'result');
    const t = obj(first(result.list, 'bybit', ep, 'result.list'), 'bybit', ep, 'result.list[0]');
    return {
      oiCoin: num(t.openInterest, 'bybit', ep, 'openInterest'),
      oiUsd: num(t.openInterestValue, 'bybit', ep, 'openInterestValue'),
      mark: pos(t.markPrice, 'bybit', ep, 'markPrice'),
    };
  },
  wsPath: () => '/v5/public/linear',
  wsSubscribe: (i) => JSON.stringify({ op: 'subscribe', args: [`allLiquidation.${i}`] }),
  wsPing: { message: JSON.stringify({ op: 'ping' }), everyMs: 20_000 },
  parseLiquidations(msg, i) {
    const ep = 'allLiquidation';
    const m = obj(msg, 'bybit', ep, 'message');
    if (m.topic !== `allLiquidation.${i}`) return [];
    return arr(m.data, 'bybit', ep, 'data').flatMap((d, k) => {
      const o = obj(d, 'bybit', ep, `data[${k}]`);
      if (o.s !== undefined && o.s !== i) return [];
      // Bybit documents S = "Buy" as a liquidated LONG position (exchange-apis.md §2.9).
      const side = o.S === 'Buy' ? 'long' : o.S === 'Sell' ? 'short' : null;
      if (side === null) throw new RecorderError('bybit', ep, `data[${k}].S`, `expected Buy or Sell, got ${JSON.stringify(o.S)}`);
      return [liq(num(o.T, 'bybit', ep, `data[${k}].T`), side, pos(o.p, 'bybit', ep, `data[${k}].p`), pos(o.v, 'bybit', ep, `data[${k}].v`))];
    });
  },
  sources: (i) => ({
    klines: `/v5/market/kline?category=linear&symbol=${i}&interval=1`,
    openInterest: `/v5/market/tickers?category=linear&symbol=${i} (openInterest, openInterestValue)`,
    markPrice: `/v5/market/tickers?category=linear&symbol=${i} (markPrice)`,
    liquidations: `wss /v5/public/linear allLiquidation.${i}`,
  }),
};

/* ------------------------------------------------------------------ OKX v5 SWAP */

const okx: ExchangeSpec = {
  exchange: 'okx',
  restBase: 'https://www.okx.com',
  wsBase: 'wss://ws.okx.com:8443',
  instrument: (s) => {
    const base = s.toUpperCase().replace(/USDT$/, '');
    return `${base}-USDT-SWAP`;
  },
  async contractCoin(get, i) {
    const ep = '/api/v5/public/instruments';
    const d = obj(first(envelope(await get(`${ep}?instType=SWAP&instId=${i}`), 'okx', ep, 'code', '0', 'data'), 'okx', ep, 'data'), 'okx', ep, 'data[0]');
    return pos(d.ctVal, 'okx', ep, 'ctVal');
  },
  klinesPath: (i, limit) => `/api/v5/market/candles?instId=${i}&bar=1m&limit=${limit}`,
  parseKlines(body) {
    const ep = '/api/v5/market/candles';
    // volCcy (col 6) is already in coin; volCcyQuote (col 7) in USDT.
    return arr(envelope(body, 'okx', ep, 'code', '0', 'data'), 'okx', ep, 'data').map((r, i) => kline(r, 'okx', ep, i, { base: 6, quote: 7 }));
  },
  async snapshot(get, i) {
    const ep1 = '/api/v5/public/open-interest';
    const o = obj(first(envelope(await get(`${ep1}?instType=SWAP&instId=${i}`), 'okx', ep1, 'code', '0', 'data'), 'okx', ep1, 'data'), 'okx', ep1, 'data[0]');
    const ep2 = '/api/v5/public/mark-price';
    const m = obj(first(envelope(await get(`${ep2}?instType=SWAP&instId=${i}`), 'okx', ep2, 'code', '0', 'data'), 'okx', ep2, 'data'), 'okx', ep2, 'data[0]');
    return {
      oiCoin: num(o.oiCcy, 'okx', ep1, 'oiCcy'),
      oiUsd: o.oiUsd === undefined ? undefined : num(o.oiUsd, 'okx', ep1, 'oiUsd'),
      mark: pos(m.markPx, 'okx', ep2, 'markPx'),
    };
  },
  wsPath: () => '/ws/v5/public',
  wsSubscribe: () => JSON.stringify({ op: 'subscribe', args: [{ channel: 'liquidation-orders', instType: 'SWAP' }] }),
  wsPing: { message: 'ping', everyMs: 25_000 },
  parseLiquidations(msg, i, ctVal) {
    const ep = 'liquidation-orders';
    if (msg === 'pong') return [];
    const m = obj(msg, 'okx', ep, 'message');
    if (m.data === undefined) return []; // subscribe acks, errors are events
    return arr(m.data, 'okx', ep, 'data').flatMap((d, k) => {
      const o = obj(d, 'okx', ep, `data[${k}]`);
      if (o.instId !== i) return []; // the channel covers the whole SWAP market
      return arr(o.details, 'okx', ep, `data[${k}].details`).map((x, n) => {
        const f = `data[${k}].details[${n}]`;
        const det = obj(x, 'okx', ep, f);
        // posSide names the position in long/short mode; in net mode a SELL closes (liquidates) a long.
        const side =
          det.posSide === 'long' || det.posSide === 'short'
            ? det.posSide
            : det.side === 'sell'
              ? 'long'
              : det.side === 'buy'
                ? 'short'
                : null;
        if (side === null) throw new RecorderError('okx', ep, `${f}.side`, `expected buy or sell, got ${JSON.stringify(det.side)}`);
        return liq(num(det.ts, 'okx', ep, `${f}.ts`), side, pos(det.bkPx, 'okx', ep, `${f}.bkPx`), pos(det.sz, 'okx', ep, `${f}.sz`) * ctVal);
      });
    });
  },
  sources: (i) => ({
    contract: `/api/v5/public/instruments?instType=SWAP&instId=${i} (ctVal)`,
    klines: `/api/v5/market/candles?instId=${i}&bar=1m`,
    openInterest: `/api/v5/public/open-interest?instType=SWAP&instId=${i}`,
    markPrice: `/api/v5/public/mark-price?instType=SWAP&instId=${i}`,
    liquidations: 'wss /ws/v5/public liquidation-orders (SWAP, filtered by instId; throttled: undercounts)',
  }),
};

/* ------------------------------------------------------------------ Bitget v2 mix USDT-FUTURES */

const PT = 'productType=USDT-FUTURES';
const bitget: ExchangeSpec = {
  exchange: 'bitget',
  restBase: 'https://api.bitget.com',
  wsBase: 'wss://ws.bitget.com',
  instrument: (s) => s.toUpperCase(),
  contractCoin: async () => 1,
  klinesPath: (i, limit) => `/api/v2/mix/market/candles?symbol=${i}&${PT}&granularity=1m&limit=${limit}`,
  parseKlines(body) {
    const ep = '/api/v2/mix/market/candles';
    return arr(envelope(body, 'bitget', ep, 'code', '00000', 'data'), 'bitget', ep, 'data').map((r, i) => kline(r, 'bitget', ep, i, { base: 5, quote: 6 }));
  },
  async snapshot(get, i) {
    const ep1 = '/api/v2/mix/market/open-interest';
    const d = obj(envelope(await get(`${ep1}?symbol=${i}&${PT}`), 'bitget', ep1, 'code', '00000', 'data'), 'bitget', ep1, 'data');
    const o = obj(first(d.openInterestList, 'bitget', ep1, 'data.openInterestList'), 'bitget', ep1, 'data.openInterestList[0]');
    const ep2 = '/api/v2/mix/market/symbol-price';
    const raw = envelope(await get(`${ep2}?symbol=${i}&${PT}`), 'bitget', ep2, 'code', '00000', 'data');
    const p = obj(Array.isArray(raw) ? first(raw, 'bitget', ep2, 'data') : raw, 'bitget', ep2, 'data');
    return { oiCoin: num(o.size, 'bitget', ep1, 'size'), mark: pos(p.markPrice, 'bitget', ep2, 'markPrice') };
  },
  wsPath: () => '/v3/ws/public',
  wsSubscribe: () => JSON.stringify({ op: 'subscribe', args: [{ instType: 'usdt-futures', topic: 'liquidation' }] }),
  wsPing: { message: 'ping', everyMs: 30_000 },
  parseLiquidations(msg, i) {
    const ep = 'liquidation';
    if (msg === 'pong') return [];
    const m = obj(msg, 'bitget', ep, 'message');
    if (m.data === undefined) return [];
    return arr(m.data, 'bitget', ep, 'data').flatMap((d, k) => {
      const o = obj(d, 'bitget', ep, `data[${k}]`);
      if (o.symbol !== i) return []; // whole-market topic
      // amount is quote (USDT) and side "buy" is a liquidated long, as aggr reads it [verify live].
      const side = o.side === 'buy' ? 'long' : o.side === 'sell' ? 'short' : null;
      if (side === null) throw new RecorderError('bitget', ep, `data[${k}].side`, `expected buy or sell, got ${JSON.stringify(o.side)}`);
      const price = pos(o.price, 'bitget', ep, `data[${k}].price`);
      const usd = pos(o.amount, 'bitget', ep, `data[${k}].amount`);
      return [{ t: num(o.ts, 'bitget', ep, `data[${k}].ts`), side, price, coin: usd / price, usd }];
    });
  },
  sources: (i) => ({
    klines: `/api/v2/mix/market/candles?symbol=${i}&${PT}&granularity=1m`,
    openInterest: `/api/v2/mix/market/open-interest?symbol=${i}&${PT} (polled: no public history)`,
    markPrice: `/api/v2/mix/market/symbol-price?symbol=${i}&${PT}`,
    liquidations: 'wss /v3/ws/public liquidation (usdt-futures, filtered by symbol)',
  }),
};

export const SPECS: Readonly<Record<Exchange, ExchangeSpec>> = { binance, bybit, okx, bitget };
