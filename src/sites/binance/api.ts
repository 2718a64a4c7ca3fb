// Binance USDⓈ-M futures public market data (docs/exchange-apis.md §1). Quantities are in coin.
import * as v from 'valibot';
import type { Candle, DepthBook, LongShortPoint, OpenInterestPoint } from '../../engine/types';
import { assembleSeries, mergeCandles } from '../shared/assemble-series';
import type { SkippedBar } from '../shared/bar-check';
import { sortedBook } from '../shared/book';
import { ApiError } from '../shared/errors';
import { ExchangeFetcher, type ExchangeProfile, type FetchDeps, type Query } from '../shared/fetcher';
import { loadWindow } from '../shared/load-window';
import { pageForward, pageWindows } from '../shared/paging';
import { levelRow, ms, nonNeg, num, parseBody, price } from '../shared/schema';
import { ascending, longShortDue, oiInUnits } from '../shared/series';
import { BAR_MS, type InstrumentInfo, type LoadRequest, type MarketSource, type SourceState } from '../shared/source';
import { plainCandidates } from '../shared/symbols';
import { optional } from '../shared/util';
import { binanceTier1 } from './brackets';
import type { Coin, Fraction, Price, UtcMs } from '../../engine/units';

export const BINANCE_BASE = 'https://fapi.binance.com';
const EX = 'binance' as const;

/** Kline request weight by limit (Kline-Candlestick-Data page). */
export function klineWeight(limit: number): number {
  return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
}
/** Depth request weight by limit (Order-Book page). */
export function depthWeight(limit: number): number {
  return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
}

export function binanceWeight(path: string, query: Query): number {
  if (path.startsWith('/futures/data/')) return 0;
  if (path === '/fapi/v1/klines') return klineWeight(Number(query.limit ?? 500));
  if (path === '/fapi/v1/depth') return depthWeight(Number(query.limit ?? 500));
  return 1;
}

/** Published request-weight limit per minute per IP. */
export const BINANCE_WEIGHT_LIMIT = 2400;

/**
 * The IP's used weight (all apps on it) is in X-MBX-USED-WEIGHT-1M: past 80 % of the limit, pause
 * until the minute rolls over rather than risk a 429 and an escalating 418 ban.
 */
export function binanceWeightPause(headers: Headers, now: number): number | undefined {
  const used = Number(headers.get('x-mbx-used-weight-1m'));
  if (!Number.isFinite(used) || used < 0.8 * BINANCE_WEIGHT_LIMIT) return undefined;
  return Math.floor(now / 60_000) * 60_000 + 60_000;
}

/** Binance's "too many requests" code (-1003), should it come in an HTTP 200 body. */
export function binanceRateLimitCode(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null && (body as { code?: unknown }).code === -1003 ? '-1003' : undefined;
}

/**
 * Budget: half the published 2400 weight/min, and 400 of the ~1000 futures/data requests per 5 min
 * (that endpoint family has its own IP limit, weight 0).
 */
export const BINANCE_PROFILE: ExchangeProfile = {
  exchange: EX,
  baseUrl: BINANCE_BASE,
  rules: [
    { name: 'weight-1m', windowMs: 60_000, max: 1200, limit: BINANCE_WEIGHT_LIMIT, cost: (_p, w) => w },
    { name: 'futures-data-5m', windowMs: 300_000, max: 400, limit: 1000, cost: (p) => (p.startsWith('/futures/data/') ? 1 : 0) },
  ],
  weight: binanceWeight,
  pauseFromHeaders: binanceWeightPause,
  rateLimitCode: binanceRateLimitCode,
  // 418 is an IP ban that escalates from 2 min: never come back sooner.
  defaultBackoffMs: (status) => (status === 418 ? 120_000 : status === 403 ? 300_000 : 60_000),
};

/* ------------------------------------------------------------------ parsers (pure) */

const klineRow = v.looseTuple([ms, nonNeg, nonNeg, nonNeg, nonNeg, nonNeg, ms, nonNeg, num, nonNeg]);
export function parseKlines(body: unknown): Candle[] {
  const rows = parseBody(EX, '/fapi/v1/klines', v.array(klineRow), body);
  return ascending(
    rows.map((r) => ({ t: r[0], open: r[1], high: r[2], low: r[3], close: r[4], baseVolume: r[5], quoteVolume: r[7], takerBuyBase: r[9] })),
  );
}

const oiNow = v.object({ openInterest: nonNeg, symbol: v.string(), time: ms });
/** Current OI in coin (USD needs a price: pass the mark). */
export function parseOpenInterest(body: unknown, price: Price): OpenInterestPoint {
  const b = parseBody(EX, '/fapi/v1/openInterest', oiNow, body);
  return { t: b.time, coin: b.openInterest, usd: b.openInterest * price };
}

const oiHistRow = v.object({ sumOpenInterest: nonNeg, sumOpenInterestValue: nonNeg, timestamp: ms });
export function parseOpenInterestHist(body: unknown): OpenInterestPoint[] {
  const rows = parseBody(EX, '/futures/data/openInterestHist', v.array(oiHistRow), body);
  return ascending(rows.map((r) => ({ t: r.timestamp, coin: r.sumOpenInterest, usd: r.sumOpenInterestValue })));
}

const ratioRow = v.object({ longAccount: nonNeg, shortAccount: nonNeg, timestamp: ms });
/** Any of the three long/short endpoints (global, top accounts, top positions): same row shape. */
export function parseLongShort(body: unknown, endpoint = '/futures/data/globalLongShortAccountRatio'): LongShortPoint[] {
  const rows = parseBody(EX, endpoint, v.array(ratioRow), body);
  return ascending(rows.map((r) => ({ t: r.timestamp, longShare: r.longAccount, shortShare: r.shortAccount })));
}

const takerRow = v.object({ buyVol: nonNeg, sellVol: nonNeg, timestamp: ms });
export function parseTakerVolume(body: unknown): { t: UtcMs; buyCoin: Coin; sellCoin: Coin }[] {
  const rows = parseBody(EX, '/futures/data/takerlongshortRatio', v.array(takerRow), body);
  return ascending(rows.map((r) => ({ t: r.timestamp, buyCoin: r.buyVol, sellCoin: r.sellVol })));
}

const premium = v.object({ symbol: v.string(), markPrice: price, indexPrice: price, lastFundingRate: num, nextFundingTime: ms, time: ms });
export function parsePremiumIndex(body: unknown): { mark: Price; index: Price; fundingRate: Fraction; nextFundingTime: UtcMs; t: UtcMs } {
  const b = parseBody(EX, '/fapi/v1/premiumIndex', premium, body);
  return { mark: b.markPrice, index: b.indexPrice, fundingRate: b.lastFundingRate, nextFundingTime: b.nextFundingTime, t: b.time };
}

const depth = v.object({ bids: v.array(levelRow), asks: v.array(levelRow), T: v.optional(ms), E: v.optional(ms) });
export function parseDepth(body: unknown, fallbackT: UtcMs): DepthBook {
  const b = parseBody(EX, '/fapi/v1/depth', depth, body);
  return sortedBook(b.T ?? b.E ?? fallbackT, b.bids, b.asks);
}

const exchangeInfo = v.object({
  symbols: v.array(
    v.object({
      symbol: v.string(),
      contractType: v.optional(v.string()),
      status: v.optional(v.string()),
      filters: v.array(v.looseObject({ filterType: v.string(), tickSize: v.optional(nonNeg) })),
    }),
  ),
});
/** Tick size of `symbol` from exchangeInfo, or null when the symbol is not listed as a perpetual. */
export function parseExchangeInfo(body: unknown, symbol: string): { tickSize: number } | null {
  const b = parseBody(EX, '/fapi/v1/exchangeInfo', exchangeInfo, body);
  const s = b.symbols.find((x) => x.symbol === symbol && (x.contractType ?? 'PERPETUAL') === 'PERPETUAL');
  if (!s) return null;
  const tick = s.filters.find((f) => f.filterType === 'PRICE_FILTER')?.tickSize;
  if (tick === undefined || tick <= 0) throw new ApiError(EX, '/fapi/v1/exchangeInfo', 'schema', `no PRICE_FILTER.tickSize for ${symbol}`, { field: 'filters.tickSize' });
  return { tickSize: tick };
}

/* ------------------------------------------------------------------ client */

export function binanceSource(deps: FetchDeps = {}): MarketSource {
  const fetcher = new ExchangeFetcher(BINANCE_PROFILE, deps);
  const get = (path: string, query: Query) => fetcher.get(path, query);

  async function resolveInstrument(symbol: string): Promise<InstrumentInfo> {
    // exchangeInfo without a symbol lists every contract: one request (weight 1) resolves 1000-prefixed names too.
    const body = await get('/fapi/v1/exchangeInfo', {});
    for (const c of plainCandidates(symbol)) {
      const info = parseExchangeInfo(body, c.exchangeSymbol);
      if (!info) continue;
      const k = c.multiplier / plainCandidates(symbol)[0]!.multiplier;
      return { exchangeSymbol: c.exchangeSymbol, unitFactor: k, contractSize: 1, tickSize: info.tickSize / k, fundingIntervalHours: 8 };
    }
    throw new ApiError(EX, '/fapi/v1/exchangeInfo', 'unlisted', `${symbol} is not listed as a USDⓈ-M perpetual`);
  }

  async function load(req: LoadRequest): Promise<SourceState> {
    const { symbol, now } = req;
    const w = loadWindow(req);
    const instrument = w.cached ? w.cached.instrument : await resolveInstrument(symbol);
    const sym = instrument.exchangeSymbol;
    const k = instrument.unitFactor;
    const ctx = { ...w, exchange: EX, symbol, now, unitFactor: k, skipped: [] as SkippedBar[] };

    // Ask for no more rows than needed: a warm refresh of a few bars costs weight 1 instead of 5.
    const klineLimit = Math.min(1000, Math.floor((now - w.candleFrom) / BAR_MS) + 2);
    const candlesP = pageForward(w.candleFrom, now, klineLimit, BAR_MS, async (start) =>
      parseKlines(await get('/fapi/v1/klines', { symbol: sym, interval: '5m', startTime: start, limit: klineLimit })),
    );
    const oiP = pageWindows(w.oiFrom, now, 500, BAR_MS, async (start, end) =>
      parseOpenInterestHist(await get('/futures/data/openInterestHist', { symbol: sym, period: '5m', startTime: start, endTime: end, limit: 500 })),
    );
    const premiumP = get('/fapi/v1/premiumIndex', { symbol: sym }).then(parsePremiumIndex);
    const depthP = get('/fapi/v1/depth', { symbol: sym, limit: 500 }).then((b) => parseDepth(b, now));
    const lsP = longShortDue(w.old?.longShort, now, BAR_MS)
      ? get('/futures/data/globalLongShortAccountRatio', { symbol: sym, period: '5m', limit: 30 }).then((b) => parseLongShort(b))
      : Promise.resolve(undefined);
    const [candles, oi, prem, book, ls] = await Promise.all([candlesP, oiP, premiumP, optional(depthP), optional(lsP)]);

    const series = assembleSeries(ctx, {
      candles: mergeCandles(ctx, candles),
      openInterest: oi.map((p) => oiInUnits(p, k)),
      markPrice: prem.mark,
      indexPrice: prem.index,
      funding: { rate: prem.fundingRate, intervalHours: instrument.fundingIntervalHours, nextTime: prem.nextFundingTime },
      depth: book,
      risk: binanceTier1(sym),
      longShort: ls,
    });
    return { series, instrument, instrumentAt: w.instrumentAt, ...(ctx.skipped.length > 0 ? { skipped: ctx.skipped } : {}) };
  }

  return { exchange: EX, fetcher, load };
}
