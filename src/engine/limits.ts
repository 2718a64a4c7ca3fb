/**
 * The one leverage bound of the whole extension (docs/design.md §7: leverage 1–150): the engine's door, the
 * position schema (page reads, manual entry, messages, storage) and the sizing dialog all use it.
 * Above the highest leverage any supported exchange offers on a perpetual, so a larger value is a misread.
 */
export const MIN_LEVERAGE = 1;
export const MAX_LEVERAGE = 150;

/**
 * Magnitude bounds at the engine's door (issue 17): beyond them products like coin × price overflow to
 * Infinity and differences of those to NaN, so such inputs are refused with an `out-of-range` EngineError.
 * Every bound is orders of magnitude beyond any real market (the cheapest perpetual trades near 1e-6 after
 * its 1000× multiplier, the largest OI is ~1e15 coins), and their products stay far below 1e308:
 * MAX_PRICE × MAX_COIN × 10⁵ bins ≈ 1e35.
 */
export const MIN_PRICE = 1e-12;
export const MAX_PRICE = 1e12;
/** A quantity in coin (OI, volume, book level, position size) is 0 or within [MIN_COIN, MAX_COIN]. */
export const MIN_COIN = 1e-12;
export const MAX_COIN = 1e18;
/** USD amounts (OI notional, quote volume, account size): at most this. */
export const MAX_USD = 1e24;
/** Timestamps (ms): the range of a JavaScript Date. */
export const MAX_ABS_TIME_MS = 8.64e15;
