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
  const key = labelKey(unit ?? '');
  if (!key) return 'none';
  const among = (list: readonly string[]) => list.some((u) => labelKey(u) === key);
  return key === labelKey(base) ? 'coin' : among(words.contractUnits) ? 'contracts' : among(words.quoteUnits) ? 'quote' : 'other';
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

/** Significant digits: a contract product is exact up to float noise (12); a quote ÷ price is an estimate (6). */
const round = (x: number, digits: number): number => Number(x.toPrecision(digits));

const usable = (x: number | undefined): x is number => Number.isFinite(x) && x! > 0;

/**
 * The size in coin, or why it cannot be known. A quote size is divided by the mark, else the entry (a zero
 * entry gives a non-finite size, which the position check refuses by name).
 */
export function sizeInCoin(read: SizeInput, words: UnitWords, ctx: SizeContext): CoinSize {
  const { base, text, unit } = read;
  const value = Math.abs(read.value);
  const kind = sizeUnitOf(unit, base, words);
  if (kind === 'coin' || (kind === 'none' && ctx.bareSizeUnit === 'coin')) return { kind: 'coin', size: value };
  const per = ctx.coinPerContract;
  if (kind === 'contracts' && usable(per)) return { kind: 'coin', size: round(value * per, 12), how: `${text} × ${per} ${base}` };
  if (kind === 'quote') {
    const byMark = usable(ctx.mark);
    return { kind: 'coin', size: round(value / (byMark ? ctx.mark! : ctx.entry), 6), how: `${text} ÷ ${byMark ? 'mark' : 'entry'}` };
  }
  return {
    kind: 'refused',
    reason:
      kind === 'contracts'
        ? `size is shown in contracts ("${text}"), their ${base} value not known: enter it in ${base} by hand`
        : kind === 'none'
          ? `size "${text}" has no unit (coin or contracts?): enter it by hand`
          : `size unit ${unit} is neither ${base} nor a known contract unit ("${text}")`,
  };
}

/**
 * Cross-check of a coin size with the row's value (notional, in quote) column: null when they agree
 * within 5 % of size × mark (the mark moves between renders; 25 % against the entry, where the PnL is in
 * the gap too) or nothing can be compared, else the reason (a named refusal). A wrong contract value is
 * off by a power of ten.
 */
export function valueMismatch(sizeCoin: number, base: string, value: { amount: number; text: string }, price: { mark?: number | undefined; entry: number }): string | null {
  const amount = Math.abs(value.amount);
  const byMark = usable(price.mark);
  const ratio = (sizeCoin * (byMark ? price.mark! : price.entry)) / amount;
  if (!usable(amount) || !usable(ratio) || Math.abs(ratio - 1) <= (byMark ? 0.05 : 0.25)) return null;
  return `size ${sizeCoin} ${base} × ${byMark ? 'mark' : 'entry'} is ${round(ratio, 2)}× the row's value "${value.text}"`;
}
