/**
 * One bar of backtest input: price, open interest and the realised liquidations of that bar. Both the
 * CoinGlass CSV (csv.ts) and our own recordings (recording.ts) are read into this shape.
 */
export interface BacktestBar {
  /** Bar open time, ms. */
  t: number;
  /** Bar length, ms (3_600_000 for the hourly CSV). */
  barMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Open interest in USD at the bar's open/high/low/close (the CSV's Binance OI). */
  oiOpenUsd: number;
  oiHighUsd: number;
  oiLowUsd: number;
  oiCloseUsd: number;
  /** OI in coin before the bar, when recorded in coin (seeds the engine's state exactly). */
  oiOpenCoin?: number;
  /** Base / quote volume when the source has them (the engine's entry peak is the VWAP; else (H+L+C)/3). */
  baseVolume?: number;
  quoteVolume?: number;
  /**
   * The finest OI series inside the bar, (t, coin) with bar.t < t ≤ bar.t + barMs, ascending, when one
   * was recorded; absent for bar-only data (the adapter then passes OI high and OI close).
   */
  oiPoints?: readonly { t: number; coin: number; usd: number }[];
  /** Realised liquidations of long / short positions in the bar, USD. */
  liqLongUsd: number;
  liqShortUsd: number;
  /** Realised liquidations by price, when the source has them (our recordings): [price, usd]. */
  liqLongByPrice?: readonly (readonly [number, number])[];
  liqShortByPrice?: readonly (readonly [number, number])[];
}

/** Adverse excursions of bar `cur` relative to the previous close (prototype §2). */
export function excursions(prevClose: number, cur: Pick<BacktestBar, 'high' | 'low'>): { long: number; short: number } {
  return {
    long: Math.max(0, (prevClose - cur.low) / prevClose),
    short: Math.max(0, (cur.high - prevClose) / prevClose),
  };
}
