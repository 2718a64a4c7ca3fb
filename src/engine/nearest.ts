/**
 * Nearest clusters (docs/design.md §5.3): the `nearestCount` closest clusters on each side of the reference within
 * `nearestMaxDistancePct`. For a long the profit side is short-liquidation clusters above (they fuel a rise)
 * and the risk side long-liquidation clusters below; mirrored for a short.
 */
import type { EngineConfig } from './config';
import type { Cluster, Side } from './types';
import type { Price } from './units';

export interface NearestClusters {
  profit: readonly Cluster[];
  risk: readonly Cluster[];
}

function closest(clusters: readonly Cluster[], side: Side, above: boolean, reference: Price, cfg: EngineConfig): Cluster[] {
  const maxDist = (reference * cfg.nearestMaxDistancePct) / 100;
  return clusters
    .filter((c) => c.side === side && (above ? c.centre > reference : c.centre < reference))
    .filter((c) => Math.abs(c.centre - reference) <= maxDist)
    .sort((a, b) => Math.abs(a.centre - reference) - Math.abs(b.centre - reference))
    .slice(0, cfg.nearestCount);
}

export function nearestClusters(clusters: readonly Cluster[], tradeSide: Side, reference: Price, cfg: EngineConfig): NearestClusters {
  const shortsAbove = closest(clusters, 'short', true, reference, cfg);
  const longsBelow = closest(clusters, 'long', false, reference, cfg);
  return tradeSide === 'long' ? { profit: shortsAbove, risk: longsBelow } : { profit: longsBelow, risk: shortsAbove };
}
