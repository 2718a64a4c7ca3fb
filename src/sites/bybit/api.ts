// Bybit v5 linear public market data (docs/exchange-apis.md §2). Quantities are in coin; arrays
// come newest first and are reversed here.
import * as v from 'valibot';
import type { Candle, DepthBook, LongShortPoint, RiskTier } from '../../engine/types';
import { mergeCandles } from '../shared/assemble-series';
import { sortedBook } from '../shared/book';
import { ApiError } from '../shared/errors';
import { ExchangeFetcher, type ExchangeProfile, type FetchDeps, type Query } from '../shared/fetcher';
import { finishLoad, openLoad } from '../shared/open-load';
import { pageWindows } from '../shared/paging';
import { levelRow, ms, nonNeg, num, parseBody, price } from '../shared/schema';
import { ascending, longShortDue, oiWithUsd } from '../shared/series';
import { BAR_MS, type InstrumentInfo, type LoadRequest, type MarketSource, type SourceState } from '../shared/source';
import { plainCandidates } from '../shared/symbols';
import { optional } from '../shared/util';
import type { Coin, UtcMs } from '../../engine/units';

export const BYBIT_BASE = 'https://api.bybit.com';
const EX = 'bybit' as const;

/** retCode 10006 ("too many visits") in an HTTP 200 body is a rate limit: back off like a 429. */
export function bybitRateLimitCode(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null && (body as { retCode?: unknown }).retCode === 10006 ? '10006' : undefined;
}

/**
 * Budget: 100 requests per 5 s (published: 600 / 5 s / IP). Breaching it is costly: Bybit answers
 * 403 "access too frequent" and wants every session stopped for ≥ 10 minutes.
 */
export const BYBIT_PROFILE: ExchangeProfile = {
  exchange: EX,
  baseUrl: BYBIT_BASE,
  rules: [{ name: 'requests-5s', windowMs: 5_000, max: 100, limit: 600, cost: () => 1 }],
  rateLimitCode: bybitRateLimitCode,
  defaultBackoffMs: (status) => (status === 403 ? 600_000 : 60_000),
  minBackoffMs: (status) => (status === 403 ? 600_000 : 0),
};

/** Bybit envelope {retCode:0, retMsg, result}; a non-zero retCode is an error naming the endpoint. */
function envelope<S extends v.GenericSchema>(result: S) {
  return v.object({ retCode: v.number(), retMsg: v.optional(v.string()), result });
}
function unwrap<S extends v.GenericSchema>(endpoint: string, result: S, body: unknown): v.InferOutput<S> {
  const head = parseBody(EX, endpoint, v.looseObject({ retCode: v.number(), retMsg: v.optional(v.string()) }), body);
  if (head.retCode !== 0) throw new ApiError(EX, endpoint, 'schema', `retCode ${head.retCode}: ${head.retMsg ?? ''}`, { field: 'retCode' });
  return parseBody(EX, endpoint, envelope(result), body).result;
}

/* ------------------------------------------------------------------ parsers (pure) */

const klineRow = v.looseTuple([ms, nonNeg, nonNeg, nonNeg, nonNeg, nonNeg, nonNeg]);
/** Rows [start, o, h, l, c, volume (coin), turnover (USDT)], newest first → ascending candles. */
export function parseKline(body: unknown): Candle[] {
  const r = unwrap('/v5/market/kline', v.object({ list: v.array(klineRow) }), body);
  return ascending(r.list.map((x) => ({ t: x[0], open: x[1], high: x[2], low: x[3], close: x[4], baseVolume: x[5], quoteVolume: x[6] })));
}

const oiRow = v.object({ openInterest: nonNeg, timestamp: ms });
/** OI history in coin (linear), newest first → ascending; USD is added from candles by the caller. */
export function parseOpenInterest(body: unknown): { t: UtcMs; coin: Coin }[] {
  const r = unwrap('/v5/market/open-interest', v.object({ list: v.array(oiRow) }), body);
  return ascending(r.list.map((x) => ({ t: x.timestamp, coin: x.openInterest })));
}

const ticker = v.object({
  symbol: v.string(),
  markPrice: price,
  indexPrice: price,
  fundingRate: num,
  nextFundingTime: ms,
  openInterest: nonNeg,
  openInterestValue: v.optional(nonNeg),
});
export function parseTicker(body: unknown): v.InferOutput<typeof ticker> {
  const r = unwrap('/v5/market/tickers', v.object({ list: v.array(ticker) }), body);
  const t = r.list[0];
  if (!t) throw new ApiError(EX, '/v5/market/tickers', 'empty', 'no ticker for the symbol');
  return t;
}

const book = v.object({ b: v.array(levelRow), a: v.array(levelRow), ts: ms });
export function parseOrderbook(body: unknown): DepthBook {
  const r = unwrap('/v5/market/orderbook', book, body);
  return sortedBook(r.ts, r.b, r.a);
}

const ratioRow = v.object({ buyRatio: nonNeg, sellRatio: nonNeg, timestamp: ms });
export function parseAccountRatio(body: unknown): LongShortPoint[] {
  const r = unwrap('/v5/market/account-ratio', v.object({ list: v.array(ratioRow) }), body);
  return ascending(r.list.map((x) => ({ t: x.timestamp, longShare: x.buyRatio, shortShare: x.sellRatio })));
}

const riskRow = v.object({
  riskLimitValue: nonNeg,
  maintenanceMargin: nonNeg,
  initialMargin: nonNeg,
  isLowestRisk: v.optional(v.number()),
  maxLeverage: nonNeg,
});
/**
 * Tier 1 = the lowest-risk row. Bybit's examples disagree on units (inverse shows "0.5" meaning 0.5 %,
 * linear shows fractions), so the unit is read from the row itself: initial margin × max leverage is
 * 1 for fractions and 100 for percents.
 */
export function parseRiskLimit(body: unknown): RiskTier {
  const r = unwrap('/v5/market/risk-limit', v.object({ list: v.array(riskRow) }), body);
  const rows = [...r.list].sort((a, z) => a.riskLimitValue - z.riskLimitValue);
  const tier = rows.find((x) => x.isLowestRisk === 1) ?? rows[0];
  if (!tier || tier.maxLeverage <= 0) throw new ApiError(EX, '/v5/market/risk-limit', 'empty', 'no risk tier for the symbol', { field: 'list' });
  const percent = tier.initialMargin * tier.maxLeverage > 10;
  return { maintenanceRate: percent ? tier.maintenanceMargin / 100 : tier.maintenanceMargin, maxLeverage: tier.maxLeverage, source: 'api' };
}

const instrument = v.object({
  symbol: v.string(),
  status: v.optional(v.string()),
  fundingInterval: v.optional(nonNeg),
  priceFilter: v.object({ tickSize: nonNeg }),
});
/** tickSize and funding interval (minutes → hours), or null when the symbol is not listed. */
export function parseInstrument(body: unknown): { tickSize: number; fundingIntervalHours: number } | null {
  const r = unwrap('/v5/market/instruments-info', v.object({ list: v.array(instrument) }), body);
  const i = r.list[0];
  if (!i) return null;
  return { tickSize: i.priceFilter.tickSize, fundingIntervalHours: i.fundingInterval ? i.fundingInterval / 60 : 8 };
}

/* ------------------------------------------------------------------ client */

export function bybitSource(deps: FetchDeps = {}): MarketSource {
  const fetcher = new ExchangeFetcher(BYBIT_PROFILE, deps);
  const get = (path: string, query: Query) => fetcher.get(path, { category: 'linear', ...query });

  async function resolveInstrument(symbol: string): Promise<{ instrument: InstrumentInfo; risk: RiskTier }> {
    const candidates = plainCandidates(symbol);
    for (const c of candidates) {
      const info = parseInstrument(await get('/v5/market/instruments-info', { symbol: c.exchangeSymbol }));
      if (!info) continue;
      const k = c.multiplier / candidates[0]!.multiplier;
      const risk = parseRiskLimit(await get('/v5/market/risk-limit', { symbol: c.exchangeSymbol }));
      return { instrument: { exchangeSymbol: c.exchangeSymbol, unitFactor: k, contractSize: 1, tickSize: info.tickSize / k, fundingIntervalHours: info.fundingIntervalHours }, risk };
    }
    throw new ApiError(EX, '/v5/market/instruments-info', 'unlisted', `${symbol} is not listed as a linear perpetual`);
  }

  async function load(req: LoadRequest): Promise<SourceState> {
    const open = await openLoad(EX, req, resolveInstrument);
    const { w, instrument, ctx, sym, k } = open;
    const { symbol, now } = req;

    // Time-windowed pages (limit bars each): newest-first order cannot skip rows.
    const candlesP = pageWindows(w.candleFrom, now, 1000, BAR_MS, async (start, end) =>
      parseKline(await get('/v5/market/kline', { symbol: sym, interval: '5', start, end, limit: 1000 })),
    );
    const oiP = pageWindows(w.oiFrom, now, 200, BAR_MS, async (start, end) =>
      parseOpenInterest(await get('/v5/market/open-interest', { symbol: sym, intervalTime: '5min', startTime: start, endTime: end, limit: 200 })),
    );
    const tickerP = get('/v5/market/tickers', { symbol: sym }).then(parseTicker);
    const bookP = get('/v5/market/orderbook', { symbol: sym, limit: 500 }).then(parseOrderbook);
    const lsP = longShortDue(w.old?.longShort, now, BAR_MS)
      ? get('/v5/market/account-ratio', { symbol: sym, period: '5min', limit: 30 }).then(parseAccountRatio)
      : Promise.resolve(undefined);
    const [rawCandles, oi, tick, depth, ls] = await Promise.all([candlesP, oiP, tickerP, optional(bookP), optional(lsP)]);

    // Bybit's OI history has no USD: value it at the merged candles' closes.
    const candles = mergeCandles(ctx, rawCandles);
    return finishLoad(open, {
      candles,
      openInterest: oiWithUsd(oi.map((p) => ({ t: p.t, coin: p.coin * k })), candles),
      markPrice: tick.markPrice,
      indexPrice: tick.indexPrice,
      funding: { rate: tick.fundingRate, intervalHours: instrument.fundingIntervalHours, nextTime: tick.nextFundingTime },
      depth,
      longShort: ls,
    });
  }

  return { exchange: EX, fetcher, load };
}
