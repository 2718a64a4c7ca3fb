import type { Candle, DepthBook, Exchange, Funding, LongShortPoint, MarketSeries, OpenInterestPoint, RiskTier, Symbol } from '../../engine/types';
import { screenCandles, type SkippedBar } from './bar-check';
import { candleInUnits, levelsInUnits, mergeByTime, oiCoversWindow } from './series';
import { BAR_MS } from './source';
import { dropUndefined } from './util';
import type { Price, UtcMs } from '../../engine/units';

/** Where freshly fetched rows go: which market, which window, which unit factor, what is already held. */
export interface SeriesContext {
  exchange: Exchange;
  symbol: Symbol;
  now: UtcMs;
  windowStart: number;
  /** Exchange unit ÷ canonical unit (see symbols.ts). */
  unitFactor: number;
  old: MarketSeries | undefined;
  /** Where mergeCandles records the fresh bars it skipped (bar-check.ts); the client returns them with its state. */
  skipped?: SkippedBar[];
}

/**
 * Fresh candles (exchange units) into canonical units, merged over the held ones and trimmed to the window.
 * This is every client's edge for bars: a bar that fails the bar check (bar-check.ts) is skipped and
 * recorded in ctx.skipped, and a held bar with the same time is dropped too (it is not confirmed).
 */
export function mergeCandles(ctx: SeriesContext, fresh: readonly Candle[]): Candle[] {
  const { kept, skipped } = screenCandles(fresh.map((c) => candleInUnits(c, ctx.unitFactor)));
  const bad = new Set(skipped.map((b) => b.t));
  const held = (ctx.old?.candles ?? []).filter((c) => !bad.has(c.t));
  ctx.skipped?.push(...skipped.filter((b) => b.t >= ctx.windowStart));
  return mergeByTime(held, kept, ctx.windowStart);
}

export interface SeriesParts {
  /** The merged canonical candles (mergeCandles). */
  candles: Candle[];
  /** Fresh OI points, already canonical (their USD may depend on the merged candles: Bybit). */
  openInterest: readonly OpenInterestPoint[];
  /** Exchange units. */
  markPrice: Price;
  indexPrice: Price;
  funding: Funding;
  /** Exchange units; undefined when the optional request failed or was skipped: the held book stays. */
  depth: DepthBook | undefined;
  /** Undefined when not due or failed: the held points stay. */
  longShort: readonly LongShortPoint[] | undefined;
  risk: RiskTier;
}

/** One exchange's MarketSeries from a load's fresh parts and the previous series, in canonical units. */
export function assembleSeries(ctx: SeriesContext, parts: SeriesParts): MarketSeries {
  const { old, windowStart, unitFactor: k } = ctx;
  const openInterest = mergeByTime(old?.openInterest ?? [], parts.openInterest, windowStart);
  const { depth, longShort } = parts;
  const series: MarketSeries = {
    exchange: ctx.exchange,
    symbol: ctx.symbol,
    barMs: BAR_MS,
    candles: parts.candles,
    openInterest,
    markPrice: parts.markPrice / k,
    indexPrice: parts.indexPrice / k,
    funding: parts.funding,
    depth: depth ? { t: depth.t, bids: levelsInUnits(depth.bids, k), asks: levelsInUnits(depth.asks, k) } : old?.depth,
    risk: parts.risk,
    oiPartial: !oiCoversWindow(openInterest, windowStart),
    longShort: longShort ? mergeByTime(old?.longShort ?? [], longShort, windowStart) : old?.longShort,
    fetchedAt: ctx.now,
  };
  return dropUndefined(series);
}
