/**
 * Cumulative liquidation curves of a map (issue #13 item 3: "if price reaches X, $Y is liquidated"): for
 * each bin below the reference, the long USD from the reference down to and including it; above, the short
 * USD from the reference up to it. Index-aligned with `map.bins`; 0 on the other side.
 */
import type { LiquidationMap } from '../types';

export interface CumulativeCurves {
  long: Float64Array;
  short: Float64Array;
}

export function cumulativeCurves(map: Pick<LiquidationMap, 'bins' | 'reference'>): CumulativeCurves {
  const n = map.bins.length;
  const long = new Float64Array(n);
  const short = new Float64Array(n);
  let acc = 0;
  for (let i = n - 1; i >= 0; i--) {
    const b = map.bins[i]!;
    if (b.price >= map.reference) continue;
    acc += b.longUsd;
    long[i] = acc;
  }
  acc = 0;
  for (let i = 0; i < n; i++) {
    const b = map.bins[i]!;
    if (b.price <= map.reference) continue;
    acc += b.shortUsd;
    short[i] = acc;
  }
  return { long, short };
}
