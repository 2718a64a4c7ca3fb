/**
 * The bar check every client applies at its edge (through mergeCandles) and the market cache applies to
 * what it reads back from storage: a bar is usable when it is finite, its prices are > 0, low ≤ open/close
 * ≤ high, and its volumes are ≥ 0. A bad bar is skipped (the rest of the series stays usable) and named,
 * so the exchange's health line can say "bad bar at 12:05 UTC (low above high), skipped".
 */
import type { Candle, OpenInterestPoint } from '../../engine/types';

/** A bar dropped at the edge: its open time and what was wrong with it. */
export interface SkippedBar {
  t: number;
  issue: string;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** What is wrong with a bar, or null when it is usable. */
export function candleIssue(c: Candle): string | null {
  if (!finite(c.t) || c.t < 0) return 'no valid time';
  for (const k of ['open', 'high', 'low', 'close'] as const) {
    if (!finite(c[k]) || c[k] <= 0) return `${k} ${String(c[k])} not a positive price`;
  }
  if (c.low > c.high) return 'low above high';
  if (c.open > c.high || c.close > c.high) return 'open/close above high';
  if (c.open < c.low || c.close < c.low) return 'open/close below low';
  for (const k of ['baseVolume', 'quoteVolume'] as const) {
    if (!finite(c[k]) || c[k] < 0) return `${k} ${String(c[k])} not a volume ≥ 0`;
  }
  if (c.takerBuyBase !== undefined && (!finite(c.takerBuyBase) || c.takerBuyBase < 0)) return 'taker-buy volume not ≥ 0';
  return null;
}

/** What is wrong with an OI point, or null when it is usable. */
export function oiIssue(p: OpenInterestPoint): string | null {
  if (!finite(p.t) || p.t < 0) return 'no valid time';
  if (!finite(p.coin) || p.coin < 0 || !finite(p.usd) || p.usd < 0) return 'open interest not a finite amount ≥ 0';
  return null;
}

/** The usable bars (order kept) and the skipped ones. */
export function screenCandles(candles: readonly Candle[]): { kept: Candle[]; skipped: SkippedBar[] } {
  const kept: Candle[] = [];
  const skipped: SkippedBar[] = [];
  for (const c of candles) {
    const issue = candleIssue(c);
    if (issue === null) kept.push(c);
    else skipped.push({ t: c.t, issue });
  }
  return { kept, skipped };
}
