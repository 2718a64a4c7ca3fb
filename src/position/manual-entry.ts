/**
 * Validation of a manually entered position (the manual panel's form, and anything read back from
 * storage): every field named in its error, sanity-checked like a page read, never half-valid.
 */
import type { Exchange, Position, Side, Symbol } from '../engine/types';
import { parseLocaleNumber } from '../sites/dom/numbers';
import { positionProblem } from './sanity';

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

function num(v: unknown): number | null | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return v === undefined || v === null ? null : undefined;
  if (v.trim() === '') return null;
  const p = parseLocaleNumber(v);
  if (p.kind === 'empty') return null;
  if (p.kind === 'invalid') return undefined;
  return p.value;
}

export function validateManualPosition(input: ManualInput, exchange: Exchange, symbol: Symbol): ManualResult {
  const side = input.side;
  if (side !== 'long' && side !== 'short') return { ok: false, field: 'side', error: 'side must be long or short' };
  const entry = num(input.entry);
  if (entry === undefined || entry === null) return { ok: false, field: 'entry', error: 'entry price is required (a number)' };
  const size = num(input.size);
  if (size === undefined || size === null) return { ok: false, field: 'size', error: 'size in coin is required (a number)' };
  const leverage = num(input.leverage);
  if (leverage === undefined || leverage === null) return { ok: false, field: 'leverage', error: 'leverage is required (a number)' };
  const marginMode = input.marginMode;
  if (marginMode !== 'cross' && marginMode !== 'isolated') return { ok: false, field: 'marginMode', error: 'margin mode must be cross or isolated' };
  const liq = num(input.liqPrice);
  if (liq === undefined) return { ok: false, field: 'liqPrice', error: 'liquidation price must be a number or empty' };
  const position: Position = { exchange, symbol, side: side as Side, entry, size, leverage, marginMode, source: 'manual' };
  if (liq !== null && liq > 0) position.liqPrice = liq;
  const problem = positionProblem(position);
  if (problem) {
    const field: keyof ManualInput | 'position' = /^entry/.test(problem)
      ? 'entry'
      : /^size/.test(problem)
        ? 'size'
        : /^leverage/.test(problem)
          ? 'leverage'
          : /^liquidation/.test(problem)
            ? 'liqPrice'
            : 'position';
    return { ok: false, field, error: problem };
  }
  return { ok: true, position };
}
