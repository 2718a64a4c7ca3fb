import type { MarketSeries } from '../../engine/types';
import { barStart, lastT } from './series';
import { BAR_MS, INSTRUMENT_TTL_MS, type LoadRequest, type SourceState } from './source';

/** What one load fetches: the map window, where each series resumes, and whether the instrument is reusable. */
export interface LoadWindow {
  windowStart: number;
  /** The series held from the previous load (undefined on a cold load). */
  old: MarketSeries | undefined;
  /** Warm: from the newest bar held (it may have been still open); cold: the whole window. */
  candleFrom: number;
  /** Warm: just after the newest OI point held; cold: the whole window. */
  oiFrom: number;
  /** The previous state while its instrument and risk tiers are younger than a day: reuse them, skip the requests. */
  cached: SourceState | undefined;
  /** When the instrument in use was read: the cached one's time, else now (it is about to be read). */
  instrumentAt: number;
}

export function loadWindow({ now, windowMs, prev }: LoadRequest): LoadWindow {
  const windowStart = barStart(now - windowMs, BAR_MS);
  const old = prev?.series;
  const cached = prev && now - prev.instrumentAt < INSTRUMENT_TTL_MS ? prev : undefined;
  return {
    windowStart,
    old,
    candleFrom: Math.max(windowStart, lastT(old?.candles ?? []) ?? windowStart),
    oiFrom: Math.max(windowStart, (lastT(old?.openInterest ?? []) ?? windowStart - 1) + 1),
    cached,
    instrumentAt: cached ? cached.instrumentAt : now,
  };
}
