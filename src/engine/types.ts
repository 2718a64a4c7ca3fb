/**
 * Core types shared by every part of LiqLens (DESIGN §4). Units are in the names where they could be
 * confused: `coin` = base-asset quantity, `usd` = quote (USDT) notional, `pct` = percent (1 = 1 %).
 * States are discriminated unions: "none" is never NaN, Infinity or a magic number.
 */

export type Exchange = 'binance' | 'bybit' | 'okx' | 'bitget';
export const EXCHANGES: readonly Exchange[] = ['binance', 'bybit', 'okx', 'bitget'];

/** Canonical symbol BASE+QUOTE, e.g. `BTCUSDT`. */
export type Symbol = string;

export type Side = 'long' | 'short';

/** One bar. `t` = open time in ms, ascending. Volumes: base in coin, quote in USD. */
export interface Candle {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  baseVolume: number;
  quoteVolume: number;
  /** Taker-buy base volume where the exchange publishes it. */
  takerBuyBase?: number;
}

/** Open interest at time `t` (ms), always in both units. OKX contracts × ctVal → coin. */
export interface OpenInterestPoint {
  t: number;
  coin: number;
  usd: number;
}

export interface Funding {
  /** Rate per interval as a fraction (0.0001 = 0.01 %). */
  rate: number;
  intervalHours: number;
  nextTime: number;
}

/** Price level [price, quantity in coin]. Bids descending, asks ascending. */
export type BookLevel = readonly [price: number, coin: number];
export interface DepthBook {
  t: number;
  bids: readonly BookLevel[];
  asks: readonly BookLevel[];
}

/** Tier-1 risk parameters of the symbol on one exchange. */
export interface RiskTier {
  /** Maintenance-margin rate of tier 1, as a fraction (0.004 = 0.4 %). */
  maintenanceRate: number;
  maxLeverage: number;
  /** Where the numbers came from, shown in tooltips (Binance's table is static and dated). */
  source: 'api' | 'static-table';
  asOf?: string;
}

/** Everything one exchange tells us about one symbol, normalised at the edge (src/sites/<ex>/api.ts). */
export interface MarketSeries {
  exchange: Exchange;
  symbol: Symbol;
  /** Bar length in ms (300_000 for 5m). */
  barMs: number;
  candles: readonly Candle[];
  /** Finest OI history available, ascending. */
  openInterest: readonly OpenInterestPoint[];
  markPrice: number;
  indexPrice: number;
  funding?: Funding;
  depth?: DepthBook;
  risk: RiskTier;
  /** True when OI history does not yet cover the map window (Bitget polls its own). */
  oiPartial: boolean;
  fetchedAt: number;
}

export interface Position {
  exchange: Exchange;
  symbol: Symbol;
  side: Side;
  entry: number;
  /** Absolute size in coin. */
  size: number;
  leverage: number;
  marginMode: 'isolated' | 'cross';
  liqPrice?: number;
  source: 'page' | 'manual';
}
