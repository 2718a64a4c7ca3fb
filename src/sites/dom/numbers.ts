/**
 * Locale-safe number parsing for values shown on exchange pages: `1,234.5`, `1.234,5`, `1 234,5`,
 * `--`/`—` (no value), unit suffixes (BTC, USDT, Cont, 张), signs, K/M/B abbreviations.
 * Exchanges format by the user's locale, so the decimal separator is inferred per value, not assumed.
 */
import { byPageConvention, GROUP_SPACES, readDigits } from '../../numbers/digits';

export type ParsedNumber =
  | { kind: 'number'; value: number; unit: string | null }
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string };

/** The decimal separator when the caller knows it (e.g. inferred from other numbers on the same row). */
export interface NumberHint {
  decimal?: ',' | '.';
}

const EMPTY = /^(?:-+|—+|–+|n\/?a|null|)$/i;
const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, 万: 1e4, 亿: 1e8 };

/**
 * Parses the first number in `text`. Returns its value, the unit written after it (upper-cased, e.g. BTC,
 * USDT, CONT, 张) or null, `empty` for a dash placeholder, `invalid` when no number is present.
 */
export function parseLocaleNumber(raw: string, hint: NumberHint = {}): ParsedNumber {
  const text = raw.replace(/\u2212/g, '-').trim();
  if (EMPTY.test(text)) return { kind: 'empty' };
  const m = /([+-]?)\s*((?:\d[\d\s\u00a0\u202f\u2009',.]*\d)|\d)\s*([kmb万亿](?![a-z]))?\s*([A-Za-z\u4e00-\u9fff]+)?/i.exec(text);
  if (!m) return { kind: 'invalid', text: raw };
  const sign = m[1] === '-' ? -1 : 1;
  const digits = parseDigits(m[2] ?? '', hint.decimal);
  if (digits === null) return { kind: 'invalid', text: raw };
  const mult = m[3] ? (MULTIPLIERS[m[3].toLowerCase()] ?? 1) : 1;
  const value = sign * digits * mult;
  if (!Number.isFinite(value)) return { kind: 'invalid', text: raw };
  const unit = m[4] ? m[4].toUpperCase() : null;
  return { kind: 'number', value, unit };
}

/** Digits with separators → number, by the shared reader and its page convention (src/numbers/digits.ts). */
function parseDigits(s: string, decimal?: ',' | '.'): number | null {
  return byPageConvention(readDigits(s, { decimal }));
}

/**
 * Infers the decimal separator from sample texts: a number carrying both separators settles it (the last
 * one is the decimal); otherwise undefined (each value is then decided on its own).
 */
export function inferDecimal(samples: readonly string[]): ',' | '.' | undefined {
  for (const s of samples) {
    const t = s.replace(GROUP_SPACES, '');
    const m = /\d[\d.,]*\d/.exec(t);
    if (!m) continue;
    const d = m[0].lastIndexOf('.');
    const c = m[0].lastIndexOf(',');
    if (d >= 0 && c >= 0) return d > c ? '.' : ',';
    // "1 234,5" style: a space-grouped number with a comma decimal.
    if (/\d[\s\u00a0\u202f]\d{3},\d/.test(s)) return ',';
  }
  return undefined;
}
