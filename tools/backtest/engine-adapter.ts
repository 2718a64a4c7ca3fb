/**
 * Drives the extension's own model (src/engine/model.ts) bar by bar: the backtest measures the code
 * that ships, not a re-implementation of it.
 *
 * Bar-only data (the CoinGlass CSV) has OI open/high/low/close in USD. The engine wants the finest OI
 * series in coin, so a bar becomes two points: the OI high converted at the typical price (where the
 * high was most likely reached; prototype V5e) and the closing OI at the close. The engine's gross
 * inflow is then max(0, high − previous close), as docs/design.md §5.1.1 prescribes for bar data.
 */
import { DEFAULT_CONFIG, type EngineConfig } from '../../src/engine/config';
import { validateConfig } from '../../src/engine/validate';
import { binCentre, coinAt, createModel, extents, modelParams, stepBar, type ModelState } from '../../src/engine/model';
import type { Candle, Exchange, OpenInterestPoint, RiskTier } from '../../src/engine/types';
import type { BacktestBar } from './bar';
import { BacktestInputError } from './walkforward';
import type { ConsumedLevels } from './per-price';
import type { BarPredictor } from './walkforward';

export interface EngineAdapterOptions {
  exchange: Exchange;
  /** Tier-1 risk of the OI's exchange (Binance BTCUSDT for the CSV). */
  risk: RiskTier;
  config?: EngineConfig;
  /**
   * Called before each bar with the levels the bar is about to consume ([price, usd] per side), for the
   * per-price check. Checked against the engine's own per-bar totals, so it cannot drift from the model.
   */
  onConsumed?: (bar: BacktestBar, levels: ConsumedLevels) => void;
}

/** Binance BTCUSDT tier 1 (shared/data/liquidation/binance-leverage-brackets…: 125x, MMR 0.4 %). */
export const BINANCE_BTC_TIER1: RiskTier = { maintenanceRate: 0.004, maxLeverage: 125, source: 'static-table', asOf: '2024-10' };

export function barToCandle(bar: BacktestBar): Candle {
  return {
    t: bar.t,
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    baseVolume: bar.baseVolume ?? 0,
    quoteVolume: bar.quoteVolume ?? 0,
  };
}

/** The OI points the engine sees for one bar (coin units). */
export function barOiPoints(bar: BacktestBar): OpenInterestPoint[] {
  if (bar.oiPoints && bar.oiPoints.length > 0) return [...bar.oiPoints];
  const tp = (bar.high + bar.low + bar.close) / 3;
  return [
    { t: bar.t + bar.barMs / 2, coin: bar.oiHighUsd / tp, usd: bar.oiHighUsd },
    { t: bar.t + bar.barMs, coin: bar.oiCloseUsd / bar.close, usd: bar.oiCloseUsd },
  ];
}

export function enginePredictor(opts: EngineAdapterOptions): BarPredictor {
  const config = opts.config ?? DEFAULT_CONFIG;
  validateConfig(config); // an experiment's bad --config fails with the engine's named error, not NaN
  const params = modelParams(opts.exchange, opts.risk, config);
  let state: ReturnType<typeof createModel> | undefined;
  return {
    step(bar) {
      // OI before the first bar seeds the state without counting as inflow.
      state ??= createModel(params, bar.oiOpenCoin ?? bar.oiOpenUsd / bar.open);
      const levels = opts.onConsumed ? levelsCrossed(state, bar) : undefined;
      const p = stepBar(state, barToCandle(bar), barOiPoints(bar));
      if (levels && opts.onConsumed) {
        for (const [side, total] of [['long', p.predictedLongUsd], ['short', p.predictedShortUsd]] as const) {
          const sum = levels[side].reduce((a, [, usd]) => a + usd, 0);
          if (Math.abs(sum - total) > 1e-6 * Math.max(1, total)) {
            throw new BacktestInputError(`per-price ${side} levels (${sum}) disagree with the engine's total (${total}) at ${new Date(bar.t).toISOString()}`);
          }
        }
        opts.onConsumed(bar, levels);
      }
      return { longUsd: p.predictedLongUsd, shortUsd: p.predictedShortUsd };
    },
  };
}

/** Levels the engine's crossing rule (bin centre ≥ low for longs, ≤ high for shorts) will consume in `bar`. */
function levelsCrossed(s: ModelState, bar: BacktestBar): ConsumedLevels {
  const out: ConsumedLevels = { long: [], short: [] };
  for (const side of ['long', 'short'] as const) {
    const { lo, hi } = extents(s, side);
    for (let i = lo; i <= hi; i++) {
      const price = binCentre(s, i);
      if (side === 'long' ? price < bar.low : price > bar.high) continue;
      let coin = 0;
      for (let k = 0; k < s.tierCount; k++) coin += coinAt(s, side, i, k);
      if (coin > 0) out[side].push([price, coin * price]);
    }
  }
  return out;
}
