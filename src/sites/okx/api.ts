// OKX v5 SWAP public market data (docs/exchange-apis.md §3). Sizes are in CONTRACTS: coin =
// contracts × ctVal. Arrays are strings, newest first. Field lists follow the spec (no live sample was
// recordable); every body is validated, so a shape we got wrong fails loudly with the field named.
import * as v from 'valibot';
import type { Candle, DepthBook, LongShortPoint, OpenInterestPoint, RiskTier } from '../../engine/types';
import { mergeCandles } from '../shared/assemble-series';
import { sortedBook } from '../shared/book';
import { unwrapCoded } from '../shared/envelope';
import { ApiError } from '../shared/errors';
import { ExchangeFetcher, type ExchangeProfile, type FetchDeps, type Query } from '../shared/fetcher';
import { finishLoad, openLoad } from '../shared/open-load';
import { pageBackward } from '../shared/paging';
import { ms, nonNeg, num, price } from '../shared/schema';
import { ascending, longShortDue, oiInUnits, withTakerBuy } from '../shared/series';
import { BAR_MS, type InstrumentInfo, type LoadRequest, type MarketSource, type SourceState } from '../shared/source';
import { splitCanonical } from '../shared/symbols';
import { optional } from '../shared/util';
import type { Coin, Fraction, Price, UtcMs } from '../../engine/units';

export const OKX_BASE = 'https://www.okx.com';
const EX = 'okx' as const;
const RUBIK = '/api/v5/rubik/';

/**
 * Budget: 10 requests / 2 s overall (market endpoints publish 20 / 2 s each) and 4 / 2 s on each rubik
 * statistics endpoint (published ≈ 5 / 2 s per endpoint). OKX answers 429 with code 50011 on breach,
 * and code 50011 can also come in an HTTP 200 body: both back off.
 */
export function okxRateLimitCode(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null && (body as { code?: unknown }).code === '50011' ? '50011' : undefined;
}

export const OKX_PROFILE: ExchangeProfile = {
  exchange: EX,
  baseUrl: OKX_BASE,
  rules: [
    { name: 'requests-2s', windowMs: 2_000, max: 10, limit: 20, cost: () => 1 },
    { name: 'rubik-2s', windowMs: 2_000, max: 4, limit: 5, perEndpoint: true, cost: (p) => (p.startsWith(RUBIK) ? 1 : 0) },
  ],
  rateLimitCode: okxRateLimitCode,
  defaultBackoffMs: (status) => (status === 403 ? 300_000 : 30_000),
};

/** instId for a canonical symbol: BTCUSDT → BTC-USDT-SWAP; 1000PEPEUSDT → PEPE-USDT-SWAP (OKX quotes 1 PEPE). */
export function okxInstId(symbol: string): { instId: string; instFamily: string; unitFactor: number } {
  const { base, quote, multiplier } = splitCanonical(symbol);
  return { instId: `${base}-${quote}-SWAP`, instFamily: `${base}-${quote}`, unitFactor: 1 / multiplier };
}

/** OKX answers {code: "0", msg, data: [rows]}. */
function unwrap<S extends v.GenericSchema>(endpoint: string, row: S, body: unknown): v.InferOutput<S>[] {
  return unwrapCoded(EX, '0', endpoint, v.array(row), body);
}

/* ------------------------------------------------------------------ parsers (pure) */

const candleRow = v.looseTuple([ms, nonNeg, nonNeg, nonNeg, nonNeg, nonNeg, nonNeg, nonNeg]);
/**
 * Rows [ts, o, h, l, c, vol (contracts), volCcy (coin), volCcyQuote (USDT), confirm], newest first.
 * Base volume = contracts × ctVal (the documented unit rule), quote volume = volCcyQuote.
 */
export function parseCandles(body: unknown, ctVal: number, endpoint = '/api/v5/market/candles'): Candle[] {
  const rows = unwrap(endpoint, candleRow, body);
  return ascending(rows.map((r) => ({ t: r[0], open: r[1], high: r[2], low: r[3], close: r[4], baseVolume: r[5] * ctVal, quoteVolume: r[7] })));
}

const oiHistRow = v.looseTuple([ms, nonNeg, nonNeg, nonNeg]);
/** Rows [ts, oi (contracts), oiCcy (coin), oiUsd], newest first. Coin = contracts × ctVal. */
export function parseOpenInterestHistory(body: unknown, ctVal: number): OpenInterestPoint[] {
  const rows = unwrap('/api/v5/rubik/stat/contracts/open-interest-history', oiHistRow, body);
  return ascending(rows.map((r) => ({ t: r[0], coin: r[1] * ctVal, usd: r[3] })));
}

const oiNow = v.object({ instId: v.string(), oi: nonNeg, oiUsd: v.optional(nonNeg), ts: ms });
export function parseOpenInterest(body: unknown, ctVal: number, price: Price): OpenInterestPoint {
  const row = unwrap('/api/v5/public/open-interest', oiNow, body)[0];
  if (!row) throw new ApiError(EX, '/api/v5/public/open-interest', 'empty', 'no open interest for the instrument');
  const coin = row.oi * ctVal;
  return { t: row.ts, coin, usd: row.oiUsd ?? coin * price };
}

export function parseMarkPrice(body: unknown): Price {
  const row = unwrap('/api/v5/public/mark-price', v.object({ instId: v.string(), markPx: price }), body)[0];
  if (!row) throw new ApiError(EX, '/api/v5/public/mark-price', 'empty', 'no mark price');
  return row.markPx;
}

export function parseIndexTicker(body: unknown): Price {
  const row = unwrap('/api/v5/market/index-tickers', v.object({ instId: v.string(), idxPx: price }), body)[0];
  if (!row) throw new ApiError(EX, '/api/v5/market/index-tickers', 'empty', 'no index price');
  return row.idxPx;
}

/** fundingTime is the next settlement; nextFundingTime the one after, so their gap is the interval. */
export function parseFundingRate(body: unknown): { rate: Fraction; nextTime: UtcMs; intervalHours: number } {
  // OKX documents nextFundingTime as possibly "" (e.g. around interval changes): absent, not an error.
  const nextFundingTime = v.optional(v.union([v.literal(''), ms]));
  const row = unwrap('/api/v5/public/funding-rate', v.object({ fundingRate: num, fundingTime: ms, nextFundingTime }), body)[0];
  if (!row) throw new ApiError(EX, '/api/v5/public/funding-rate', 'empty', 'no funding rate');
  const gap = typeof row.nextFundingTime === 'number' ? (row.nextFundingTime - row.fundingTime) / 3_600_000 : 8;
  return { rate: row.fundingRate, nextTime: row.fundingTime, intervalHours: gap > 0 ? gap : 8 };
}

const bookLevel = v.looseTuple([nonNeg, nonNeg]);
/** Levels [px, sz (contracts), "0", orders] → coin via ctVal. */
export function parseBooks(body: unknown, ctVal: number): DepthBook {
  const row = unwrap('/api/v5/market/books', v.object({ asks: v.array(bookLevel), bids: v.array(bookLevel), ts: ms }), body)[0];
  if (!row) throw new ApiError(EX, '/api/v5/market/books', 'empty', 'no order book');
  return sortedBook(row.ts, row.bids, row.asks, ctVal);
}

/** Rows [ts, ratio] (longs ÷ shorts, accounts) newest first → shares long = r/(1+r). */
export function parseLongShortRatio(body: unknown): LongShortPoint[] {
  const rows = unwrap('/api/v5/rubik/stat/contracts/long-short-account-ratio-contract', v.looseTuple([ms, nonNeg]), body);
  return ascending(rows.map((r) => ({ t: r[0], longShare: r[1] / (1 + r[1]), shortShare: 1 / (1 + r[1]) })));
}

/** Taker volume per contract [ts, sellVol, buyVol] (unit=0 → coin), newest first. */
export function parseTakerVolume(body: unknown): { t: UtcMs; buyCoin: Coin; sellCoin: Coin }[] {
  const rows = unwrap('/api/v5/rubik/stat/taker-volume-contract', v.looseTuple([ms, nonNeg, nonNeg]), body);
  return ascending(rows.map((r) => ({ t: r[0], sellCoin: r[1], buyCoin: r[2] })));
}

const tierRow = v.object({ tier: num, mmr: nonNeg, maxLever: nonNeg, instFamily: v.optional(v.string()) });
export function parsePositionTiers(body: unknown): RiskTier {
  const rows = unwrap('/api/v5/public/position-tiers', tierRow, body).sort((a, z) => a.tier - z.tier);
  const t1 = rows[0];
  if (!t1 || t1.maxLever <= 0) throw new ApiError(EX, '/api/v5/public/position-tiers', 'empty', 'no tier 1', { field: 'data' });
  return { maintenanceRate: t1.mmr, maxLeverage: t1.maxLever, source: 'api' };
}

const instrumentRow = v.object({
  instId: v.string(),
  ctVal: v.pipe(nonNeg, v.minValue(Number.MIN_VALUE, 'ctVal must be > 0')),
  ctType: v.optional(v.string()),
  tickSz: nonNeg,
  state: v.optional(v.string()),
});
export function parseInstrument(body: unknown, instId: string): { ctVal: number; tickSize: number } | null {
  const rows = unwrap('/api/v5/public/instruments', instrumentRow, body);
  const row = rows.find((r) => r.instId === instId);
  if (!row) return null;
  if (row.ctType !== undefined && row.ctType !== 'linear') {
    throw new ApiError(EX, '/api/v5/public/instruments', 'schema', `${instId} is ${row.ctType}, expected linear`, { field: 'ctType' });
  }
  return { ctVal: row.ctVal, tickSize: row.tickSz };
}

/* ------------------------------------------------------------------ client */

export function okxSource(deps: FetchDeps = {}): MarketSource {
  const fetcher = new ExchangeFetcher(OKX_PROFILE, deps);
  const get = (path: string, query: Query) => fetcher.get(path, query);

  async function resolveInstrument(symbol: string): Promise<{ instrument: InstrumentInfo; risk: RiskTier }> {
    const ids = okxInstId(symbol);
    const info = parseInstrument(await get('/api/v5/public/instruments', { instType: 'SWAP', instId: ids.instId }), ids.instId);
    if (!info) throw new ApiError(EX, '/api/v5/public/instruments', 'unlisted', `${ids.instId} is not listed`);
    const risk = parsePositionTiers(await get('/api/v5/public/position-tiers', { instType: 'SWAP', tdMode: 'isolated', instFamily: ids.instFamily }));
    const k = ids.unitFactor;
    return { instrument: { exchangeSymbol: ids.instId, unitFactor: k, contractSize: info.ctVal, tickSize: info.tickSize / k, fundingIntervalHours: 8 }, risk };
  }

  async function load(req: LoadRequest): Promise<SourceState> {
    const { symbol, now } = req;
    const open = await openLoad(EX, req, resolveInstrument);
    const { w, instrument, ctx, k } = open;
    const { candleFrom, oiFrom } = w;
    const instId = open.sym;
    const ctVal = instrument.contractSize;

    // /market/candles only reaches back ~1440 bars; older pages come from /market/history-candles.
    let history = false;
    const candlesP = pageBackward(candleFrom, async (before) => {
      if (!history) {
        const rows = parseCandles(await get('/api/v5/market/candles', { instId, bar: '5m', after: before, before: candleFrom - 1, limit: 300 }), ctVal);
        if (rows.length > 0 || before === undefined) return rows;
        history = true;
      }
      const path = '/api/v5/market/history-candles';
      return parseCandles(await get(path, { instId, bar: '5m', after: before, before: candleFrom - 1, limit: 100 }), ctVal, path);
    });
    const oiP = pageBackward(oiFrom, async (before) =>
      parseOpenInterestHistory(
        await get('/api/v5/rubik/stat/contracts/open-interest-history', { instId, period: '5m', begin: oiFrom, end: before !== undefined ? before - 1 : undefined, limit: 100 }),
        ctVal,
      ),
      100,
    );
    const markP = get('/api/v5/public/mark-price', { instType: 'SWAP', instId }).then(parseMarkPrice);
    const indexP = get('/api/v5/market/index-tickers', { instId: instId.replace(/-SWAP$/, '') }).then(parseIndexTicker);
    const fundingP = get('/api/v5/public/funding-rate', { instId }).then(parseFundingRate);
    const bookP = get('/api/v5/market/books', { instId, sz: 400 }).then((b) => parseBooks(b, ctVal));
    const lsP = longShortDue(w.old?.longShort, now, BAR_MS)
      ? get('/api/v5/rubik/stat/contracts/long-short-account-ratio-contract', { instId, period: '5m', limit: 30 }).then(parseLongShortRatio)
      : Promise.resolve(undefined);
    // Taker split for the most recent bars (one page, unit 0 = coin); older bars keep no split.
    const takerP = get('/api/v5/rubik/stat/taker-volume-contract', { instId, period: '5m', unit: 0, begin: candleFrom, limit: 100 }).then(parseTakerVolume);
    const [rawCandles, oi, mark, index, funding, depth, ls, taker] = await Promise.all([
      candlesP, oiP, markP, indexP, fundingP, optional(bookP), optional(lsP), optional(takerP),
    ]);

    // Cursor pages may reach past the resume point: only rows from it on are fresh.
    return finishLoad(open, {
      candles: mergeCandles(ctx, withTakerBuy(rawCandles.filter((c) => c.t >= candleFrom), taker ?? [])),
      openInterest: oi.filter((p) => p.t >= oiFrom).map((p) => oiInUnits(p, k)),
      markPrice: mark,
      indexPrice: index,
      funding,
      depth,
      longShort: ls,
    });
  }

  return { exchange: EX, fetcher, load };
}
