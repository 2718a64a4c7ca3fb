/** What the recorder (tools/recorder) asks Bybit v5 linear and how it reads the answers (docs/exchange-apis.md). */
import { obj, arr, num, pos, first, envelope, kline, liq, RecorderError, type RecorderSpec } from '../shared/recorder-spec';

export const bybitRecorder: RecorderSpec = {
  exchange: 'bybit',
  restBase: 'https://api.bybit.com',
  wsBase: 'wss://stream.bybit.com',
  instrument: (s) => s.toUpperCase(),
  contractCoin: async () => 1,
  klinesPath: (i, limit) => `/v5/market/kline?category=linear&symbol=${i}&interval=1&limit=${limit}`,
  parseKlines(body) {
    const ep = '/v5/market/kline';
    const result = obj(envelope(body, 'bybit', ep, 'retCode', 0, 'result'), 'bybit', ep, 'result');
    return arr(result.list, 'bybit', ep, 'result.list').map((r, i) => kline(r, 'bybit', ep, i, { base: 5, quote: 6 }));
  },
  async snapshot(get, i) {
    const ep = '/v5/market/tickers';
    const result = obj(envelope(await get(`${ep}?category=linear&symbol=${i}`), 'bybit', ep, 'retCode', 0, 'result'), 'bybit', ep, 'result');
    const t = obj(first(result.list, 'bybit', ep, 'result.list'), 'bybit', ep, 'result.list[0]');
    return {
      oiCoin: num(t.openInterest, 'bybit', ep, 'openInterest'),
      oiUsd: num(t.openInterestValue, 'bybit', ep, 'openInterestValue'),
      mark: pos(t.markPrice, 'bybit', ep, 'markPrice'),
    };
  },
  wsPath: () => '/v5/public/linear',
  wsSubscribe: (i) => JSON.stringify({ op: 'subscribe', args: [`allLiquidation.${i}`] }),
  wsPing: { message: JSON.stringify({ op: 'ping' }), everyMs: 20_000 },
  parseLiquidations(msg, i) {
    const ep = 'allLiquidation';
    const m = obj(msg, 'bybit', ep, 'message');
    if (m.topic !== `allLiquidation.${i}`) return [];
    return arr(m.data, 'bybit', ep, 'data').flatMap((d, k) => {
      const o = obj(d, 'bybit', ep, `data[${k}]`);
      if (o.s !== undefined && o.s !== i) return [];
      // Bybit documents S = "Buy" as a liquidated LONG position (exchange-apis.md §2.9).
      const side = o.S === 'Buy' ? 'long' : o.S === 'Sell' ? 'short' : null;
      if (side === null) throw new RecorderError('bybit', ep, `data[${k}].S`, `expected Buy or Sell, got ${JSON.stringify(o.S)}`);
      return [liq(num(o.T, 'bybit', ep, `data[${k}].T`), side, pos(o.p, 'bybit', ep, `data[${k}].p`), pos(o.v, 'bybit', ep, `data[${k}].v`))];
    });
  },
  sources: (i) => ({
    klines: `/v5/market/kline?category=linear&symbol=${i}&interval=1`,
    openInterest: `/v5/market/tickers?category=linear&symbol=${i} (openInterest, openInterestValue)`,
    markPrice: `/v5/market/tickers?category=linear&symbol=${i} (markPrice)`,
    liquidations: `wss /v5/public/linear allLiquidation.${i}`,
  }),
};
