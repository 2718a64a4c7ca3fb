/**
 * Validation of a manually entered position as typed in the manual panel's form (numbers as text, in the
 * user's locale), or read back from storage (numbers): the checks are src/position/manual-check.ts.
 */
import type { Exchange, Symbol } from '../engine/types';
import { formatTypedNumber, parseTypedNumber } from '../numbers/typed';
import { checkManualPosition, storedNumber, type ManualInput, type ManualResult, type NumberReader } from './manual-check';

export type { ManualInput, ManualResult };

/** Typed text parsed in `locale`; ambiguous text (`1,234`) is refused with how to type each reading. */
function typedNumber(locale: string | undefined): NumberReader {
  return (v, field) => {
    if (typeof v !== 'string') return storedNumber(v, field);
    const p = parseTypedNumber(v, { field, locale });
    if (p.kind === 'empty') return null;
    if (p.kind === 'invalid') return { reason: p.reason };
    // The form has no picker: say how to write each reading so that it reads one way only.
    if (p.kind === 'ambiguous') {
      const [asDecimal, asGrouping] = p.readings.map((n) => formatTypedNumber(n));
      return { reason: `${p.message} Type ${asGrouping} for the thousands or ${asDecimal}0 for the decimal.` };
    }
    return p.value;
  };
}

/**
 * `locale` (navigator.language from the form) settles `1,234`-style text where its conventions can;
 * otherwise such text is refused with both readings named, never guessed.
 */
export function validateManualPosition(input: ManualInput, exchange: Exchange, symbol: Symbol, locale?: string): ManualResult {
  return checkManualPosition(input, exchange, symbol, typedNumber(locale));
}
