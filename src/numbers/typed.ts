/**
 * Numbers the user types into LiqLens's own forms (sizing dialog, manual position, options). Pure: the
 * browser's language comes in as a parameter. Accepts `0,5`, `1 234,5`, `1,234.5`, `1.234,5`, a unicode
 * minus, `10x`/`10×` in a leverage field and `%` in a percent field. `1,234` is read by the locale when
 * its conventions settle it, else returned as `ambiguous` so the form asks; a leverage is never grouped,
 * so there the locale settles nothing (`1,234` is as likely a slip for 1.234x as a typo for 1234x).
 */
import { readDigits, type Separator } from './digits';

/** What the field holds: decides the suffix it accepts and whether the locale may settle `1,234`. */
export type NumberField = 'amount' | 'price' | 'leverage' | 'percent';

export interface TypedNumberOptions {
  field?: NumberField;
  /** A BCP 47 tag such as navigator.language; unknown tags are ignored. */
  locale?: string;
  /**
   * The decimal separator when the text is machine-formatted, e.g. the value of an <input type=number>,
   * which the browser always hands over with a `.` decimal and no grouping, whatever the user's locale.
   */
  decimal?: Separator;
}

export type TypedNumber =
  | { kind: 'number'; value: number }
  | { kind: 'empty' }
  /** Both readings, the decimal one first, and a sentence the form can show. */
  | { kind: 'ambiguous'; readings: [number, number]; message: string }
  | { kind: 'invalid'; reason: string };

const SUFFIX: Record<NumberField, RegExp | null> = { amount: null, price: null, leverage: /\s*[x×]$/i, percent: /\s*%$/ };

export function parseTypedNumber(raw: string, opts: TypedNumberOptions = {}): TypedNumber {
  const field = opts.field ?? 'amount';
  let t = raw.replace(/[\u2212\uff0d]/g, '-').trim();
  if (t === '') return { kind: 'empty' };
  const suffix = SUFFIX[field];
  if (suffix) t = t.replace(suffix, '');
  const signed = /^([+-])\s*/.exec(t);
  const negative = signed?.[1] === '-';
  if (signed) t = t.slice(signed[0].length);
  if (/[eE]\d/.test(t)) return { kind: 'invalid', reason: `"${raw.trim()}": write the number without an exponent` };
  if (/%$/.test(t)) return { kind: 'invalid', reason: `"${raw.trim()}": no % here, type the number only` };
  if (/^[\d.,\s\u00a0\u202f\u2009'\u2019]*$/.test(t) === false) return { kind: 'invalid', reason: `"${raw.trim()}" is not a number` };
  // `,5` and `.5`: a leading separator can only be a decimal one.
  const r = readDigits(/^[.,]/.test(t) ? `0${t}` : t, { decimal: opts.decimal });
  const sign = (n: number) => (negative && n !== 0 ? -n : n);
  if (r.kind === 'invalid') return { kind: 'invalid', reason: `"${raw.trim()}": ${r.reason}` };
  if (r.kind === 'number') return { kind: 'number', value: sign(r.value) };
  const conv = field === 'leverage' ? undefined : localeSeparators(opts.locale);
  if (conv?.decimal === r.separator) return { kind: 'number', value: sign(r.asDecimal) };
  if (conv?.group === r.separator) return { kind: 'number', value: sign(r.asGrouping) };
  const readings: [number, number] = [sign(r.asDecimal), sign(r.asGrouping)];
  return { kind: 'ambiguous', readings, message: `"${raw.trim()}" could be ${plain(readings[0])} or ${plain(readings[1])}: which one?` };
}

/** The value when the text is one unambiguous number, else null (empty, garbage or ambiguous). */
export function typedValue(raw: string, opts: TypedNumberOptions = {}): number | null {
  const r = parseTypedNumber(raw, opts);
  return r.kind === 'number' ? r.value : null;
}

const plain = (n: number) => n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/** The locale's decimal and group separators when they are `.` or `,` (fr groups with a space). */
export function localeSeparators(locale: string | undefined): { decimal?: Separator; group?: Separator } | undefined {
  if (!locale) return undefined;
  try {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    const pick = (type: string) => {
      const v = parts.find((p) => p.type === type)?.value;
      return v === ',' || v === '.' ? v : undefined;
    };
    return { decimal: pick('decimal'), group: pick('group') };
  } catch {
    return undefined;
  }
}

/**
 * A value written for a form field so that parseTypedNumber reads it back exactly in `locale`: plain
 * digits (no exponent, no grouping) with the locale's decimal separator. Prefilling `1.234` in a
 * de-DE browser would read back as 1234.
 */
export function formatTypedNumber(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return '';
  const text = plain(value);
  return localeSeparators(locale)?.decimal === ',' ? text.replace('.', ',') : text;
}
