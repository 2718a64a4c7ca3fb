/** Display helpers for the LFR (labels and colours per band); the numbers and bands come from the engine. */
import type { FuelBand, FuelRatio } from '../engine/types';
import { formatRatio, plainDecimal } from './format';

export const BAND_LABEL: Record<FuelBand, string> = {
  adverse: 'adverse (swimming upstream)',
  neutral: 'neutral',
  favourable: 'favourable',
  strong: 'strong',
};

/** One palette for the overlay badge and the popup (both on dark backgrounds). */
export const BAND_COLOUR: Record<FuelBand, string> = {
  adverse: '#e5484d',
  neutral: '#c99a00',
  favourable: '#30a46c',
  strong: '#18794e',
};

/** No ratio to judge (no fuel, no analysis yet). */
export const NO_LFR_COLOUR = '#8b949e';

/** Short text for an LFR: "1.89", "no risk-side fuel", "no fuel". */
export function lfrText(lfr: FuelRatio): string {
  switch (lfr.kind) {
    case 'ratio':
      return formatRatio(lfr.value);
    case 'no-risk-fuel':
      return 'no risk-side fuel';
    case 'no-fuel':
      return 'no fuel';
  }
}

export function lfrColour(lfr: FuelRatio | null | undefined): string {
  if (!lfr) return NO_LFR_COLOUR;
  return lfr.kind === 'ratio' ? BAND_COLOUR[lfr.band] : lfr.kind === 'no-risk-fuel' ? BAND_COLOUR.strong : NO_LFR_COLOUR;
}

/** A machine-readable value for tests and screen readers: the ratio, or the state name. */
export function lfrDataValue(lfr: FuelRatio): string {
  return lfr.kind === 'ratio' ? plainDecimal(lfr.value) : lfr.kind;
}
