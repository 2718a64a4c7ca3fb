/** What the recorder (tools/recorder) asks Bitget v2 mix USDT-FUTURES and how it reads the answers (docs/exchange-apis.md). */
import { obj, arr, num, pos, first, envelope, kline, RecorderError, type RecorderSpec } from '../shared/recorder-spec';

const PT = 'productType=USDT-FUTURES';
export const bitgetRecorder: RecorderSpec = {
  exchange: 'bitget',
  restBase: 'https://api.bitget.com',
  wsBase: 'wss://ws.bitget.com',
  instrument: (s) => s.toUpperCase(),
  contractCoin: async () => 1,
  klinesPath: (i, limit) => `/api/v2/mix/market/candles?symbol=${i}&${PT}&granularity=1m&limit=${limit}`,
  parseKlines(body) {
    const ep = '/api/v2/mix/market/candles';
    return arr(envelope(body, 'bitget', ep, 'code', '00000', 'data'), 'bitget', ep, 'data').map((r, i) => kline(r, 'bitget', ep, i, { base: 5, quote: 6 }));
  },
  async snapshot(get, i) {
    const ep1 = '/api/v2/mix/market/open-interest';
    const d = obj(envelope(await get(`${ep1}?symbol=${i}&${PT}`), 'bitget', ep1, 'code', '00000', 'data'), 'bitget', ep1, 'data');
    const o = obj(first(d.openInterestList, 'bitget', ep1, 'data.openInterestList'), 'bitget', ep1, 'data.openInterestList[0]');
    const ep2 = '/api/v2/mix/market/symbol-price';
    const raw = envelope(await get(`${ep2}?symbol=${i}&${PT}`), 'bitget', ep2, 'code', '00000', 'data');
    const p = obj(Array.isArray(raw) ? first(raw, 'bitget', ep2, 'data') : raw, 'bitget', ep2, 'data');
    return { oiCoin: num(o.size, 'bitget', ep1, 'size'), mark: pos(p.markPrice, 'bitget', ep2, 'markPrice') };
  },
  wsPath: () => '/v3/ws/public',
  wsSubscribe: () => JSON.stringify({ op: 'subscribe', args: [{ instType: 'usdt-futures', topic: 'liquidation' }] }),
  wsPing: { message: 'ping', everyMs: 30_000 },
  parseLiquidations(msg, i) {
    const ep = 'liquidation';
    if (msg === 'pong') return [];
    const m = obj(msg, 'bitget', ep, 'message');
    if (m.data === undefined) return [];
    return arr(m.data, 'bitget', ep, 'data').flatMap((d, k) => {
      const o = obj(d, 'bitget', ep, `data[${k}]`);
      if (o.symbol !== i) return []; // whole-market topic
      // amount is quote (USDT) and side "buy" is a liquidated long, as aggr reads it [verify live].
      const side = o.side === 'buy' ? 'long' : o.side === 'sell' ? 'short' : null;
      if (side === null) throw new RecorderError('bitget', ep, `data[${k}].side`, `expected buy or sell, got ${JSON.stringify(o.side)}`);
      const price = pos(o.price, 'bitget', ep, `data[${k}].price`);
      const usd = pos(o.amount, 'bitget', ep, `data[${k}].amount`);
      return [{ t: num(o.ts, 'bitget', ep, `data[${k}].ts`), side, price, coin: usd / price, usd }];
    });
  },
  sources: (i) => ({
    klines: `/api/v2/mix/market/candles?symbol=${i}&${PT}&granularity=1m`,
    openInterest: `/api/v2/mix/market/open-interest?symbol=${i}&${PT} (polled: no public history)`,
    markPrice: `/api/v2/mix/market/symbol-price?symbol=${i}&${PT}`,
    liquidations: 'wss /v3/ws/public liquidation (usdt-futures, filtered by symbol)',
  }),
};
