/**
 * Field readers shared by the live stream parsers (src/sites/<exchange>/stream.ts): like those of
 * recorder-spec.ts, but they throw StreamFrameError, and they run on every frame, so field names are
 * static strings (no template per level) and numbers are read without intermediate allocations.
 */
import type { Exchange } from '../../engine/types';
import type { FrameResult } from './stream-spec';
import { StreamFrameError } from './stream-spec';

export type Obj = Record<string, unknown>;
/** One book level as the engine wants it: [price, coin]. */
export type Level = readonly [number, number];

/** The result of a frame that carried nothing for us (another symbol, an unknown channel). */
export const nothing = (): FrameResult => ({ events: [], resync: [], control: false });
/** A subscribe ack, pong or similar: proof the socket is alive. */
export const control = (): FrameResult => ({ events: [], resync: [], control: true });

export function parseJson(text: string, ex: Exchange): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new StreamFrameError(ex, 'frame', 'text', `not JSON: ${JSON.stringify(text.slice(0, 40))}`);
  }
}

export function obj(v: unknown, ex: Exchange, ch: string, field: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new StreamFrameError(ex, ch, field, 'expected an object');
  return v as Obj;
}

export function arr(v: unknown, ex: Exchange, ch: string, field: string): unknown[] {
  if (!Array.isArray(v)) throw new StreamFrameError(ex, ch, field, 'expected an array');
  return v;
}

export function str(v: unknown, ex: Exchange, ch: string, field: string): string {
  if (typeof v !== 'string' || v === '') throw new StreamFrameError(ex, ch, field, 'expected a non-empty string');
  return v;
}

/** A number or numeric string, as a number (NaN when it is neither). */
function toNum(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? +v : Number.NaN;
}

/** A finite price > 0. */
export function price(v: unknown, ex: Exchange, ch: string, field: string): number {
  const n = toNum(v);
  if (!(n > 0 && n < Infinity)) throw new StreamFrameError(ex, ch, field, `expected a price > 0, got ${JSON.stringify(v)}`);
  return n;
}

/** A finite quantity > 0 (a trade or liquidation that moved nothing is malformed). */
export function qty(v: unknown, ex: Exchange, ch: string, field: string): number {
  return price(v, ex, ch, field);
}

/** A finite quantity ≥ 0 (book sizes: 0 deletes a level in a delta). */
export function size(v: unknown, ex: Exchange, ch: string, field: string): number {
  const n = toNum(v);
  if (!(n >= 0 && n < Infinity)) throw new StreamFrameError(ex, ch, field, `expected a size ≥ 0, got ${JSON.stringify(v)}`);
  return n;
}

/** A time in ms since the epoch (number or numeric string). */
export function time(v: unknown, ex: Exchange, ch: string, field: string): number {
  const n = toNum(v);
  if (!(n > 0 && n < 1e15)) throw new StreamFrameError(ex, ch, field, `expected a time in ms, got ${JSON.stringify(v)}`);
  return n;
}

/** A sequence number or update id: an integer ≥ 0. */
export function seq(v: unknown, ex: Exchange, ch: string, field: string): number {
  const n = toNum(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new StreamFrameError(ex, ch, field, `expected an integer ≥ 0, got ${JSON.stringify(v)}`);
  return n;
}

/** The first present time of `vs` (e.g. the data's own, then the envelope's), else `now`. */
export function timeOr(now: number, ex: Exchange, ch: string, field: string, ...vs: unknown[]): number {
  for (const v of vs) if (v !== undefined) return time(v, ex, ch, field);
  return now;
}

/**
 * A snapshot side `[[price, size, ...], ...]` in the engine's order, best first (bids descending, asks
 * ascending), sizes × `scale` (OKX contracts → coin). Zero sizes are dropped; the exchanges send sides
 * already ordered, so sorting happens only when they did not.
 */
export function levels(v: unknown, ex: Exchange, ch: string, field: string, descending: boolean, scale = 1): Level[] {
  const rows = arr(v, ex, ch, field);
  const out: Level[] = [];
  let ordered = true;
  let prev = Number.NaN;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Array.isArray(r) || r.length < 2) throw new StreamFrameError(ex, ch, field, `level ${i}: expected [price, size]`);
    const p = price(r[0], ex, ch, field);
    const s = size(r[1], ex, ch, field);
    if (s === 0) continue;
    if (prev === prev && (descending ? p >= prev : p <= prev)) ordered = false;
    prev = p;
    out.push([p, s * scale]);
  }
  if (!ordered) sortSide(out, descending);
  return out;
}

export function sortSide(side: Level[], descending: boolean): void {
  side.sort(descending ? (a, z) => z[0] - a[0] : (a, z) => a[0] - z[0]);
  // Equal prices after sorting: keep the last one sent.
  for (let i = side.length - 1; i > 0; i--) if (side[i]![0] === side[i - 1]![0]) side.splice(i - 1, 1);
}

/** Events of one frame in time order: some exchanges list the newest trade first, and FlowState drops anything older than what it holds. */
export function byTime<T extends { t: number }>(xs: T[]): T[] {
  for (let i = 1; i < xs.length; i++) if (xs[i]!.t < xs[i - 1]!.t) return xs.slice().sort((a, z) => a.t - z.t);
  return xs;
}
