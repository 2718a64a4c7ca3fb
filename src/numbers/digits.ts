/**
 * The one place that decides what `.` and `,` mean in a run of digits. Both readers of numbers build on
 * it: numbers the user types (./typed.ts) and numbers read from exchange pages (sites/dom/numbers.ts).
 * It never guesses: `1,234` or `96.800` (one separator, three digits after a 1–3 digit head) comes back
 * as `ambiguous` with both readings, and each caller resolves that with its own convention.
 */

export type Separator = ',' | '.';

export type DigitsReading =
  | { kind: 'number'; value: number }
  | { kind: 'ambiguous'; separator: Separator; asDecimal: number; asGrouping: number }
  | { kind: 'invalid'; reason: string };

export interface DigitsOptions {
  /** The decimal separator when the caller knows it (forces the reading of a single separator). */
  decimal?: Separator;
}

/** Spaces (ordinary, no-break, narrow, thin) and apostrophes (Swiss): only ever group separators. */
export const GROUP_SPACES = /[\s\u00a0\u202f\u2009'\u2019]/g;
const ALLOWED = /^[\d.,\s\u00a0\u202f\u2009'\u2019]+$/;

const invalid = (reason: string): DigitsReading => ({ kind: 'invalid', reason });

/** Reads unsigned digits with separators (`1 234,5`, `1,234.5`, `0,5`); anything else is invalid. */
export function readDigits(raw: string, opts: DigitsOptions = {}): DigitsReading {
  if (!ALLOWED.test(raw) || !/\d/.test(raw)) return invalid('not a number');
  const spaced = raw.replace(GROUP_SPACES, ' ').trim();
  const lastDot = spaced.lastIndexOf('.');
  const lastComma = spaced.lastIndexOf(',');
  let decimal: Separator | null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot < 0 && lastComma < 0) decimal = null;
  else {
    const sep: Separator = lastDot >= 0 ? '.' : ',';
    if (opts.decimal) decimal = opts.decimal === sep ? sep : null;
    else {
      const count = spaced.split(sep).length - 1;
      if (count > 1) decimal = null;
      else {
        const [head = '', tail = ''] = spaced.split(sep);
        // Grouping needs a 1–3 digit head that is not 0 and exactly three digits after; spaces already
        // grouping the head make the separator a decimal (`1 234,567`).
        if (tail.length !== 3 || !/^[1-9]\d{0,2}$/.test(head)) decimal = sep;
        else {
          const asDecimal = compose(head, tail, sep);
          const asGrouping = compose(head + sep + tail, '', null);
          if (asDecimal.kind !== 'number' || asGrouping.kind !== 'number') return invalid('not a number');
          return { kind: 'ambiguous', separator: sep, asDecimal: asDecimal.value, asGrouping: asGrouping.value };
        }
      }
    }
  }
  if (decimal === null) return compose(spaced, '', null);
  const at = spaced.lastIndexOf(decimal);
  return compose(spaced.slice(0, at), spaced.slice(at + 1), decimal);
}

/** Integer part (with group separators) + fraction → number, checking the grouping. */
function compose(intPart: string, frac: string, decimal: Separator | null): DigitsReading {
  if (decimal !== null && frac.includes(decimal)) return invalid(`more than one decimal separator "${decimal}"`);
  if (decimal !== null && !/^\d+$/.test(frac)) {
    return invalid(frac === '' ? 'nothing after the decimal separator' : 'digits after the decimal separator are broken up');
  }
  if (decimal === null && frac !== '') return invalid('not a number');
  const groupSep = decimal === '.' ? ',' : decimal === ',' ? '.' : '[.,]';
  const groups = intPart.split(new RegExp(`[ ]|${groupSep === '[.,]' ? groupSep : `\\${groupSep}`}`));
  if (groups.length > 1) {
    // Strict for pages too: `1,23,456` or `1,2.5` is a misread, better reported than turned into a number.
    const ok = groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
    if (!ok) return invalid('thousands separators must split the digits into groups of three');
  } else if (!/^\d*$/.test(intPart)) return invalid('not a number');
  const int = groups.join('');
  const text = `${int === '' ? '0' : int}${frac === '' ? '' : `.${frac}`}`;
  const value = Number(text);
  if (!Number.isFinite(value)) return invalid('too large');
  return { kind: 'number', value };
}

/**
 * How text on an exchange page settles the one open case: ',' groups (`1,234` = 1234, the common
 * English form) and '.' is a decimal (`96.800`: exchanges print prices with '.' decimals far more often
 * than '.' grouping without decimals). null when the text is not a number.
 */
export function byPageConvention(r: DigitsReading): number | null {
  if (r.kind === 'invalid') return null;
  if (r.kind === 'number') return r.value;
  return r.separator === ',' ? r.asGrouping : r.asDecimal;
}
