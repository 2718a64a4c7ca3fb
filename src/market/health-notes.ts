/**
 * The one place where data-quality events become the sentences of an exchange's health line: bars
 * skipped at the client's edge, a series the engine refused, and what the cache healed on read.
 * Numbers and times go through src/ui/format.ts like every other displayed value.
 */
import type { SkippedBar } from '../sites/shared/bar-check';
import { formatUtcTime } from '../ui/format';

/** "bad bar at 12:05 UTC (low above high), skipped"; several: "3 bad bars (first at 12:05 UTC: low above high), skipped". */
export function skippedBarsNote(skipped: readonly SkippedBar[]): string | undefined {
  const first = skipped[0];
  if (!first) return undefined;
  if (skipped.length === 1) return `bad bar at ${formatUtcTime(first.t)} (${first.issue}), skipped`;
  return `${skipped.length} bad bars (first at ${formatUtcTime(first.t)}: ${first.issue}), skipped`;
}

/** The engine refused this exchange's series: it is left out, the others carry the map. */
export function refusedSeriesNote(detail: string): string {
  return `bad data, left out of the map (${detail})`;
}

/** What the cache dropped on read, counted over this service-worker life. */
export function cacheHealNote(count: number, what: string): string {
  return `stored data ${what}: dropped${count > 1 ? ` (${count}×)` : ''} and re-fetched`;
}

/** No usable map now: the last good one is shown. */
export function lastGoodNote(reason: string): string {
  return `showing the last good map; ${reason}`;
}
