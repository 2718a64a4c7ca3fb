/**
 * The 4-hourly review of an open position (issue 15, the seed's phone routine), pure: what changed since
 * entry and since the last review — LFR, the nearest clusters either side (moved, or swept by price),
 * funding, open interest — and, first, the one decision it supports. The wiring (when it is due, storage,
 * the notification) is ./review-notifier.ts.
 */
import { DEFAULT_CONFIG } from '../engine/config';
import type { Analysis, Cluster, Position } from '../engine/types';
import type { Pct, Price, Usd, UtcMs } from '../engine/units';
import { formatPct, formatPrice, formatRatio, formatSignedPct, formatUsd } from '../ui/format';

export const REVIEW_EVERY_MS = 4 * 60 * 60_000;
/** A nearest cluster whose centre shifted by more than this (percent of price) is said to have moved. */
export const MOVED_PCT = 0.25;

export interface ClusterRef {
  low: Price;
  high: Price;
  centre: Price;
  usd: Usd;
}

/** Funding and open interest across the exchanges, from the market series (null when unknown). */
export interface MarketContext {
  /** Open-interest-weighted funding, percent per 8 h (positive: longs pay). */
  fundingPer8hPct: Pct | null;
  /** Total open interest, USD. */
  oiUsd: Usd | null;
}

/** What a review compares: one look at the map. */
export interface ReviewSnapshot extends MarketContext {
  t: UtcMs;
  price: Price;
  lfr: number | null;
  /** Nearest cluster on the side that pays the position (profit) and on the side against it (risk). */
  profit: ClusterRef | null;
  risk: ClusterRef | null;
}

const ref = (c: Cluster | undefined): ClusterRef | null => (c ? { low: c.low, high: c.high, centre: c.centre, usd: c.usd } : null);

export function snapshotOf(analysis: Analysis, ctx: MarketContext, t: UtcMs): ReviewSnapshot {
  return {
    t,
    price: analysis.reference,
    lfr: analysis.lfr.kind === 'ratio' ? analysis.lfr.value : null,
    profit: ref(analysis.nearest.profit[0]),
    risk: ref(analysis.nearest.risk[0]),
    ...ctx,
  };
}

/** The price range seen since the last review (every refresh widens it), to tell a sweep from a miss. */
export interface PriceRange {
  low: Price;
  high: Price;
}

/** Price reached the cluster's far edge: above price, its high; below, its low. */
export function swept(c: ClusterRef, from: Price, seen: PriceRange): boolean {
  return c.centre >= from ? seen.high >= c.high : seen.low <= c.low;
}

function moved(before: ClusterRef, now: ClusterRef | null, price: Price): boolean {
  return now !== null && (Math.abs(now.centre - before.centre) / price) * 100 > MOVED_PCT;
}

export interface ReviewInput {
  position: Position;
  atEntry: ReviewSnapshot;
  /** The previous review (or the entry look, for the first review). */
  last: ReviewSnapshot;
  now: ReviewSnapshot;
  /** Price range seen since `last`. */
  seen: PriceRange;
  /** The suggested stop now, when there is one. */
  stop: Price | null;
}

export interface Review {
  title: string;
  /** The one decision it supports; the notification's first line. */
  decision: string;
  /** The numbers behind it, one line each. */
  lines: string[];
}

const band = (c: ClusterRef) => `${formatPrice(c.low)}–${formatPrice(c.high)} (est. ${formatUsd(c.usd)})`;

function clusterLine(what: string, before: ClusterRef | null, now: ClusterRef | null, last: ReviewSnapshot, seen: PriceRange): string {
  if (before && swept(before, last.price, seen)) return `${what}: ${band(before)} was swept${now ? `; next ${band(now)}` : ''}.`;
  if (before && now && moved(before, now, last.price)) return `${what}: moved from ${band(before)} to ${band(now)}.`;
  if (now) return `${what}: ${band(now)}, unchanged.`;
  return `${what}: none in the map.`;
}

export function composeReview({ position, atEntry, last, now, seen, stop }: ReviewInput): Review {
  const adverse = DEFAULT_CONFIG.lfrNeutralFrom;
  const favourable = DEFAULT_CONFIG.lfrFavourableFrom;
  const riskSwept = last.risk !== null && swept(last.risk, last.price, seen);
  const profitSwept = last.profit !== null && swept(last.profit, last.price, seen);
  const stopText = stop !== null ? ` (suggested stop ${formatPrice(stop)})` : '';

  let decision: string;
  if (now.lfr !== null && now.lfr < adverse && atEntry.lfr !== null && atEntry.lfr >= adverse) {
    decision = `LFR fell below ${formatRatio(adverse, 1)} since entry: consider partial profit or a tighter stop${stopText}.`;
  } else if (riskSwept) {
    decision = `The cluster against you was swept: its fuel is spent; re-check your stop${stopText}.`;
  } else if (profitSwept) {
    decision = `The cluster in your favour was taken: consider taking profit${now.profit ? `; the next sits at ${formatPrice(now.profit.low)}–${formatPrice(now.profit.high)}` : ''}.`;
  } else if (now.lfr !== null && now.lfr < adverse) {
    decision = `LFR is still below ${formatRatio(adverse, 1)}: more fuel sits against you than for you; keep the stop tight${stopText}.`;
  } else if (now.lfr !== null && now.lfr >= favourable) {
    decision = `LFR ${formatRatio(now.lfr)}: the fuel still favours the position; no change needed${stopText}.`;
  } else {
    decision = `No change that calls for action${stopText}.`;
  }

  const lfrNow = now.lfr !== null ? formatRatio(now.lfr) : '—';
  const lfrEntry = atEntry.lfr !== null ? formatRatio(atEntry.lfr) : '—';
  const lines = [
    `LFR ${lfrNow} now, ${lfrEntry} at entry.`,
    clusterLine('Nearest against you', last.risk, now.risk, last, seen),
    clusterLine('Nearest in your favour', last.profit, now.profit, last, seen),
  ];
  if (now.fundingPer8hPct !== null) {
    const f = now.fundingPer8hPct;
    lines.push(`Funding ${formatSignedPct(f, 3)} per 8 h${f === 0 ? '' : ` (${f > 0 ? 'longs' : 'shorts'} pay)`}.`);
  }
  if (now.oiUsd !== null && last.oiUsd !== null && last.oiUsd > 0) {
    lines.push(`Open interest ${formatUsd(now.oiUsd)}, ${formatSignedPct(((now.oiUsd - last.oiUsd) / last.oiUsd) * 100, 1)} since the last review.`);
  }
  const hours = Math.max(0, Math.round((now.t - atEntry.t) / 3_600_000));
  return {
    title: `${position.symbol} ${position.side}: ${hours} h review, price ${formatPrice(now.price)} (${formatPct(Math.abs(((now.price - position.entry) / position.entry) * 100), 1)} ${(now.price >= position.entry) === (position.side === 'long') ? 'in profit' : 'against you'})`,
    decision,
    lines,
  };
}

/** Funding (open-interest weighted, per 8 h) and total open interest across the exchanges' series. */
export function marketContext(series: readonly { funding?: { rate: number; intervalHours: number }; openInterest: readonly { usd: number }[] }[]): MarketContext {
  let oi = 0;
  let weighted = 0;
  let weight = 0;
  let any = false;
  for (const s of series) {
    const last = s.openInterest[s.openInterest.length - 1]?.usd;
    const usd = typeof last === 'number' && Number.isFinite(last) && last > 0 ? last : 0;
    if (usd > 0) {
      oi += usd;
      any = true;
    }
    const f = s.funding;
    if (f && Number.isFinite(f.rate) && f.intervalHours > 0) {
      // Exchanges without OI still count, with a small weight, so funding is never dropped for lack of OI.
      const w = usd > 0 ? usd : 1;
      weighted += ((f.rate * 8) / f.intervalHours) * 100 * w;
      weight += w;
    }
  }
  return { fundingPer8hPct: weight > 0 ? weighted / weight : null, oiUsd: any ? oi : null };
}
