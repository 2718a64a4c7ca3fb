/**
 * Raw API response texts, in each exchange's own format and page sizes (docs/exchange-apis.md §6),
 * for a synthetic market: what the hub would have downloaded to build the same series. Used by the
 * engine benchmark to compare engine time with JSON.parse time of its inputs. Numbers as strings, as the
 * exchanges send them.
 */
import type { MarketSeries } from '../../src/engine/types';

const s = (x: number, d = 2) => x.toFixed(d);

function pages<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function depthLevels(mark: number, n: number, dir: 1 | -1, contracts = 1): [string, string][] {
  return Array.from({ length: n }, (_, i) => [s(mark * (1 + (dir * (i + 1)) / 20_000), 1), s((0.2 + (i % 7)) / contracts, 3)]);
}

function binance(series: MarketSeries): string[] {
  const klines = pages(series.candles, 1500).map((p) =>
    JSON.stringify(
      p.map((c) => [
        c.t, s(c.open), s(c.high), s(c.low), s(c.close), s(c.baseVolume, 3), c.t + series.barMs - 1,
        s(c.quoteVolume, 5), 1000 + Math.round(c.baseVolume * 10), s(c.takerBuyBase ?? 0, 3),
        s((c.takerBuyBase ?? 0) * (c.quoteVolume / Math.max(c.baseVolume, 1e-9)), 5), '0',
      ]),
    ),
  );
  const oi = pages(series.openInterest, 500).map((p) =>
    JSON.stringify(p.map((o) => ({ symbol: series.symbol, sumOpenInterest: s(o.coin, 8), sumOpenInterestValue: s(o.usd, 8), timestamp: String(o.t) }))),
  );
  const premium = JSON.stringify({
    symbol: series.symbol, markPrice: s(series.markPrice, 8), indexPrice: s(series.indexPrice, 8),
    estimatedSettlePrice: s(series.markPrice, 8), lastFundingRate: '0.00010000', interestRate: '0.00010000',
    nextFundingTime: series.funding?.nextTime ?? 0, time: series.fetchedAt,
  });
  const depth = JSON.stringify({ lastUpdateId: 1, E: series.fetchedAt, T: series.fetchedAt, bids: depthLevels(series.markPrice, 100, -1), asks: depthLevels(series.markPrice, 100, 1) });
  return [...klines, ...oi, premium, depth];
}

function bybit(series: MarketSeries): string[] {
  const desc = [...series.candles].reverse();
  const klines = pages(desc, 1000).map((p) =>
    JSON.stringify({
      retCode: 0, retMsg: 'OK',
      result: { symbol: series.symbol, category: 'linear', list: p.map((c) => [String(c.t), s(c.open), s(c.high), s(c.low), s(c.close), s(c.baseVolume, 3), s(c.quoteVolume, 4)]) },
      retExtInfo: {}, time: series.fetchedAt,
    }),
  );
  const oi = pages([...series.openInterest].reverse(), 200).map((p, i) =>
    JSON.stringify({
      retCode: 0, retMsg: 'OK',
      result: { symbol: series.symbol, category: 'linear', list: p.map((o) => ({ openInterest: s(o.coin, 8), timestamp: String(o.t) })), nextPageCursor: `lastid%3D${44487872 + i}` },
      retExtInfo: {}, time: series.fetchedAt,
    }),
  );
  const ticker = JSON.stringify({
    retCode: 0, retMsg: 'OK',
    result: { category: 'linear', list: [{ symbol: series.symbol, lastPrice: s(series.markPrice, 2), markPrice: s(series.markPrice, 2), indexPrice: s(series.indexPrice, 2), openInterest: s(series.openInterest.at(-1)?.coin ?? 0, 3), fundingRate: '0.0001', nextFundingTime: String(series.funding?.nextTime ?? 0) }] },
    retExtInfo: {}, time: series.fetchedAt,
  });
  const book = JSON.stringify({ retCode: 0, retMsg: 'OK', result: { s: series.symbol, b: depthLevels(series.markPrice, 200, -1), a: depthLevels(series.markPrice, 200, 1), ts: series.fetchedAt, u: 1, seq: 1 }, retExtInfo: {}, time: series.fetchedAt });
  return [...klines, ...oi, ticker, book];
}

function okx(series: MarketSeries): string[] {
  const ctVal = 0.01;
  const desc = [...series.candles].reverse();
  const candles = pages(desc, 300).map((p) =>
    JSON.stringify({ code: '0', msg: '', data: p.map((c) => [String(c.t), s(c.open, 1), s(c.high, 1), s(c.low, 1), s(c.close, 1), s(c.baseVolume / ctVal, 0), s(c.baseVolume, 2), s(c.quoteVolume, 2), '1']) }),
  );
  const oi = pages([...series.openInterest].reverse(), 100).map((p) =>
    JSON.stringify({ code: '0', msg: '', data: p.map((o) => [String(o.t), s(o.coin / ctVal, 0), s(o.coin, 2), s(o.usd, 2)]) }),
  );
  const mark = JSON.stringify({ code: '0', msg: '', data: [{ instType: 'SWAP', instId: 'BTC-USDT-SWAP', markPx: s(series.markPrice, 1), ts: String(series.fetchedAt) }] });
  const funding = JSON.stringify({ code: '0', msg: '', data: [{ instType: 'SWAP', instId: 'BTC-USDT-SWAP', fundingRate: '0.0001', fundingTime: String(series.fetchedAt), nextFundingTime: String(series.funding?.nextTime ?? 0) }] });
  const book = JSON.stringify({ code: '0', msg: '', data: [{ asks: depthLevels(series.markPrice, 400, 1, ctVal).map((l) => [...l, '0', '3']), bids: depthLevels(series.markPrice, 400, -1, ctVal).map((l) => [...l, '0', '3']), ts: String(series.fetchedAt) }] });
  return [...candles, ...oi, mark, funding, book];
}

function bitget(series: MarketSeries): string[] {
  // No OI history endpoint: the hub polls and stores it, so only candles and snapshots are raw responses.
  const candles = pages(series.candles, 1000).map((p) =>
    JSON.stringify({ code: '00000', msg: 'success', requestTime: series.fetchedAt, data: p.map((c) => [String(c.t), s(c.open, 1), s(c.high, 1), s(c.low, 1), s(c.close, 1), s(c.baseVolume, 4), s(c.quoteVolume, 4)]) }),
  );
  const oi = JSON.stringify({ code: '00000', msg: 'success', requestTime: series.fetchedAt, data: { openInterestList: [{ symbol: series.symbol, size: s(series.openInterest.at(-1)?.coin ?? 0, 2) }], ts: String(series.fetchedAt) } });
  const book = JSON.stringify({ code: '00000', msg: 'success', requestTime: series.fetchedAt, data: { asks: depthLevels(series.markPrice, 100, 1), bids: depthLevels(series.markPrice, 100, -1), ts: String(series.fetchedAt), scale: '0.1', precision: 'scale0', isMaxPrecision: 'NO' } });
  return [...candles, oi, book];
}

/** Every raw response text the hub would have parsed to obtain `series`. */
export function rawResponses(series: MarketSeries): string[] {
  switch (series.exchange) {
    case 'binance':
      return binance(series);
    case 'bybit':
      return bybit(series);
    case 'okx':
      return okx(series);
    case 'bitget':
      return bitget(series);
  }
}
