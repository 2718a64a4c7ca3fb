/**
 * Position size in every unit a positions panel shows it (docs/pages-and-overlay.md §1.3): coin, contracts
 * (OKX "1,250 Cont" / "张") or quote notional ("14,584.55 USDT"), turned into coin of the canonical symbol.
 * - contracts × the instrument's coin per contract (OKX ctVal, which the background fetches and sends with
 *   the market view: ReadContext.coinPerContract);
 * - quote ÷ the row's mark price (its entry when no mark is shown);
 * - no unit: coin where the exchange says so, else refused.
 * When the row has its own value (notional) column, size × mark must agree with it: a disagreement (a
 * wrong contract value, a misread unit) is a named refusal, never a wrong number on screen.
 * Pure: no DOM. The reader (position-reader.ts) calls it with the texts it read.
 */
import { labelKey } from './text';

export type SizeUnit = 'coin' | 'contracts' | 'quote' | 'none' | 'other';

export interface UnitWords {
  contractUnits: readonly string[];
  quoteUnits: readonly string[];
}

/** What `unit` (from the cell or its header, or null) means for a position in `base`. */
export function sizeUnitOf(unit: string | null, base: string, words: UnitWords): SizeUnit {
  if (!unit) return 'none';
  const key = labelKey(unit);
  if (!key) return 'none';
  if (key === labelKey(base)) return 'coin';
  if (words.contractUnits.some((u) => labelKey(u) === key)) return 'contracts';
  if (words.quoteUnits.some((u) => labelKey(u) === key)) return 'quote';
  return 'other';
}

export interface SizeInput {
  /** The number read from the size cell (sign ignored here). */
  value: number;
  /** The unit written in the cell or its header, or null. */
  unit: string | null;
  /** The cell text, quoted in reasons. */
  text: string;
  /** Canonical base coin (BTC of BTCUSDT). */
  base: string;
}

export interface SizeContext {
  /** Coin per contract of this symbol's instrument, when known. */
  coinPerContract?: number | undefined;
  /** The row's mark price, when shown. */
  mark?: number | undefined;
  /** The row's entry price (always read before the size). */
  entry: number;
  /** What a size without a unit means on this exchange. */
  bareSizeUnit: 'coin' | 'unknown';
}

/** `how`: the conversion made, for the selector-health line (absent when the page showed coin). */
export type CoinSize = { kind: 'coin'; size: number; how?: string } | { kind: 'refused'; reason: string };

/** Significant digits kept: a contract product is exact up to float noise; a quote ÷ price is an estimate. */
const CONTRACT_DIGITS = 12;
const QUOTE_DIGITS = 6;

function roundSignificant(x: number, digits: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

const usable = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x) && x > 0;

/** The size in coin, or why it cannot be known. */
export function sizeInCoin(read: SizeInput, words: UnitWords, ctx: SizeContext): CoinSize {
  const { base, text } = read;
  const value = Math.abs(read.value);
  switch (sizeUnitOf(read.unit, base, words)) {
    case 'coin':
      return { kind: 'coin', size: value };
    case 'contracts':
      if (!usable(ctx.coinPerContract)) {
        return { kind: 'refused', reason: `size is shown in contracts ("${text}"): switch the page's unit to ${base} or enter the size in ${base} by hand` };
      }
      return {
        kind: 'coin',
        size: roundSignificant(value * ctx.coinPerContract, CONTRACT_DIGITS),
        how: `size ${text} × ${ctx.coinPerContract} ${base} per contract`,
      };
    case 'quote': {
      const price = usable(ctx.mark) ? ctx.mark : ctx.entry;
      if (!usable(price)) return { kind: 'refused', reason: `size is shown in ${read.unit} ("${text}") and no price to convert it: enter the size in ${base} by hand` };
      return { kind: 'coin', size: roundSignificant(value / price, QUOTE_DIGITS), how: `size ${text} ÷ the row's ${usable(ctx.mark) ? 'mark' : 'entry'} price` };
    }
    case 'none':
      if (ctx.bareSizeUnit === 'coin') return { kind: 'coin', size: value };
      return { kind: 'refused', reason: `size "${text}" has no unit (coin or contracts?): enter it by hand` };
    case 'other':
      return { kind: 'refused', reason: `size unit ${read.unit} is neither ${base} nor a known contract unit ("${text}")` };
  }
}

/** Allowed disagreement between size × price and the row's own value: the mark moves between renders. */
export const VALUE_TOLERANCE_MARK = 0.05;
/** With only the entry price to compare, the position's PnL is in the gap too. */
export const VALUE_TOLERANCE_ENTRY = 0.25;

/**
 * Cross-check of a coin size with the row's value (notional, in quote) column: null when they agree
 * or nothing can be compared, else the reason (a named refusal).
 */
export function valueMismatch(sizeCoin: number, base: string, value: { amount: number; text: string }, price: { mark?: number | undefined; entry: number }): string | null {
  const amount = Math.abs(value.amount);
  if (!usable(amount) || !usable(sizeCoin)) return null;
  const byMark = usable(price.mark);
  const ref = byMark ? price.mark! : price.entry;
  if (!usable(ref)) return null;
  const expected = sizeCoin * ref;
  const off = Math.abs(expected - amount) / amount;
  const tolerance = byMark ? VALUE_TOLERANCE_MARK : VALUE_TOLERANCE_ENTRY;
  if (off <= tolerance) return null;
  const ratio = expected / amount;
  const factor = ratio >= 1 ? ratio : 1 / ratio;
  return (
    `size ${sizeCoin} ${base} × the ${byMark ? 'mark' : 'entry'} price disagrees with the row's value "${value.text}" ` +
    `(${factor >= 2 ? `${Math.round(factor)}× ${ratio >= 1 ? 'more' : 'less'}` : `${Math.round(off * 100)} % off`}): enter the size in ${base} by hand`
  );
}
