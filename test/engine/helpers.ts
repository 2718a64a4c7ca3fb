/** Small builders for engine tests: clusters and maps written by hand. */
import type { Cluster, LiquidationMap, MapBin, Side } from '../../src/engine/types';

export function cluster(side: Side, low: number, high: number, usd: number, reference = 100_000): Cluster {
  const centre = (low + high) / 2;
  return { side, low, high, centre, usd, tierMix: [], distancePct: ((centre - reference) / reference) * 100, cumulativeUsd: usd };
}

/** A map around `reference` with `n` bins per side of `binPct` %, USD given per bin offset k (−n … n−1). */
export function handMap(reference: number, n: number, usdAt: (k: number) => number, binPct = 0.05, tiers = [5, 10, 25, 50, 100]): LiquidationMap {
  const w = (reference * binPct) / 100;
  const bins: MapBin[] = [];
  for (let k = -n; k < n; k++) {
    const usd = usdAt(k);
    const byTier = tiers.map((_, t) => (t === 1 ? usd : 0));
    const zeros = tiers.map(() => 0);
    bins.push({
      price: reference + (k + 0.5) * w,
      longUsd: k < 0 ? usd : 0,
      shortUsd: k < 0 ? 0 : usd,
      longByTier: k < 0 ? byTier : zeros,
      shortByTier: k < 0 ? zeros : byTier,
    });
  }
  return { symbol: 'BTCUSDT', reference, binWidth: w, tiers, bins, perExchange: {}, asOf: 0 };
}

/** The market reflected around the reference: bin k ↔ bin −k−1, longs ↔ shorts. */
export function mirrorMap(m: LiquidationMap): LiquidationMap {
  const bins = [...m.bins].reverse().map((b) => ({
    price: 2 * m.reference - b.price,
    longUsd: b.shortUsd,
    shortUsd: b.longUsd,
    longByTier: b.shortByTier,
    shortByTier: b.longByTier,
  }));
  return { ...m, bins };
}

/** Relative closeness for values of any magnitude (sums in another order differ in the last bits). */
export function expectClose(actual: number, expected: number, rel = 1e-9): void {
  const tol = rel * Math.max(Math.abs(actual), Math.abs(expected), Number.MIN_VALUE);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`expected ${actual} ≈ ${expected} (relative ${rel})`);
}
