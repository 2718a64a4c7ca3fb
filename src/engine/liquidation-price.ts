/**
 * Exact isolated-margin liquidation price for tier 1 (cum = 0), docs/liquidation-model.md §2:
 *   long  LP = E·(1 − 1/L)/(1 − m)      short  LP = E·(1 + 1/L)/(1 + m)
 * m = maintenance rate (+ close fee where the exchange counts it). Triggered by mark price.
 */
import type { Side } from './types';
import type { Fraction, Price } from './units';

/** Liquidation price ÷ entry price: constant per side, leverage and m, so the model shifts in log space. */
export function liquidationFactor(side: Side, leverage: number, maintenanceRate: Fraction): number {
  return side === 'long'
    ? (1 - 1 / leverage) / (1 - maintenanceRate)
    : (1 + 1 / leverage) / (1 + maintenanceRate);
}

export function liquidationPrice(side: Side, entry: Price, leverage: number, maintenanceRate: Fraction): Price {
  return entry * liquidationFactor(side, leverage, maintenanceRate);
}

/**
 * Highest leverage (whole number, ≥ 1, ≤ cap) whose liquidation stays beyond `stop`, i.e. the stop is hit
 * first. Long: E(1 − 1/L)/(1 − m) ≤ stop ⇔ L ≤ 1/(1 − stop(1 − m)/E); short mirrored.
 * Returns 0 when even 1x would be liquidated before the stop (stop absurdly far).
 */
export function maxLeverageForStop(side: Side, entry: Price, stop: Price, maintenanceRate: Fraction, cap: number): number {
  const room = side === 'long' ? 1 - (stop * (1 - maintenanceRate)) / entry : (stop * (1 + maintenanceRate)) / entry - 1;
  if (room <= 0) return 0;
  // 1e-9 guards the floor against 10 becoming 9.999999999 through rounding.
  const lev = Math.floor(1 / room + 1e-9);
  return Math.max(0, Math.min(cap, lev));
}
