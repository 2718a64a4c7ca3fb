/**
 * Deterministic synthetic markets for engine tests and the benchmark: a random walk with volume and an
 * open-interest series that drifts and churns, in the shape of MarketSeries. Not fixtures of real data.
 */
import { seededRandom } from '../../tools/seeded-random';
import type { Candle, Exchange, MarketSeries, OpenInterestPoint, RiskTier } from '../../src/engine/types';

/** The seeded PRNG, so every run sees the same market. */
export const rng = seededRandom;

export const RISK: Record<Exchange, RiskTier> = {
  binance: { maintenanceRate: 0.004, maxLeverage: 125, source: 'static-table' },
  bybit: { maintenanceRate: 0.005, maxLeverage: 100, source: 'api' },
  okx: { maintenanceRate: 0.004, maxLeverage: 100, source: 'api' },
  bitget: { maintenanceRate: 0.004, maxLeverage: 125, source: 'api' },
};

export interface SyntheticOptions {
  exchange?: Exchange;
  bars: number;
  barMs?: number;
  start?: number;
  price?: number;
  oiCoin?: number;
  seed?: number;
  /** Per-bar return standard deviation (fraction). */
  vol?: number;
  symbol?: string;
}

export function syntheticSeries(o: SyntheticOptions): MarketSeries {
  const exchange = o.exchange ?? 'binance';
  const barMs = o.barMs ?? 300_000;
  const start = o.start ?? Date.UTC(2026, 0, 5);
  const r = rng(o.seed ?? 1);
  const vol = o.vol ?? 0.0015;
  let price = o.price ?? 100_000;
  let oi = o.oiCoin ?? 80_000;
  const candles: Candle[] = [];
  const openInterest: OpenInterestPoint[] = [{ t: start, coin: oi, usd: oi * price }];
  for (let i = 0; i < o.bars; i++) {
    const t = start + i * barMs;
    const open = price;
    const close = open * (1 + vol * (r() + r() + r() - 1.5) * 2);
    const high = Math.max(open, close) * (1 + vol * r());
    const low = Math.min(open, close) * (1 - vol * r());
    const baseVolume = 50 + 400 * r();
    const vwap = low + (high - low) * (0.3 + 0.4 * r());
    candles.push({ t, open, high, low, close, baseVolume, quoteVolume: baseVolume * vwap, takerBuyBase: baseVolume * r() });
    // OI churns: mostly small moves, sometimes flushes; never negative.
    const shock = r() < 0.01 ? -0.05 * r() : 0;
    oi = Math.max(0, oi * (1 + 0.004 * (r() - 0.48) + shock));
    openInterest.push({ t: t + barMs, coin: oi, usd: oi * close });
    price = close;
  }
  return {
    exchange,
    symbol: o.symbol ?? 'BTCUSDT',
    barMs,
    candles,
    openInterest,
    markPrice: price,
    indexPrice: price * 0.9999,
    funding: { rate: 0.0001, intervalHours: 8, nextTime: start + o.bars * barMs + 3_600_000 },
    risk: RISK[exchange],
    oiPartial: false,
    fetchedAt: start + o.bars * barMs,
  };
}

/** Time just after the last bar closed. */
export function endOf(s: MarketSeries): number {
  const last = s.candles[s.candles.length - 1];
  return last ? last.t + s.barMs : 0;
}
