/** The LFR as every view shows it: text, band label, colour and the machine-readable value. */
import type { FuelBand, FuelRatio } from '../../engine/types';
import { BAND_LABEL, lfrColour, lfrDataValue, lfrText } from '../fuel';
import { PLACEHOLDER, plainDecimal } from '../format';

export interface LfrView {
  /** "1.71", "no risk-side fuel", "no fuel", or the placeholder when there is no analysis. */
  text: string;
  /** The band, for ratios only. */
  band: FuelBand | null;
  /** "favourable", "adverse (swimming upstream)", '' without a band. */
  label: string;
  colour: string;
  /** Exact ratio for data-* hooks; '' when there is none. */
  ratio: string;
  /** The exact ratio, or the state name ("no-fuel"), for hooks that name states. */
  value: string;
  /** The band, or the state name, for data-band. */
  state: string;
}

export function lfrView(lfr: FuelRatio | null | undefined): LfrView {
  if (!lfr) return { text: PLACEHOLDER, band: null, label: '', colour: lfrColour(null), ratio: '', value: '', state: '' };
  const band = lfr.kind === 'ratio' ? lfr.band : null;
  return {
    text: lfrText(lfr),
    band,
    label: band ? BAND_LABEL[band] : '',
    colour: lfrColour(lfr),
    ratio: lfr.kind === 'ratio' ? plainDecimal(lfr.value) : '',
    value: lfrDataValue(lfr),
    state: lfr.kind === 'ratio' ? lfr.band : lfr.kind,
  };
}
