/**
 * The one definition of a valid position (DESIGN §7): what a page read, a manual entry, a stored entry
 * and a watch message must all satisfy. Each problem is one sentence naming the field, so the same text
 * reaches the manual form, the page-read health line and a rejected message.
 */
import * as v from 'valibot';
import { MAX_LEVERAGE, MIN_LEVERAGE } from '../engine/limits';
import { EXCHANGES } from '../engine/types';
import { CANONICAL_SYMBOL } from '../symbols/canonical';

export { MAX_LEVERAGE, MIN_LEVERAGE };

const got = (i: { input: unknown }) => String(i.input);
/** A finite number above 0 (NaN, Infinity and non-numbers fail with the same sentence). */
const positiveNumber = (say: (i: { input: unknown }) => string) => v.pipe(v.number(say), v.finite(say), v.gtValue(0, say));

const leverageSay = (i: { input: unknown }) => `leverage must be between ${MIN_LEVERAGE}x and ${MAX_LEVERAGE}x (got ${got(i)}x)`;

/** The numbers of a position and where its liquidation may lie. */
const numbers = {
  side: v.picklist(['long', 'short'], 'side must be long or short'),
  entry: positiveNumber((i) => `entry price must be a positive number (got ${got(i)})`),
  size: positiveNumber((i) => `size must be a positive number of coins (got ${got(i)})`),
  leverage: v.pipe(v.number(leverageSay), v.finite(leverageSay), v.minValue(MIN_LEVERAGE, leverageSay), v.maxValue(MAX_LEVERAGE, leverageSay)),
  // Producers drop a liquidation of 0 ("none" on a large cross balance), so a present one is > 0.
  liqPrice: v.optional(positiveNumber((i) => `liquidation price must be a positive number (got ${got(i)})`)),
};

type Numbers = { side: 'long' | 'short'; entry: number; size: number; leverage: number; liqPrice?: number | undefined };

/** A long is liquidated below its entry, a short above. */
function liquidationSide(p: Numbers): string | null {
  if (p.liqPrice === undefined) return null;
  if (p.side === 'long' && p.liqPrice >= p.entry) return `liquidation price ${p.liqPrice} is not below the entry ${p.entry} of a long`;
  if (p.side === 'short' && p.liqPrice <= p.entry) return `liquidation price ${p.liqPrice} is not above the entry ${p.entry} of a short`;
  return null;
}

const sideCheck = <T extends Numbers>() =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = liquidationSide(dataset.value);
    if (problem) addIssue({ message: problem, path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'liqPrice', value: dataset.value.liqPrice }] });
  });

/** Only the numbers (a page read before it is a Position, or the manual form). */
export const PositionNumbersSchema = v.pipe(v.object(numbers), sideCheck());

/** A whole Position, as messages and storage carry it. */
export const PositionSchema = v.pipe(
  v.object({
    exchange: v.picklist(EXCHANGES),
    symbol: v.pipe(v.string(), v.regex(CANONICAL_SYMBOL, 'expected a canonical symbol like BTCUSDT')),
    ...numbers,
    marginMode: v.picklist(['isolated', 'cross'], 'margin mode must be cross or isolated'),
    source: v.picklist(['page', 'manual']),
  }),
  sideCheck(),
);
