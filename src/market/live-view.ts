/**
 * What the live stream adds to a MarketView (issue #12): the stream's state ("live / polling / stale"), the
 * newest streamed mark, the realised liquidations to draw as markers, each band's realised USD over 24 h
 * ("estimated vs realised") and the order-flow signals at the clusters. Pure: built from the per-exchange
 * FlowStates the stream manager keeps, the analysis the view carries and the clock.
 */
import { realisedByBand } from '../engine/flow/realised';
import type { FlowConfig } from '../engine/flow/config';
import type { FlowSignals, FlowState } from '../engine/flow/flow-state';
import type { Cluster, Exchange } from '../engine/types';

export type LiveStatus = 'live' | 'polling' | 'stale';

export interface LiveMarker {
  t: number;
  price: number;
  usd: number;
  /** The side of the position that was liquidated. */
  side: 'long' | 'short';
  exchange: Exchange;
}

export interface LiveView {
  /** The page exchange's stream: live (frames flowing), stale (connected but silent), polling (REST only). */
  status: LiveStatus;
  exchanges: Partial<Record<Exchange, LiveStatus>>;
  /** Newest streamed mark of the page exchange. */
  mark?: { price: number; t: number };
  /** Realised liquidations of the last `markerHours`, every streaming exchange, the largest `MAX_MARKERS` by USD, oldest first. */
  markers: LiveMarker[];
  markerHours: number;
  /** Per cluster of the view's analysis (same order): realised USD of its side inside it over the realised window. */
  realisedUsd: number[];
  realisedHours: number;
  /** Order flow at the clusters, from the page exchange's book and trades (absent while it does not stream). */
  flow?: FlowSignals;
  /** Exchanges that do not publish liquidations on their public stream, with why. */
  unpublished: Partial<Record<Exchange, string>>;
}

/** Markers a view carries at most: enough to read a day of a busy symbol, small enough for a message. */
export const MAX_MARKERS = 300;
export const MARKER_HOURS = 6;

export interface LiveInput {
  pageExchange: Exchange;
  /** Per exchange streaming this symbol: its state and status. */
  feeds: Partial<Record<Exchange, { status: LiveStatus; state?: FlowState; unpublished?: string }>>;
  clusters: readonly Cluster[];
  now: number;
  cfg: FlowConfig;
}

export function liveView({ pageExchange, feeds, clusters, now, cfg }: LiveInput): LiveView {
  const exchanges: Partial<Record<Exchange, LiveStatus>> = {};
  const unpublished: Partial<Record<Exchange, string>> = {};
  const realisedUsd = clusters.map(() => 0);
  const markers: LiveMarker[] = [];
  const from = now - MARKER_HOURS * 3_600_000;
  for (const [ex, feed] of Object.entries(feeds) as [Exchange, NonNullable<LiveInput['feeds'][Exchange]>][]) {
    exchanges[ex] = feed.status;
    if (feed.unpublished) unpublished[ex] = feed.unpublished;
    const st = feed.state;
    if (!st) continue;
    for (const b of realisedByBand(clusters, st.liquidations, now, cfg)) realisedUsd[b.cluster]! += b.realisedUsd;
    const r = st.liquidations;
    for (let i = r.size - 1; i >= 0; i--) {
      const t = r.get(i, 't');
      if (t < from) break;
      if (t > now) continue;
      markers.push({ t, price: r.get(i, 'price'), usd: r.get(i, 'usd'), side: r.get(i, 'long') === 1 ? 'long' : 'short', exchange: ex });
    }
  }
  const kept = markers.length > MAX_MARKERS ? markers.sort((a, b) => b.usd - a.usd).slice(0, MAX_MARKERS) : markers;
  kept.sort((a, b) => a.t - b.t);
  const page = feeds[pageExchange];
  const mark = page?.state?.lastMark() ?? null;
  const view: LiveView = {
    status: page?.status ?? 'polling',
    exchanges,
    markers: kept,
    markerHours: MARKER_HOURS,
    realisedUsd,
    realisedHours: cfg.realisedWindowHours,
    unpublished,
  };
  if (mark) view.mark = { price: mark.price, t: mark.t };
  if (page?.state && page.status !== 'polling') view.flow = page.state.signals(clusters, now);
  return view;
}
