// Bitget v2 mix USDT-FUTURES public market data (docs/exchange-apis.md §4). Quantities are in
// coin. There is NO public OI history: every load polls current OI and the hub persists the series;
// until it covers the map window the series is marked oiPartial.
import * as v from 'valibot';
import type { Candle, DepthBook, LongShortPoint, OpenInterestPoint, RiskTier } from '../../engine/types';
import { mergeCandles } from '../shared/assemble-series';
import { sortedBook } from '../shared/book';
import { unwrapCoded } from '../shared/envelope';
import { ApiError } from '../shared/errors';
import { ExchangeFetcher, type ExchangeProfile, type FetchDeps, type Query } from '../shared/fetcher';
import { finishLoad, openLoad } from '../shared/open-load';
import { pageWindows } from '../shared/paging';
import { levelRow, ms, nonNeg, num, price } from '../shared/schema';
import { ascending, longShortDue, oiCoversWindow, oiInUnits, withTakerBuy } from '../shared/series';
import { BAR_MS, type InstrumentInfo, type LoadRequest, type MarketSource, type SourceState } from '../shared/source';
import { plainCandidates } from '../shared/symbols';
import { dropUndefined, optional } from '../shared/util';
import type { Coin, Fraction, Price, UtcMs } from '../../engine/units';

export const BITGET_BASE = 'https://api.bitget.com';
const EX = 'bitget' as const;
const PRODUCT = 'USDT-FUTURES';
const SLOW = ['/api/v2/mix/market/account-long-short', '/api/v2/mix/market/position-long-short', '/api/v2/mix/market/long-short', '/api/v2/mix/market/taker-buy-sell'];

/**
 * Budget: 10 req/s overall (market endpoints publish 20/s) and 1 per 2 s on each 1-req/s statistics
 * endpoint (its limit over 2 s is taken as 1 too, so a restarted worker waits a window before one).
 */
export const BITGET_PROFILE: ExchangeProfile = {
  exchange: EX,
  baseUrl: BITGET_BASE,
  rules: [
    { name: 'requests-1s', windowMs: 1_000, max: 10, limit: 20, cost: () => 1 },
    { name: 'stats-2s', windowMs: 2_000, max: 1, limit: 1, perEndpoint: true, cost: (p) => (SLOW.includes(p) ? 1 : 0) },
  ],
  defaultBackoffMs: (status) => (status === 403 ? 300_000 : 30_000),
};

/** Bitget answers {code: "00000", msg, data}. */
function unwrap<S extends v.GenericSchema>(endpoint: string, data: S, body: unknown): v.InferOutput<S> {
  return unwrapCoded(EX, '00000', endpoint, data, body);
}

/* ------------------------------------------------------------------ parsers (pure) */

const candleRow = v.looseTuple([ms, nonNeg, nonNeg, nonNeg, nonNeg, nonNeg, nonNeg]);
/** Rows [ts, o, h, l, c, baseVolume (coin), quoteVolume (USDT)]. */
export function parseCandles(body: unknown): Candle[] {
  const rows = unwrap('/api/v2/mix/market/candles', v.array(candleRow), body);
  return ascending(rows.map((r) => ({ t: r[0], open: r[1], high: r[2], low: r[3], close: r[4], baseVolume: r[5], quoteVolume: r[6] })));
}

const oi = v.object({ openInterestList: v.array(v.object({ symbol: v.string(), size: nonNeg })), ts: ms });
/** Current platform OI: `size` is in base coin ("ETH in ETHUSDT"); USD = coin × mark. */
export function parseOpenInterest(body: unknown, symbol: string, price: Price): OpenInterestPoint {
  const d = unwrap('/api/v2/mix/market/open-interest', oi, body);
  // Only the asked symbol's row: another market's OI would be persisted into a history we cannot re-fetch.
  const row = d.openInterestList.find((r) => r.symbol.toUpperCase() === symbol.toUpperCase());
  if (!row) throw new ApiError(EX, '/api/v2/mix/market/open-interest', 'empty', `no open interest for ${symbol}`, { field: 'openInterestList' });
  return { t: d.ts, coin: row.size, usd: row.size * price };
}

const priceRow = v.object({ symbol: v.string(), markPrice: price, indexPrice: price, price: v.optional(nonNeg), ts: v.optional(ms) });
export function parseSymbolPrice(body: unknown): { mark: Price; index: Price; last?: Price } {
  const row = unwrap('/api/v2/mix/market/symbol-price', v.array(priceRow), body)[0];
  if (!row) throw new ApiError(EX, '/api/v2/mix/market/symbol-price', 'empty', 'no price');
  return dropUndefined({ mark: row.markPrice, index: row.indexPrice, last: row.price });
}

const fundRow = v.object({ fundingRate: num, fundingRateInterval: v.optional(nonNeg), nextUpdate: v.optional(ms) });
/** Newer responses carry the interval (hours) and the next settlement; older ones only the rate. */
export function parseCurrentFundRate(body: unknown, now: UtcMs, fallbackIntervalHours: number): { rate: Fraction; intervalHours: number; nextTime: UtcMs } {
  const row = unwrap('/api/v2/mix/market/current-fund-rate', v.array(fundRow), body)[0];
  if (!row) throw new ApiError(EX, '/api/v2/mix/market/current-fund-rate', 'empty', 'no funding rate');
  const intervalHours = row.fundingRateInterval && row.fundingRateInterval > 0 ? row.fundingRateInterval : fallbackIntervalHours;
  const step = intervalHours * 3_600_000;
  return { rate: row.fundingRate, intervalHours, nextTime: row.nextUpdate ?? Math.ceil((now + 1) / step) * step };
}

const depth = v.object({ asks: v.array(levelRow), bids: v.array(levelRow), ts: ms });
export function parseMergeDepth(body: unknown): DepthBook {
  const d = unwrap('/api/v2/mix/market/merge-depth', depth, body);
  return sortedBook(d.ts, d.bids, d.asks);
}

const leverRow = v.object({ level: num, startUnit: nonNeg, endUnit: nonNeg, leverage: nonNeg, keepMarginRate: nonNeg });
export function parsePositionLever(body: unknown): RiskTier {
  const rows = unwrap('/api/v2/mix/market/query-position-lever', v.array(leverRow), body).sort((a, z) => a.level - z.level);
  const t1 = rows[0];
  if (!t1 || t1.leverage <= 0) throw new ApiError(EX, '/api/v2/mix/market/query-position-lever', 'empty', 'no tier 1', { field: 'data' });
  return { maintenanceRate: t1.keepMarginRate, maxLeverage: t1.leverage, source: 'api' };
}

const contractRow = v.object({
  symbol: v.string(),
  pricePlace: num,
  priceEndStep: nonNeg,
  sizeMultiplier: v.optional(nonNeg),
  fundInterval: v.optional(nonNeg),
  maxLever: v.optional(nonNeg),
  symbolStatus: v.optional(v.string()),
});
/** tick = priceEndStep × 10^-pricePlace; null when `symbol` is not in the list. */
export function parseContracts(body: unknown, symbol: string): { tickSize: number; fundingIntervalHours: number } | null {
  const row = unwrap('/api/v2/mix/market/contracts', v.array(contractRow), body).find((r) => r.symbol === symbol);
  if (!row) return null;
  return { tickSize: row.priceEndStep * 10 ** -row.pricePlace, fundingIntervalHours: row.fundInterval && row.fundInterval > 0 ? row.fundInterval : 8 };
}

const lsRow = v.object({ longAccountRatio: nonNeg, shortAccountRatio: nonNeg, ts: ms });
export function parseAccountLongShort(body: unknown): LongShortPoint[] {
  const rows = unwrap('/api/v2/mix/market/account-long-short', v.array(lsRow), body);
  return ascending(rows.map((r) => ({ t: r.ts, longShare: r.longAccountRatio, shortShare: r.shortAccountRatio })));
}

const takerRow = v.object({ buyVolume: nonNeg, sellVolume: nonNeg, ts: ms });
export function parseTakerBuySell(body: unknown): { t: UtcMs; buyCoin: Coin; sellCoin: Coin }[] {
  const rows = unwrap('/api/v2/mix/market/taker-buy-sell', v.array(takerRow), body);
  return ascending(rows.map((r) => ({ t: r.ts, buyCoin: r.buyVolume, sellCoin: r.sellVolume })));
}

/** Re-exported for callers that know Bitget as the exchange that polls its OI. */
export { oiCoversWindow };

/* ------------------------------------------------------------------ client */

export function bitgetSource(deps: FetchDeps = {}): MarketSource {
  const fetcher = new ExchangeFetcher(BITGET_PROFILE, deps);
  const get = (path: string, query: Query) => fetcher.get(path, { productType: PRODUCT, ...query });

  async function resolveInstrument(symbol: string): Promise<{ instrument: InstrumentInfo; risk: RiskTier }> {
    const candidates = plainCandidates(symbol);
    const body = await get('/api/v2/mix/market/contracts', {});
    for (const c of candidates) {
      const info = parseContracts(body, c.exchangeSymbol);
      if (!info) continue;
      const k = c.multiplier / candidates[0]!.multiplier;
      const risk = parsePositionLever(await get('/api/v2/mix/market/query-position-lever', { symbol: c.exchangeSymbol }));
      return { instrument: { exchangeSymbol: c.exchangeSymbol, unitFactor: k, contractSize: 1, tickSize: info.tickSize / k, fundingIntervalHours: info.fundingIntervalHours }, risk };
    }
    throw new ApiError(EX, '/api/v2/mix/market/contracts', 'unlisted', `${symbol} is not listed as a USDT-FUTURES contract`);
  }

  async function load(req: LoadRequest): Promise<SourceState> {
    const open = await openLoad(EX, req, resolveInstrument);
    const { w, instrument, ctx, sym, k } = open;
    const { symbol, now } = req;

    const candlesP = pageWindows(w.candleFrom, now, 1000, BAR_MS, async (start, end) =>
      parseCandles(await get('/api/v2/mix/market/candles', { symbol: sym, granularity: '5m', startTime: start, endTime: end, limit: 1000 })),
    );
    const priceP = get('/api/v2/mix/market/symbol-price', { symbol: sym }).then(parseSymbolPrice);
    const oiRawP = get('/api/v2/mix/market/open-interest', { symbol: sym });
    const fundP = get('/api/v2/mix/market/current-fund-rate', { symbol: sym }).then((b) => parseCurrentFundRate(b, now, instrument.fundingIntervalHours));
    const bookP = get('/api/v2/mix/market/merge-depth', { symbol: sym, limit: 'max' }).then(parseMergeDepth);
    const lsP = longShortDue(w.old?.longShort, now, BAR_MS)
      ? get('/api/v2/mix/market/account-long-short', { symbol: sym, period: '5m' }).then(parseAccountLongShort)
      : Promise.resolve(undefined);
    // Taker split for the recent bars the statistics cover (no time range on this endpoint).
    const takerP = get('/api/v2/mix/market/taker-buy-sell', { symbol: sym, period: '5m' }).then(parseTakerBuySell);
    const [rawCandles, price, oiBody, funding, depth, ls, taker] = await Promise.all([candlesP, priceP, oiRawP, fundP, optional(bookP), optional(lsP), optional(takerP)]);

    const polled = parseOpenInterest(oiBody, sym, price.mark);
    return finishLoad(open, {
      candles: mergeCandles(ctx, withTakerBuy(rawCandles, taker ?? [])),
      openInterest: [oiInUnits(polled, k)],
      markPrice: price.mark,
      indexPrice: price.index,
      funding,
      depth,
      longShort: ls,
    });
  }

  return { exchange: EX, fetcher, load };
}
