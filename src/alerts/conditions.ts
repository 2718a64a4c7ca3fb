/**
 * Which alert conditions hold right now for one watched market (pure). The state machine
 * (./machine.ts) turns "holds now" into "fire once per crossing, with a cool-down".
 */
import { DEFAULT_CONFIG } from '../engine/config';
import type { Analysis, Cluster } from '../engine/types';
import type { Pct, Price, Usd } from '../engine/units';
import type { Settings } from '../settings';
import type { LiveView } from '../market/live-view';
import { formatPct, formatPrice, formatRatio, formatUsd } from '../ui/format';
import { lfrText } from '../ui/fuel';
import { signalText } from '../ui/messages';

export type AlertKind = 'cluster-edge' | 'lfr-degraded' | 'stale-map' | 'squeeze' | 'cascade';

/** A condition that holds now. `id` is stable while the same situation persists (that is what "once per crossing" keys on). */
export interface AlertCondition {
  id: string;
  kind: AlertKind;
  title: string;
  message: string;
}

/** How many clusters on each side are watched for price nearing their edge (issue 7: "the two nearest"). */
export const WATCHED_CLUSTERS_PER_SIDE = 2;

/** The edge of a cluster that price meets first: the low edge of a cluster above, the high edge of one below. */
function nearEdge(c: Cluster, price: Price): Price {
  return c.centre >= price ? c.low : c.high;
}

/** Percent distance from price to the cluster's near edge; 0 when price is inside the band. */
export function edgeDistancePct(c: Cluster, price: Price): Pct {
  if (price >= c.low && price <= c.high) return 0;
  return (Math.abs(nearEdge(c, price) - price) / price) * 100;
}

/** The `n` clusters of `side` nearest to `price`, nearest first. Long liquidations sit below, shorts above. */
export function nearestClusters(clusters: readonly Cluster[], side: Cluster['side'], price: Price, n: number): Cluster[] {
  return clusters
    .filter((c) => c.side === side)
    .map((c) => ({ c, d: edgeDistancePct(c, price) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, n)
    .map((x) => x.c);
}

/** A watched cluster edge, remembered between evaluations so a price that jumps *through* it still counts. */
export interface WatchedEdge {
  side: Cluster['side'];
  /** The edge price meets first (low edge of a short cluster above, high edge of a long one below). */
  edge: Price;
  low: Price;
  high: Price;
  usd: Usd;
}

/** What the previous evaluation saw for this market. */
export interface PreviousLook {
  price: Price;
  edges: readonly WatchedEdge[];
}

/** The two nearest clusters each side, as edges to remember for the next evaluation. */
export function watchedEdges(clusters: readonly Cluster[], price: Price): WatchedEdge[] {
  return (['short', 'long'] as const).flatMap((side) =>
    nearestClusters(clusters, side, price, WATCHED_CLUSTERS_PER_SIDE).map((c) => ({ side, edge: nearEdge(c, price), low: c.low, high: c.high, usd: c.usd })),
  );
}

/** Price went from `from` to `to` across `e` (samples are a minute apart; a fast move skips "near"). */
function crossed(e: WatchedEdge, from: Price, to: Price): boolean {
  return e.side === 'short' ? from < e.edge && to >= e.edge : from > e.edge && to <= e.edge;
}

export interface ConditionInput {
  analysis: Analysis;
  /** The LFR stored when the position was first seen; null/undefined when there is none. */
  entryLfr: number | null | undefined;
  settings: Settings;
  /** The previous evaluation of the same market, if any. */
  previous?: PreviousLook | null;
  /** The live stream's view, when streaming: realised liquidations drive "cascade under way". */
  live?: LiveView | undefined;
  /** The price to judge edges by: the streamed mark when live, else the map's reference (the polled mark). */
  price?: Price;
}

/** The streamed mark when the page exchange is live, else the polled reference. */
export function judgedPrice(analysis: Analysis, live: LiveView | undefined): Price {
  const m = live?.status === 'live' ? live.mark?.price : undefined;
  return m !== undefined && Number.isFinite(m) && m > 0 ? m : analysis.map.reference;
}

/** Conditions that hold for this analysis, given the user's alert switches and thresholds. */
export function activeConditions({ analysis, entryLfr, settings, previous, live, price = analysis.map.reference }: ConditionInput): AlertCondition[] {
  const out: AlertCondition[] = [];
  const a = settings.alerts;
  const sym = analysis.symbol;

  if (a.clusterEdge && price > 0) {
    // What a phone shows in about two lines: price, distance, the cluster's range and USD, and the LFR now.
    const lfr = analysis.lfr.kind === 'ratio' ? `LFR ${lfrText(analysis.lfr)}` : `LFR: ${lfrText(analysis.lfr)}`;
    // One condition per side: price near (or just through) *a* watched cluster on that side. Keyed by side,
    // not by the cluster's exact edges, which move a little on every refresh, so a refresh never re-fires it.
    for (const side of ['short', 'long'] as const) {
      const cluster = side === 'short' ? 'short-liq. cluster' : 'long-liq. cluster';
      // Short liquidations sit above the price, long ones below: the price is below / above the cluster.
      const relation = side === 'short' ? 'below' : 'above';
      const near = nearestClusters(analysis.clusters, side, price, WATCHED_CLUSTERS_PER_SIDE).find(
        (c) => edgeDistancePct(c, price) <= a.clusterEdgePct,
      );
      if (near) {
        const d = edgeDistancePct(near, price);
        out.push({
          id: `cluster-edge:${side}`,
          kind: 'cluster-edge',
          title: `${sym}: price near a cluster`,
          message: `Price ${formatPrice(price)}${d === 0 ? ' is inside the' : `, ${formatPct(d)} ${relation} the`} ${cluster} ${formatPrice(near.low)}–${formatPrice(near.high)} (est. ${formatUsd(near.usd)}). ${lfr}.`,
        });
        continue;
      }
      const through = previous?.edges.find((e) => e.side === side && crossed(e, previous.price, price));
      if (through && previous) {
        out.push({
          id: `cluster-edge:${side}`,
          kind: 'cluster-edge',
          title: `${sym}: price ran into a cluster`,
          message: `Price ${formatPrice(previous.price)} → ${formatPrice(price)}, through the ${cluster} ${formatPrice(through.low)}–${formatPrice(through.high)} (est. ${formatUsd(through.usd)}). ${lfr}.`,
        });
      }
    }
  }

  // "Below 1": the LFR's adverse band (engine config), the same limit the engine's bands use.
  const adverseBelow = DEFAULT_CONFIG.lfrNeutralFrom;
  if (a.lfrDegraded && analysis.position && typeof entryLfr === 'number' && entryLfr >= adverseBelow) {
    const lfr = analysis.lfr;
    if (lfr.kind === 'ratio' && lfr.band === 'adverse') {
      out.push({
        id: 'lfr-degraded',
        kind: 'lfr-degraded',
        title: `${sym}: LFR fell below ${formatRatio(adverseBelow, 1)}`,
        message: `LFR is ${formatRatio(lfr.value)}, down from ${formatRatio(entryLfr)} at entry: more fuel now sits on the risk side.`,
      });
    }
  }

  for (const s of analysis.signals) {
    if (a.staleMap && s.kind === 'stale-map') {
      out.push({ id: 'stale-map', kind: 'stale-map', title: `${sym}: map may be stale`, message: signalText(s) });
    }
    if (a.squeeze && s.kind === 'squeeze-setup') {
      out.push({ id: 'squeeze', kind: 'squeeze', title: `${sym}: squeeze setup`, message: signalText(s) });
    }
  }
  // Issue 12: realised liquidations at a cluster in the last minute passed the engine's threshold.
  if (a.cascade && live?.flow) {
    for (const c of live.flow.cascades) {
      const band = analysis.clusters[c.cluster];
      if (!band) continue;
      const cluster = c.side === 'short' ? 'short-liq. cluster' : 'long-liq. cluster';
      out.push({
        id: `cascade:${c.side}`,
        kind: 'cascade',
        title: `${sym}: liquidation cascade under way`,
        message: `${formatUsd(c.realisedUsd)} of ${c.side} positions liquidated in the last ${c.windowSec} s inside the ${cluster} ${formatPrice(band.low)}–${formatPrice(band.high)} (est. ${formatUsd(band.usd)}; threshold ${formatUsd(c.thresholdUsd)}).`,
      });
    }
  }
  return out;
}
