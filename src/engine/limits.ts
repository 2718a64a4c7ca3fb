/**
 * The one leverage bound of the whole extension (docs/design.md §7: leverage 1–150): the engine's door, the
 * position schema (page reads, manual entry, messages, storage) and the sizing dialog all use it.
 * Above the highest leverage any supported exchange offers on a perpetual, so a larger value is a misread.
 */
export const MIN_LEVERAGE = 1;
export const MAX_LEVERAGE = 150;
