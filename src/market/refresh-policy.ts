/**
 * When to ask an exchange again (pure). Refreshes come at most every settings.refreshSec while
 * something watches; a failing exchange is retried at most every RETRY_MS however often tabs or the
 * popup ask; a symbol an exchange does not list is asked about again only after hours.
 */
import type { Settings } from '../settings';
import type { SourceState } from '../sites/shared/source';
import type { ExchangeStatus } from './health';

/** Chrome alarms fire no more often than every 30 s; the design floor for refreshes is 60 s. */
export const MIN_REFRESH_SEC = 60;
/** A failing exchange is retried at most this often, however often tabs or the popup ask. */
export const RETRY_MS = 15_000;
/** A symbol an exchange does not list is asked about again after this long. */
export const UNLISTED_RETRY_MS = 6 * 3_600_000;
/** An alarm may fire a little early: a refresh this close to due still happens. */
const EARLY_SLACK_MS = 5_000;

/** The refresh period the settings ask for, floored at MIN_REFRESH_SEC. */
export function refreshSec(settings: Settings): number {
  return Math.max(MIN_REFRESH_SEC, settings.refreshSec);
}

export interface RefreshFacts {
  prev: SourceState | null;
  status: ExchangeStatus | undefined;
  /** The cached history still serves the window (see coversWindow). */
  covered: boolean;
  now: number;
  refreshMs: number;
}

/** True when an unforced refresh should not go out now. */
export function tooSoon({ prev, status: st, covered, now, refreshMs }: RefreshFacts): boolean {
  // Unless the cache no longer covers the window: not more often than refreshSec.
  if (covered && prev && !st?.error && now - prev.series.fetchedAt < refreshMs - EARLY_SLACK_MS) return true;
  if (st?.attemptAt !== undefined && now - st.attemptAt < RETRY_MS && (covered || st.error)) return true;
  if (st?.unlisted && st.attemptAt !== undefined && now - st.attemptAt < UNLISTED_RETRY_MS) return true;
  return false;
}
