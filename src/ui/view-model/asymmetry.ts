/** Long/short asymmetry as the popup and the overlay show it. */
import type { Asymmetry } from '../../engine/types';
import { formatRatio } from '../format';

export interface AsymmetryView {
  /** "0.80", or null for the named states. */
  ratio: string | null;
  /** "no short liquidations in range" / "no liquidations in range" when there is no ratio. */
  stateText: string | null;
  /** Rounded percentile and its ordinal ("42nd percentile"), when there is history. */
  percentile: number | null;
  percentileText: string | null;
  fragile: Asymmetry['fragile'] | null;
  windowPct: number;
  /** The seed's fixed reference ratio, "2.5". */
  referenceText: string;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export function asymmetryView(a: Asymmetry): AsymmetryView {
  const p = a.percentile !== undefined && Number.isFinite(a.percentile) ? Math.round(a.percentile) : null;
  return {
    ratio: a.ratio.kind === 'ratio' ? formatRatio(a.ratio.value) : null,
    stateText: a.ratio.kind === 'no-short-fuel' ? 'no short liquidations in range' : a.ratio.kind === 'no-fuel' ? 'no liquidations in range' : null,
    percentile: p,
    percentileText: p !== null ? `${ordinal(p)} percentile` : null,
    fragile: a.fragile !== 'no' ? a.fragile : null,
    windowPct: a.windowPct,
    referenceText: String(a.referenceRatio),
  };
}
