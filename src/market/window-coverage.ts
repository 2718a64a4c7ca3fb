/** Whether a cached source state serves the map window, and how to make it reload when it does not. */
import type { SourceState } from '../sites/shared/source';
import { siteOf } from '../sites';

/**
 * Whether cached history serves the window: it must reach the window (no hole since the last bar) and
 * have been loaded for a window at least this long (the options may have grown it). A symbol younger
 * than the window is not reloaded every time: coverage is judged by the window asked for, not by the
 * first bar.
 */
export function coversWindow(prev: SourceState, now: number, windowMs: number): boolean {
  const last = prev.series.candles[prev.series.candles.length - 1];
  return last !== undefined && last.t >= now - windowMs && (prev.windowMs ?? 0) >= windowMs;
}

/** Drop the history so the source reloads it, except Bitget's polled OI, which cannot be reloaded. */
export function withoutHistory(prev: SourceState): SourceState {
  const keepOi = !siteOf(prev.series.exchange).capabilities.oiHistory;
  return { ...prev, series: { ...prev.series, candles: [], openInterest: keepOi ? prev.series.openInterest : [] } };
}
