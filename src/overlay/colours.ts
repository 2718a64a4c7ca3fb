/**
 * Visual language (docs/design.md §8): long-liquidation bands one hue, short-liquidation bands another, both
 * chosen to stay readable on the exchanges' dark and light chart themes.
 */
import type { Side } from '../engine/types';

/** Band hue by the side that gets liquidated there (long liquidations sit below price). */
export const BAND_COLOUR: Record<Side, string> = { long: '#ff4f8b', short: '#2fa8ff' };

export const LINE_COLOUR = { stop: '#f5a300', entry: '#9b7bff', liquidation: '#ff3b30' } as const;

/* The LFR colours are the UI's (src/ui/fuel.ts): one palette for the overlay and the popup. */

export const STATE_COLOUR = { loading: '#8b949e', ok: '#30a46c', partial: '#c99a00', stale: '#e08a00', error: '#e5484d' } as const;
