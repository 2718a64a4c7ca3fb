/**
 * A persisted source state is checked like a network response before the cache uses it (storage is not
 * trusted: another extension version, a crash mid-write or a hand-edit can leave anything there).
 * What can be healed is healed: from the first bad bar (or OI point) on, the history is dropped and its
 * `fetchedAt` cleared, so the next load re-fetches exactly that window. What cannot (a mark price of 0,
 * an impossible instrument or risk tier) drops the whole entry. Either way the caller gets a named reason.
 */
import { candleIssue, oiIssue } from '../sites/shared/bar-check';
import type { SourceState } from '../sites/shared/source';
import { formatUtcTime } from '../ui/format';

export type StoredCheck = { state: SourceState; healed?: string } | { state: null; dropped: string };

const pos = (x: number) => Number.isFinite(x) && x > 0;

/** Why the entry as a whole is unusable, or null. */
function entryIssue(st: SourceState): string | null {
  const { series: s, instrument: i } = st;
  if (!pos(s.markPrice)) return `mark price ${s.markPrice}`;
  if (!pos(s.indexPrice)) return `index price ${s.indexPrice}`;
  if (!pos(s.barMs)) return `bar length ${s.barMs}`;
  if (!pos(s.fetchedAt) || !pos(st.instrumentAt)) return 'no valid fetch time';
  if (!pos(i.unitFactor) || !pos(i.contractSize) || !pos(i.tickSize) || !pos(i.fundingIntervalHours) || i.exchangeSymbol === '') return 'instrument not valid';
  if (!(s.risk.maintenanceRate >= 0 && s.risk.maintenanceRate < 0.5) || !(s.risk.maxLeverage >= 1)) return 'risk tier not valid';
  if (s.funding && (!Number.isFinite(s.funding.rate) || !pos(s.funding.intervalHours))) return 'funding not valid';
  if (st.windowMs !== undefined && !pos(st.windowMs)) return 'window not valid';
  if (s.depth) {
    for (const [p, q] of [...s.depth.bids, ...s.depth.asks]) if (!pos(p) || !(q >= 0)) return 'order book not valid';
  }
  return null;
}

/** Index of the first row that is bad or not strictly after its predecessor, else rows.length. */
function firstBad<T extends { t: number }>(rows: readonly T[], issue: (r: T) => string | null): { at: number; issue?: string } {
  let prev = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const why = issue(r) ?? (r.t > prev ? null : 'time out of order');
    if (why) return { at: i, issue: why };
    prev = r.t;
  }
  return { at: rows.length };
}

/** Check (and heal) a decoded entry. */
export function checkStored(st: SourceState, now: number): StoredCheck {
  const whole = entryIssue(st);
  if (whole) return { state: null, dropped: whole };
  const s = st.series;
  const c = firstBad(s.candles, candleIssue);
  const o = firstBad(s.openInterest, oiIssue);
  // A save time in the future would keep a tampered entry "fresh" forever: treat it as due now.
  const future = s.fetchedAt > now + 60_000;
  if (c.at === s.candles.length && o.at === s.openInterest.length && !future) return { state: st };
  const healed =
    c.issue !== undefined ? `bar at ${formatUtcTime(s.candles[c.at]!.t)} (${c.issue})` : o.issue !== undefined ? `open-interest point (${o.issue})` : 'saved in the future';
  return {
    state: { ...st, series: { ...s, candles: s.candles.slice(0, c.at), openInterest: s.openInterest.slice(0, o.at), fetchedAt: 0 } },
    healed,
  };
}
