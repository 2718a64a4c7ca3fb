/**
 * The checks a manual position passes, whatever its numbers were read from: every field named in its
 * error, sanity-checked like a page read, never half-valid. The form reads typed text
 * (src/position/manual-entry.ts); storage holds numbers only and is checked with the engine's position check
 * alone (src/position/manual-store.ts), so the content script carries neither this nor the typed-number parser.
 */
import type { Exchange, Position, Side, Symbol } from '../engine/types';
import { positionIssue } from '../engine/position-check';
import type { NumberField } from '../numbers/typed';

/** The form's raw values (strings as typed, or numbers when read back from storage). */
export interface ManualInput {
  side?: unknown;
  entry?: unknown;
  size?: unknown;
  leverage?: unknown;
  marginMode?: unknown;
  liqPrice?: unknown;
}

export type ManualResult = { ok: true; position: Position } | { ok: false; field: keyof ManualInput | 'position'; error: string };

/** A number, null when empty, or the reason it is not one. */
export type NumberReader = (v: unknown, field: NumberField) => number | null | { reason: string };

/** Numbers as stored: finite numbers only; text is not read. */
export const storedNumber: NumberReader = (v) => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : { reason: `${v} is not a finite number` };
  return v === undefined || v === null ? null : { reason: 'not a number' };
};

const required = (what: string, bad: { reason: string } | null) => (bad ? `${what}: ${bad.reason}` : what);

export function checkManualPosition(input: ManualInput, exchange: Exchange, symbol: Symbol, num: NumberReader): ManualResult {
  const side = input.side;
  if (side !== 'long' && side !== 'short') return { ok: false, field: 'side', error: 'side must be long or short' };
  const entry = num(input.entry, 'price');
  if (entry === null || typeof entry === 'object') return { ok: false, field: 'entry', error: required('entry price is required (a number)', entry) };
  const size = num(input.size, 'amount');
  if (size === null || typeof size === 'object') return { ok: false, field: 'size', error: required('size in coin is required (a number)', size) };
  const leverage = num(input.leverage, 'leverage');
  if (leverage === null || typeof leverage === 'object') return { ok: false, field: 'leverage', error: required('leverage is required (a number)', leverage) };
  const marginMode = input.marginMode;
  if (marginMode !== 'cross' && marginMode !== 'isolated') return { ok: false, field: 'marginMode', error: 'margin mode must be cross or isolated' };
  const liq = num(input.liqPrice, 'price');
  if (typeof liq === 'object' && liq !== null) return { ok: false, field: 'liqPrice', error: `liquidation price must be a number or empty: ${liq.reason}` };
  const position: Position = { exchange, symbol, side: side as Side, entry, size, leverage, marginMode, source: 'manual' };
  if (liq !== null && liq > 0) position.liqPrice = liq;
  const problem = positionIssue(position);
  if (problem) return { ok: false, field: problem.field, error: problem.message };
  return { ok: true, position };
}
