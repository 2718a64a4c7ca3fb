/**
 * Liquidation Fuel Ratio (docs/design.md §5.3): USD of the profit-side nearest clusters ÷ USD of the risk-side ones.
 * Bands: < 1.0 adverse ("swimming upstream"), 1.0–1.5 neutral, 1.5–2.0 favourable, > 2.0 strong.
 * An empty risk side is a named state, never Infinity.
 */
import type { Cluster, FuelBand, FuelRatio } from './types';

export function totalUsd(clusters: readonly Cluster[]): number {
  return clusters.reduce((sum, c) => sum + c.usd, 0);
}

export function fuelBand(value: number): FuelBand {
  if (value < 1) return 'adverse';
  if (value < 1.5) return 'neutral';
  if (value <= 2) return 'favourable';
  return 'strong';
}

/** Fuel that would push price toward the target ÷ fuel pushing toward the stop. */
export function fuelRatio(profitSide: readonly Cluster[], riskSide: readonly Cluster[]): FuelRatio {
  const profitUsd = totalUsd(profitSide);
  const riskUsd = totalUsd(riskSide);
  if (riskUsd === 0) return profitUsd === 0 ? { kind: 'no-fuel' } : { kind: 'no-risk-fuel', profitUsd };
  const value = profitUsd / riskUsd;
  return { kind: 'ratio', value, band: fuelBand(value), profitUsd, riskUsd };
}
