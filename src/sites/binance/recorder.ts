/** What the recorder (tools/recorder) asks Binance USDⓈ-M and how it reads the answers (docs/exchange-apis.md). */
import { obj, arr, num, pos, kline, liq, RecorderError, type RecorderSpec } from '../shared/recorder-spec';

export const binanceRecorder: RecorderSpec = {
  exchange: 'binance',
  restBase: 'https://fapi.binance.com',
  wsBase: 'wss://fstream.binance.com',
  instrument: (s) => s.toUpperCase(),
  contractCoin: async () => 1,
  klinesPath: (i, limit) => `/fapi/v1/klines?symbol=${i}&interval=1m&limit=${limit}`,
  parseKlines(body) {
    const ep = '/fapi/v1/klines';
    return arr(body, 'binance', ep, 'body').map((r, i) => kline(r, 'binance', ep, i, { base: 5, quote: 7 }));
  },
  async snapshot(get, i) {
    const ep1 = '/fapi/v1/openInterest';
    const oi = obj(await get(`${ep1}?symbol=${i}`), 'binance', ep1, 'body');
    const ep2 = '/fapi/v1/premiumIndex';
    const pi = obj(await get(`${ep2}?symbol=${i}`), 'binance', ep2, 'body');
    return { oiCoin: num(oi.openInterest, 'binance', ep1, 'openInterest'), mark: pos(pi.markPrice, 'binance', ep2, 'markPrice') };
  },
  // Routed /market path (legacy unrouted URLs retired 2026-04-23, exchange-apis.md §1).
  wsPath: (i) => `/market/ws/${i.toLowerCase()}@forceOrder`,
  wsSubscribe: () => undefined,
  parseLiquidations(msg, i) {
    const ep = 'forceOrder';
    let m = obj(msg, 'binance', ep, 'message');
    if (m.data !== undefined && m.stream !== undefined) m = obj(m.data, 'binance', ep, 'data'); // combined stream
    if (m.e !== 'forceOrder') return [];
    const o = obj(m.o, 'binance', ep, 'o');
    if (o.s !== i) return [];
    const ap = o.ap === undefined ? 0 : num(o.ap, 'binance', ep, 'o.ap');
    const price = ap > 0 ? ap : pos(o.p, 'binance', ep, 'o.p');
    const filled = o.z === undefined ? 0 : num(o.z, 'binance', ep, 'o.z');
    const coin = filled > 0 ? filled : pos(o.q, 'binance', ep, 'o.q');
    // The liquidation order SELLs a long position and BUYs back a short one.
    const side = o.S === 'SELL' ? 'long' : o.S === 'BUY' ? 'short' : null;
    if (side === null) throw new RecorderError('binance', ep, 'o.S', `expected SELL or BUY, got ${JSON.stringify(o.S)}`);
    return [liq(num(o.T ?? m.E, 'binance', ep, 'o.T'), side, price, coin)];
  },
  sources: (i) => ({
    klines: `/fapi/v1/klines?symbol=${i}&interval=1m`,
    openInterest: `/fapi/v1/openInterest?symbol=${i}`,
    markPrice: `/fapi/v1/premiumIndex?symbol=${i}`,
    liquidations: `wss /market/ws/${i.toLowerCase()}@forceOrder (at most one per symbol per second: undercounts)`,
  }),
};
