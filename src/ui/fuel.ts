/** Display helpers for the LFR (labels and colours per band); the numbers themselves come from the engine. */
import type { FuelBand, FuelRatio } from '../engine/types';
import { formatRatio, plainDecimal } from './format';

export const BAND_LABEL: Record<FuelBand, string> = {
  adverse: 'adverse (swimming upstream)',
  neutral: 'neutral',
  favourable: 'favourable',
  strong: 'strong',
};

export const BAND_COLOUR: Record<FuelBand, string> = {
  adverse: '#d9480f',
  neutral: '#868e96',
  favourable: '#2b8a3e',
  strong: '#087f5b',
};

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

/** A machine-readable value for tests and screen readers: the ratio, or the state name. */
export function lfrDataValue(lfr: FuelRatio): string {
  return lfr.kind === 'ratio' ? plainDecimal(lfr.value) : lfr.kind;
}

export function lfrColour(lfr: FuelRatio): string {
  return lfr.kind === 'ratio' ? BAND_COLOUR[lfr.band] : lfr.kind === 'no-risk-fuel' ? BAND_COLOUR.strong : BAND_COLOUR.neutral;
}
