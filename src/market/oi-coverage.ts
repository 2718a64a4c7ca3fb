/** The health reason for open interest that does not yet cover the window (shown in badges). */
import type { MarketSeries } from '../engine/types';
import { siteOf } from '../sites';

const DAY_MS = 86_400_000;

export function oiCoverage(s: MarketSeries, windowMs: number): string {
  const first = s.openInterest[0];
  const last = s.openInterest[s.openInterest.length - 1];
  const spanH = first && last ? (last.t - first.t) / 3_600_000 : 0;
  const fmt = spanH < 1 ? `${Math.round(spanH * 60)} min` : `${spanH.toFixed(1)} h`;
  const of = `${fmt} of ${Math.round(windowMs / DAY_MS)} d`;
  return !siteOf(s.exchange).capabilities.oiHistory ? `open interest is polled (no history on ${s.exchange}): ${of} so far` : `open-interest history covers only ${of}`;
}
