/** What the recorder (tools/recorder) asks OKX v5 SWAP and how it reads the answers (docs/exchange-apis.md). */
import { obj, arr, num, pos, first, envelope, kline, liq, RecorderError, type RecorderSpec } from '../shared/recorder-spec';

export const okxRecorder: RecorderSpec = {
  exchange: 'okx',
  restBase: 'https://www.okx.com',
  wsBase: 'wss://ws.okx.com:8443',
  instrument: (s) => {
    const base = s.toUpperCase().replace(/USDT$/, '');
    return `${base}-USDT-SWAP`;
  },
  async contractCoin(get, i) {
    const ep = '/api/v5/public/instruments';
    const d = obj(first(envelope(await get(`${ep}?instType=SWAP&instId=${i}`), 'okx', ep, 'code', '0', 'data'), 'okx', ep, 'data'), 'okx', ep, 'data[0]');
    return pos(d.ctVal, 'okx', ep, 'ctVal');
  },
  klinesPath: (i, limit) => `/api/v5/market/candles?instId=${i}&bar=1m&limit=${limit}`,
  parseKlines(body) {
    const ep = '/api/v5/market/candles';
    // volCcy (col 6) is already in coin; volCcyQuote (col 7) in USDT.
    return arr(envelope(body, 'okx', ep, 'code', '0', 'data'), 'okx', ep, 'data').map((r, i) => kline(r, 'okx', ep, i, { base: 6, quote: 7 }));
  },
  async snapshot(get, i) {
    const ep1 = '/api/v5/public/open-interest';
    const o = obj(first(envelope(await get(`${ep1}?instType=SWAP&instId=${i}`), 'okx', ep1, 'code', '0', 'data'), 'okx', ep1, 'data'), 'okx', ep1, 'data[0]');
    const ep2 = '/api/v5/public/mark-price';
    const m = obj(first(envelope(await get(`${ep2}?instType=SWAP&instId=${i}`), 'okx', ep2, 'code', '0', 'data'), 'okx', ep2, 'data'), 'okx', ep2, 'data[0]');
    return {
      oiCoin: num(o.oiCcy, 'okx', ep1, 'oiCcy'),
      oiUsd: o.oiUsd === undefined ? undefined : num(o.oiUsd, 'okx', ep1, 'oiUsd'),
      mark: pos(m.markPx, 'okx', ep2, 'markPx'),
    };
  },
  wsPath: () => '/ws/v5/public',
  wsSubscribe: () => JSON.stringify({ op: 'subscribe', args: [{ channel: 'liquidation-orders', instType: 'SWAP' }] }),
  wsPing: { message: 'ping', everyMs: 25_000 },
  parseLiquidations(msg, i, ctVal) {
    const ep = 'liquidation-orders';
    if (msg === 'pong') return [];
    const m = obj(msg, 'okx', ep, 'message');
    if (m.data === undefined) return []; // subscribe acks, errors are events
    return arr(m.data, 'okx', ep, 'data').flatMap((d, k) => {
      const o = obj(d, 'okx', ep, `data[${k}]`);
      if (o.instId !== i) return []; // the channel covers the whole SWAP market
      return arr(o.details, 'okx', ep, `data[${k}].details`).map((x, n) => {
        const f = `data[${k}].details[${n}]`;
        const det = obj(x, 'okx', ep, f);
        // posSide names the position in long/short mode; in net mode a SELL closes (liquidates) a long.
        const side =
          det.posSide === 'long' || det.posSide === 'short'
            ? det.posSide
            : det.side === 'sell'
              ? 'long'
              : det.side === 'buy'
                ? 'short'
                : null;
        if (side === null) throw new RecorderError('okx', ep, `${f}.side`, `expected buy or sell, got ${JSON.stringify(det.side)}`);
        return liq(num(det.ts, 'okx', ep, `${f}.ts`), side, pos(det.bkPx, 'okx', ep, `${f}.bkPx`), pos(det.sz, 'okx', ep, `${f}.sz`) * ctVal);
      });
    });
  },
  sources: (i) => ({
    contract: `/api/v5/public/instruments?instType=SWAP&instId=${i} (ctVal)`,
    klines: `/api/v5/market/candles?instId=${i}&bar=1m`,
    openInterest: `/api/v5/public/open-interest?instType=SWAP&instId=${i}`,
    markPrice: `/api/v5/public/mark-price?instType=SWAP&instId=${i}`,
    liquidations: 'wss /ws/v5/public liquidation-orders (SWAP, filtered by instId; throttled: undercounts)',
  }),
};
