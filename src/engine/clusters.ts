/**
 * Clusters (docs/design.md §5.2): per side, runs of bins whose Gaussian-smoothed USD density has a z-score above
 * `clusterZ` over that side of the map; runs whose peaks are closer than `clusterMergePct` merge. USD,
 * centre and tier mix come from the raw (unsmoothed) bins so smoothing never invents money.
 */
import type { EngineConfig } from './config';
import type { Cluster, LiquidationMap, Side } from './types';
import type { Price, Usd } from './units';

/**
 * Gaussian smoothing with a truncated (±3σ) kernel, renormalised at the array ends. Neighbours are added in
 * mirrored pairs (v[i−j] + v[i+j]), so reversing the input reverses the output bit for bit: the mirror
 * property of the analytics must not hinge on rounding.
 */
export function gaussianSmooth(values: ArrayLike<number>, sigma: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (!(sigma > 0)) {
    for (let i = 0; i < n; i++) out[i] = values[i]!;
    return out;
  }
  const r = Math.ceil(3 * sigma);
  const kernel = new Float64Array(r + 1);
  for (let j = 0; j <= r; j++) kernel[j] = Math.exp(-(j * j) / (2 * sigma * sigma));
  for (let i = 0; i < n; i++) {
    let acc = 0;
    let wsum = 0;
    for (let j = r; j >= 1; j--) {
      const left = i - j >= 0;
      const right = i + j < n;
      if (!left && !right) continue;
      acc += kernel[j]! * ((left ? values[i - j]! : 0) + (right ? values[i + j]! : 0));
      wsum += kernel[j]! * ((left ? 1 : 0) + (right ? 1 : 0));
    }
    out[i] = (acc + kernel[0]! * values[i]!) / (wsum + kernel[0]!);
  }
  return out;
}

/** Sum in mirrored pairs (a[i] + a[n−1−i]): identical for an array and its reverse. */
function mirroredSum(a: ArrayLike<number>, f: (x: number) => number): number {
  const n = a.length;
  let sum = 0;
  for (let i = 0; i < n >> 1; i++) sum += f(a[i]!) + f(a[n - 1 - i]!);
  return n % 2 ? sum + f(a[n >> 1]!) : sum;
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
  /** Absolute bin index of the smoothed maximum (a half index when two bins tie). */
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
  const mean = mirroredSum(smooth, (v) => v) / n;
  const sd = Math.sqrt(mirroredSum(smooth, (v) => (v - mean) ** 2) / n);
  // A flat (or empty) side has no peaks; a relative floor keeps rounding noise from becoming "clusters".
  if (!(sd > 1e-9 * Math.max(mean, 1e-300))) return [];

  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    if ((smooth[i]! - mean) / sd <= cfg.clusterZ) continue;
    let j = i;
    while (j + 1 < n && (smooth[j + 1]! - mean) / sd > cfg.clusterZ) j++;
    // Peak position: the middle of the bins sharing the maximum, so ties do not depend on scan direction.
    let first = i;
    let last = i;
    for (let k = i + 1; k <= j; k++) {
      if (smooth[k]! > smooth[first]!) first = last = k;
      else if (smooth[k]! === smooth[first]!) last = k;
    }
    runs.push({ from: from + i, to: from + j, peak: from + (first + last) / 2 });
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
    if (last && run.peak - prevPeak < mergeBins) last.to = run.to;
    else merged.push({ ...run });
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
export function cumulativeUsd(map: LiquidationMap, side: Side, price: Price): Usd {
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
