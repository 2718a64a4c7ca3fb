/**
 * Validation of a manually entered position (the manual panel's form, and anything read back from
 * storage): every field named in its error, sanity-checked like a page read, never half-valid.
 */
import type { Exchange, Position, Side, Symbol } from '../engine/types';
import { formatTypedNumber, parseTypedNumber, type NumberField } from '../numbers/typed';
import { positionIssue } from '../engine/position-check';

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

/** A number, null when empty, or the reason it is not one (garbage, or ambiguous like `1,234`). */
function num(v: unknown, field: NumberField, locale: string | undefined): number | null | { reason: string } {
  if (typeof v === 'number') return Number.isFinite(v) ? v : { reason: `${v} is not a finite number` };
  if (typeof v !== 'string') return v === undefined || v === null ? null : { reason: 'not a number' };
  const p = parseTypedNumber(v, { field, locale });
  if (p.kind === 'empty') return null;
  if (p.kind === 'invalid') return { reason: p.reason };
  // The form has no picker: say how to write each reading so that it reads one way only.
  if (p.kind === 'ambiguous') {
    const [asDecimal, asGrouping] = p.readings.map((n) => formatTypedNumber(n));
    return { reason: `${p.message} Type ${asGrouping} for the thousands or ${asDecimal}0 for the decimal.` };
  }
  return p.value;
}

const required = (what: string, bad: { reason: string } | null) => (bad ? `${what}: ${bad.reason}` : what);

/**
 * `locale` (navigator.language from the form) settles `1,234`-style text where its conventions can;
 * otherwise such text is refused with both readings named, never guessed.
 */
export function validateManualPosition(input: ManualInput, exchange: Exchange, symbol: Symbol, locale?: string): ManualResult {
  const side = input.side;
  if (side !== 'long' && side !== 'short') return { ok: false, field: 'side', error: 'side must be long or short' };
  const entry = num(input.entry, 'price', locale);
  if (entry === null || typeof entry === 'object') return { ok: false, field: 'entry', error: required('entry price is required (a number)', entry) };
  const size = num(input.size, 'amount', locale);
  if (size === null || typeof size === 'object') return { ok: false, field: 'size', error: required('size in coin is required (a number)', size) };
  const leverage = num(input.leverage, 'leverage', locale);
  if (leverage === null || typeof leverage === 'object') return { ok: false, field: 'leverage', error: required('leverage is required (a number)', leverage) };
  const marginMode = input.marginMode;
  if (marginMode !== 'cross' && marginMode !== 'isolated') return { ok: false, field: 'marginMode', error: 'margin mode must be cross or isolated' };
  const liq = num(input.liqPrice, 'price', locale);
  if (typeof liq === 'object' && liq !== null) return { ok: false, field: 'liqPrice', error: `liquidation price must be a number or empty: ${liq.reason}` };
  const position: Position = { exchange, symbol, side: side as Side, entry, size, leverage, marginMode, source: 'manual' };
  if (liq !== null && liq > 0) position.liqPrice = liq;
  const problem = positionIssue(position);
  if (problem) return { ok: false, field: problem.field, error: problem.message };
  return { ok: true, position };
}
