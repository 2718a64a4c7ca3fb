/**
 * Cascade chains (docs/design.md §5.3): starting from the nearest cluster of a side, same-side clusters chain
 * while the gap between neighbours is below `cascadeChainGapPct` (each liquidation burst can carry price
 * into the next). A larger gap breaks the chain. The contract's `endedBy` names why it ended: 'gap' = a gap
 * of at least `cascadeEndGapPct` (3 %, where price "often stabilises"), 'edge' = the chain runs into the
 * map's edge, 'none' = no further cluster close enough (none at all, or the next one 1–3 % away; the gap
 * is then in `endGapPct`). Expected overshoot past the last cluster: 0.3–0.8 %.
 */
import type { EngineConfig } from './config';
import type { Cascade, Cluster, LiquidationMap, Side } from './types';
import type { Pct, Price } from './units';

/** Gap between a nearer and a farther cluster of the same side, percent of the reference. */
function gapPct(nearer: Cluster, farther: Cluster, reference: Price): Pct {
  const gap = nearer.side === 'long' ? nearer.low - farther.high : farther.low - nearer.high;
  return (Math.max(0, gap) / reference) * 100;
}

function sideCascade(clusters: readonly Cluster[], side: Side, map: LiquidationMap, cfg: EngineConfig): Cascade | null {
  const ref = map.reference;
  const ordered = clusters
    .filter((c) => c.side === side)
    .sort((a, b) => (side === 'long' ? b.high - a.high : a.low - b.low));
  if (ordered.length < 2) return null;
  const chain: Cluster[] = [ordered[0]!];
  let endedBy: Cascade['endedBy'] = 'none';
  let endGapPct: Pct | undefined;
  for (let i = 1; i < ordered.length; i++) {
    const gap = gapPct(chain[chain.length - 1]!, ordered[i]!, ref);
    if (gap >= cfg.cascadeChainGapPct) {
      endGapPct = gap;
      if (gap >= cfg.cascadeEndGapPct) endedBy = 'gap';
      break;
    }
    chain.push(ordered[i]!);
  }
  if (chain.length < 2) return null;
  const last = chain[chain.length - 1]!;
  if (endGapPct === undefined) {
    // No further cluster in the map: if the last one sits within a chain gap of the map's edge the chain
    // may continue beyond what we can see.
    const mapEdge = side === 'long' ? map.bins[0]!.price - map.binWidth / 2 : map.bins[map.bins.length - 1]!.price + map.binWidth / 2;
    const toEdgePct = (Math.abs((side === 'long' ? last.low : last.high) - mapEdge) / ref) * 100;
    if (toEdgePct < cfg.cascadeChainGapPct) endedBy = 'edge';
  }
  const far = side === 'long' ? last.low : last.high;
  const dir = side === 'long' ? -1 : 1;
  return {
    side,
    clusters: chain,
    totalUsd: chain.reduce((s, c) => s + c.usd, 0),
    overshoot: { from: far * (1 + (dir * cfg.cascadeOvershootMinPct) / 100), to: far * (1 + (dir * cfg.cascadeOvershootMaxPct) / 100) },
    endedBy,
    ...(endGapPct !== undefined ? { endGapPct, stabilises: endGapPct >= cfg.cascadeEndGapPct } : {}),
  };
}

/** Cascade chains on each side starting at the nearest cluster (chains of at least two clusters). */
export function findCascades(clusters: readonly Cluster[], map: LiquidationMap, cfg: EngineConfig): Cascade[] {
  if (map.bins.length === 0) return [];
  return (['long', 'short'] as const).map((s) => sideCascade(clusters, s, map, cfg)).filter((c): c is Cascade => c !== null);
}
