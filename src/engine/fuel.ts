/**
 * Liquidation Fuel Ratio (docs/design.md §5.3): USD of the profit-side nearest clusters ÷ USD of the risk-side ones.
 * Bands (limits in the engine config): < 1.0 adverse ("swimming upstream"), 1.0–1.5 neutral, 1.5–2.0
 * favourable, > 2.0 strong.
 * An empty risk side is a named state, never Infinity.
 */
import { DEFAULT_CONFIG, type EngineConfig } from './config';
import type { Cluster, FuelBand, FuelRatio } from './types';
import type { Usd } from './units';

type BandLimits = Pick<EngineConfig, 'lfrNeutralFrom' | 'lfrFavourableFrom' | 'lfrStrongAbove'>;

export function totalUsd(clusters: readonly Cluster[]): Usd {
  return clusters.reduce((sum, c) => sum + c.usd, 0);
}

/** The band of an LFR value with the default limits. */
export function fuelBand(value: number): FuelBand {
  return fuelBandWith(value, DEFAULT_CONFIG);
}

/** The band of an LFR value with the limits of `cfg` (engine config). */
export function fuelBandWith(value: number, cfg: BandLimits): FuelBand {
  if (value < cfg.lfrNeutralFrom) return 'adverse';
  if (value < cfg.lfrFavourableFrom) return 'neutral';
  if (value <= cfg.lfrStrongAbove) return 'favourable';
  return 'strong';
}

/** Fuel that would push price toward the target ÷ fuel pushing toward the stop. */
export function fuelRatio(profitSide: readonly Cluster[], riskSide: readonly Cluster[], cfg: BandLimits = DEFAULT_CONFIG): FuelRatio {
  const profitUsd = totalUsd(profitSide);
  const riskUsd = totalUsd(riskSide);
  if (riskUsd === 0) return profitUsd === 0 ? { kind: 'no-fuel' } : { kind: 'no-risk-fuel', profitUsd };
  const value = profitUsd / riskUsd;
  return { kind: 'ratio', value, band: fuelBandWith(value, cfg), profitUsd, riskUsd };
}
