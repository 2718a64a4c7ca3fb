/**
 * The recorder's per-exchange spec (tools/recorder): what it asks each exchange, and how it reads the answers (docs/exchange-apis.md §1–4, §6).
 * Every value is normalised at this edge: numbers not strings, coin (OKX contracts × ctVal) and USD,
 * the side of the *position* that was liquidated. Anything malformed throws a RecorderError naming the
 * exchange, endpoint and field; the recorder counts it and keeps recording. Each exchange's spec lives in
 * src/sites/<exchange>/recorder.ts and is listed by the registry; this module holds the contract and the
 * field readers they share. Pure parsing (no Node, no DOM).
 */
import type { Exchange } from '../../engine/types';

/** GET a JSON body from the exchange's REST base (path includes the query). */
export type GetJson = (path: string) => Promise<unknown>;

export interface Snapshot {
  oiCoin: number;
  /** USD OI when the exchange gives it; else coin × mark. */
  oiUsd?: number;
  mark: number;
}

export interface RecorderSpec {
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

/** A recorder failure that names the exchange, the endpoint (or stream) and the offending field. */
export class RecorderError extends Error {
  constructor(
    readonly exchange: string,
    readonly endpoint: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${exchange} ${endpoint}: ${field}: ${detail}`);
    this.name = 'RecorderError';
  }
}

/** One closed 1-minute kline (last-traded price; volumes in coin and USD). */
export interface KlineRecord {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  baseVolume: number;
  quoteVolume: number;
}

/** One liquidation as the exchange published it. side = the side of the position that was liquidated. */
export interface LiquidationRecord {
  t: number;
  side: 'long' | 'short';
  /** Execution (average) price when published, else the order / bankruptcy price. */
  price: number;
  coin: number;
  usd: number;
}

/* ------------------------------------------------------------------ field readers */

export type Obj = Record<string, unknown>;

export function obj(v: unknown, ex: string, ep: string, field: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new RecorderError(ex, ep, field, 'expected an object');
  return v as Obj;
}
export function arr(v: unknown, ex: string, ep: string, field: string): unknown[] {
  if (!Array.isArray(v)) throw new RecorderError(ex, ep, field, 'expected an array');
  return v;
}
/** A finite number ≥ 0 from a number or numeric string. */
export function num(v: unknown, ex: string, ep: string, field: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n < 0) throw new RecorderError(ex, ep, field, `expected a number ≥ 0, got ${JSON.stringify(v)}`);
  return n;
}
export function pos(v: unknown, ex: string, ep: string, field: string): number {
  const n = num(v, ex, ep, field);
  if (n === 0) throw new RecorderError(ex, ep, field, 'must be > 0');
  return n;
}
export function first(v: unknown, ex: string, ep: string, field: string): unknown {
  const a = arr(v, ex, ep, field);
  if (a.length === 0) throw new RecorderError(ex, ep, field, 'empty');
  return a[0];
}
/** OKX/Bybit/Bitget envelopes: check the success code and return the payload field. */
export function envelope(body: unknown, ex: string, ep: string, codeField: string, ok: unknown, dataField: string): unknown {
  const o = obj(body, ex, ep, 'body');
  if (o[codeField] !== ok) throw new RecorderError(ex, ep, codeField, `error ${JSON.stringify(o[codeField])} ${JSON.stringify(o.msg ?? o.retMsg ?? '')}`);
  return o[dataField];
}

export function kline(row: unknown, ex: string, ep: string, i: number, cols: { base: number; quote: number }, baseScale = 1): KlineRecord {
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

export function liq(t: number, side: 'long' | 'short', price: number, coin: number): LiquidationRecord {
  return { t, side, price, coin, usd: coin * price };
}
