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

// Shared, frozen empties: most frames carry no resync, and control frames no events.
const NO_EVENTS: FrameResult['events'] = Object.freeze([]) as unknown as FrameResult['events'];
/** The `resync` of a frame that broke no book (shared and frozen: never push onto it). */
export const NO_RESYNC: string[] = Object.freeze([]) as unknown as string[];
const NOTHING: FrameResult = Object.freeze({ events: NO_EVENTS, resync: NO_RESYNC, control: false });
const CONTROL: FrameResult = Object.freeze({ events: NO_EVENTS, resync: NO_RESYNC, control: true });

/** The result of a frame that carried nothing for us (another symbol, an unknown channel). */
export const nothing = (): FrameResult => NOTHING;
/** A subscribe ack, pong or similar: proof the socket is alive. */
export const control = (): FrameResult => CONTROL;
/** Events of one frame, oldest first (FlowState drops anything older than what it already holds). */
export function result(events: FrameResult['events']): FrameResult {
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.event.t < events[i - 1]!.event.t) {
      events.sort((a, z) => a.event.t - z.event.t); // stable
      break;
    }
  }
  return { events, resync: NO_RESYNC, control: false };
}

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

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal string ("97000.1", "25") as a number, exactly as Number() reads it but two to three times
 * faster (books are most of the stream): at most 15 digits fit a double exactly, and dividing by an exact
 * power of ten rounds once, correctly. Anything else (signs, exponents, spaces, longer strings) goes to
 * Number().
 */
function decimal(v: string): number {
  const n = v.length;
  if (n > 15) return +v;
  let m = 0;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) m = m * 10 + c;
    else if (c === -2 && dot < 0) dot = i;
    else return +v;
  }
  if (dot < 0) return m;
  return n === 1 ? Number.NaN : m / POW10[n - 1 - dot]!;
}

/** A number or numeric string, as a number (NaN when it is neither). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? decimal(v) : Number.NaN;
}
const toNum = num;

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

/** The first present time of `a` (e.g. the data's own), then `b` (the envelope's), else `now`. */
export function timeOr(now: number, ex: Exchange, ch: string, field: string, a: unknown, b?: unknown): number {
  if (a !== undefined) return time(a, ex, ch, field);
  if (b !== undefined) return time(b, ex, ch, field);
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
  let prev = descending ? Infinity : 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Array.isArray(r) || r.length < 2) throw new StreamFrameError(ex, ch, field, `level ${i}: expected [price, size]`);
    const p = num(r[0]);
    const s = num(r[1]);
    if (!(p > 0 && p < Infinity)) price(r[0], ex, ch, field); // throws, naming the field
    if (!(s >= 0 && s < Infinity)) size(r[1], ex, ch, field);
    if (s === 0) continue;
    if (descending ? p >= prev : p <= prev) ordered = false;
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
