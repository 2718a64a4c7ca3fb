/**
 * Suggested stop (docs/design.md §5.3): beyond the nearest risk-side cluster's far edge by a buffer (default 0.4 %,
 * kept within 0.3–0.5 %), never inside the cluster: stops placed in a cluster are swept with it. Warns
 * when the trader's own liquidation price would be hit before the stop and names the leverage that fits.
 */
import type { EngineConfig } from './config';
import { liquidationPrice, maxLeverageForStop } from './liquidation-price';
import type { Cluster, Side, StopSuggestion } from './types';
import type { Fraction, Pct, Price } from './units';

/** What we know about the trader's own margin, to check their liquidation against the stop. */
export interface OwnMargin {
  entry: Price;
  leverage: number;
  maintenanceRate: Fraction;
  /** The exchange's maximum leverage (caps the suggested leverage). */
  maxLeverage: number;
  /** Liquidation price read from the page; computed from entry and leverage when absent. */
  liqPrice?: Price;
}

export function stopBufferPct(cfg: EngineConfig): Pct {
  return Math.min(cfg.stopBufferMaxPct, Math.max(cfg.stopBufferMinPct, cfg.stopBufferPct));
}

/** Stop price `bufferPct` beyond a cluster's far edge (below a long cluster, above a short one). */
export function stopBeyond(cluster: Cluster, tradeSide: Side, bufferPct: Pct): Price {
  return tradeSide === 'long' ? cluster.low * (1 - bufferPct / 100) : cluster.high * (1 + bufferPct / 100);
}

export function suggestStop(
  tradeSide: Side,
  reference: Price,
  risk: readonly Cluster[],
  cfg: EngineConfig,
  own?: OwnMargin,
): StopSuggestion {
  const nearest = risk[0];
  if (!nearest) return { kind: 'none', code: 'no-risk-cluster', side: tradeSide, maxDistancePct: cfg.nearestMaxDistancePct };
  const bufferPct = stopBufferPct(cfg);
  const price = stopBeyond(nearest, tradeSide, bufferPct);
  const stop: StopSuggestion & { kind: 'stop' } = {
    kind: 'stop',
    price,
    distancePct: (Math.abs(price - reference) / reference) * 100,
    bufferPct,
    beyond: nearest,
  };
  if (own) {
    const liqPrice = own.liqPrice ?? liquidationPrice(tradeSide, own.entry, own.leverage, own.maintenanceRate);
    const before = tradeSide === 'long' ? liqPrice >= price : liqPrice <= price;
    if (before) {
      stop.liquidationBeforeStop = {
        liqPrice,
        maxLeverage: maxLeverageForStop(tradeSide, own.entry, price, own.maintenanceRate, own.maxLeverage),
      };
    }
  }
  return stop;
}
