/**
 * Clusters (DESIGN §5.2): per side, runs of bins whose Gaussian-smoothed USD density has a z-score above
 * `clusterZ` over that side of the map; runs whose peaks are closer than `clusterMergePct` merge. USD,
 * centre and tier mix come from the raw (unsmoothed) bins so smoothing never invents money.
 */
import type { EngineConfig } from './config';
import type { Cluster, LiquidationMap, Side } from './types';

/** Gaussian smoothing with a truncated (±3σ) kernel, renormalised at the array ends. */
export function gaussianSmooth(values: ArrayLike<number>, sigma: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (!(sigma > 0)) {
    for (let i = 0; i < n; i++) out[i] = values[i]!;
    return out;
  }
  const r = Math.ceil(3 * sigma);
  const kernel = new Float64Array(2 * r + 1);
  for (let j = -r; j <= r; j++) kernel[j + r] = Math.exp(-(j * j) / (2 * sigma * sigma));
  for (let i = 0; i < n; i++) {
    let acc = 0;
    let wsum = 0;
    for (let j = Math.max(-r, -i); j <= r && i + j < n; j++) {
      const w = kernel[j + r]!;
      acc += w * values[i + j]!;
      wsum += w;
    }
    out[i] = acc / wsum;
  }
  return out;
}

/** Indices of one side's bins, ascending by price (long: below the reference, short: above). */
function sideRange(map: LiquidationMap, side: Side): { from: number; to: number } {
  const bins = map.bins;
  let split = 0;
  while (split < bins.length && bins[split]!.price < map.reference) split++;
  return side === 'long' ? { from: 0, to: split } : { from: split, to: bins.length };
}

interface Run {
  from: number;
  to: number; // inclusive, absolute bin indices
  peak: number;
}

function sideClusters(map: LiquidationMap, side: Side, cfg: EngineConfig): Cluster[] {
  const { from, to } = sideRange(map, side);
  const n = to - from;
  if (n === 0) return [];
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = map.bins[from + i]!;
    raw[i] = side === 'long' ? b.longUsd : b.shortUsd;
  }
  const smooth = gaussianSmooth(raw, cfg.smoothingSigmaBins);
  let mean = 0;
  for (const v of smooth) mean += v;
  mean /= n;
  let variance = 0;
  for (const v of smooth) variance += (v - mean) ** 2;
  const sd = Math.sqrt(variance / n);
  // A flat (or empty) side has no peaks; a relative floor keeps rounding noise from becoming "clusters".
  if (!(sd > 1e-9 * Math.max(mean, 1e-300))) return [];

  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    if ((smooth[i]! - mean) / sd <= cfg.clusterZ) continue;
    let j = i;
    let peak = i;
    while (j + 1 < n && (smooth[j + 1]! - mean) / sd > cfg.clusterZ) {
      j++;
      if (smooth[j]! > smooth[peak]!) peak = j;
    }
    runs.push({ from: from + i, to: from + j, peak: from + peak });
    i = j;
  }
  // Merge neighbours whose own peaks are closer than the merge distance. Comparing each run with its
  // neighbour (not with a growing merged cluster) and counting in whole bins keeps this independent of the
  // scan direction, so a mirrored market yields mirrored clusters.
  const mergeBins = Math.round(((map.reference * cfg.clusterMergePct) / 100 / map.binWidth) * 1e6) / 1e6;
  const merged: Run[] = [];
  let prevPeak = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && run.peak - prevPeak < mergeBins) {
      last.to = run.to;
      if (smooth[run.peak - from]! > smooth[last.peak - from]!) last.peak = run.peak;
    } else merged.push({ ...run });
    prevPeak = run.peak;
  }
  return merged.map((r) => toCluster(map, side, r)).filter((c) => c.usd > 0);
}

function toCluster(map: LiquidationMap, side: Side, run: Run): Cluster {
  const half = map.binWidth / 2;
  const tiers = map.tiers;
  const mix = new Array<number>(tiers.length).fill(0);
  let usd = 0;
  let weighted = 0;
  for (let i = run.from; i <= run.to; i++) {
    const b = map.bins[i]!;
    const v = side === 'long' ? b.longUsd : b.shortUsd;
    usd += v;
    weighted += v * b.price;
    const byTier = side === 'long' ? b.longByTier : b.shortByTier;
    for (let t = 0; t < tiers.length; t++) mix[t]! += byTier[t] ?? 0;
  }
  const low = map.bins[run.from]!.price - half;
  const high = map.bins[run.to]!.price + half;
  const centre = usd > 0 ? weighted / usd : (low + high) / 2;
  return {
    side,
    low,
    high,
    centre,
    usd,
    tierMix: tiers.map((leverage, t) => ({ leverage, usd: mix[t]! })),
    distancePct: ((centre - map.reference) / map.reference) * 100,
    cumulativeUsd: cumulativeUsd(map, side, side === 'long' ? low : high),
  };
}

/** USD of one side liquidated if price travels from the reference to `price` ("if price reaches X"). */
export function cumulativeUsd(map: LiquidationMap, side: Side, price: number): number {
  let sum = 0;
  for (const b of map.bins) {
    if (side === 'long' && b.price < map.reference && b.price >= price) sum += b.longUsd;
    if (side === 'short' && b.price > map.reference && b.price <= price) sum += b.shortUsd;
  }
  return sum;
}

/** All clusters of the map, long (below) then short (above), each ascending by price. */
export function findClusters(map: LiquidationMap, cfg: EngineConfig): Cluster[] {
  return [...sideClusters(map, 'long', cfg), ...sideClusters(map, 'short', cfg)];
}
