/**
 * Local stand-ins for the four exchanges' public REST and WebSocket endpoints, on 127.0.0.1 only.
 * Responses have the documented shapes (docs/exchange-apis.md) with made-up values.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Exchange } from '../../src/engine/types';

export interface FakeExchange {
  restBase: string;
  wsBase: string;
  /** Paths (with query) of every REST request received. */
  requests: string[];
  /** Path of every WebSocket connection and every message the client sent. */
  wsPaths: string[];
  wsReceived: string[];
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Paths (prefix match) that answer HTTP 500. */
  failing?: string[];
  /** Drop the first WebSocket connection right after sending its messages (exchanges drop sockets). */
  dropFirstConnection?: boolean;
}

const MIN = 60_000;

/**
 * Three closed minutes before `cur` (the minute the server started in) and one minute that cannot
 * have closed during a test (cur + 1 min), so the expected count does not depend on the wall clock.
 */
function klineRows(exchange: Exchange, cur: number): unknown[] {
  const open = cur + MIN;
  const rows = [4, 3, 2, 0].map((k) => {
    const t = open - k * MIN;
    const o = 100_000 + 10 * k;
    return { t, o, h: o + 50, l: o - 40, c: o + 5, base: 12.5, quote: 1_250_000 };
  });
  switch (exchange) {
    case 'binance':
      return rows.map((r) => [r.t, String(r.o), String(r.h), String(r.l), String(r.c), String(r.base), r.t + MIN - 1, String(r.quote), 100, '6', '600000', '0']);
    case 'bybit':
      return rows.reverse().map((r) => [String(r.t), String(r.o), String(r.h), String(r.l), String(r.c), String(r.base), String(r.quote)]);
    case 'okx':
      // vol in contracts (×100 for ctVal 0.01), volCcy in coin, volCcyQuote in USDT, confirm
      return rows.reverse().map((r) => [String(r.t), String(r.o), String(r.h), String(r.l), String(r.c), String(r.base * 100), String(r.base), String(r.quote), r.t === open ? '0' : '1']);
    case 'bitget':
      return rows.map((r) => [String(r.t), String(r.o), String(r.h), String(r.l), String(r.c), String(r.base), String(r.quote)]);
  }
}

function rest(exchange: Exchange, path: string, cur: number): unknown {
  const ok = (data: unknown) =>
    exchange === 'bybit' ? { retCode: 0, retMsg: 'OK', result: data, time: Date.now() }
    : exchange === 'okx' ? { code: '0', msg: '', data }
    : { code: '00000', msg: 'success', requestTime: Date.now(), data };
  if (/klines|kline\?|candles/.test(path)) return exchange === 'binance' ? klineRows(exchange, cur) : ok(exchange === 'bybit' ? { category: 'linear', symbol: 'BTCUSDT', list: klineRows(exchange, cur) } : klineRows(exchange, cur));
  switch (exchange) {
    case 'binance':
      if (path.startsWith('/fapi/v1/openInterest')) return { openInterest: '80000.5', symbol: 'BTCUSDT', time: Date.now() };
      if (path.startsWith('/fapi/v1/premiumIndex')) return { symbol: 'BTCUSDT', markPrice: '100010.5', indexPrice: '100000', lastFundingRate: '0.0001', nextFundingTime: 0, time: Date.now() };
      break;
    case 'bybit':
      if (path.startsWith('/v5/market/tickers')) return ok({ category: 'linear', list: [{ symbol: 'BTCUSDT', markPrice: '100020', openInterest: '50000', openInterestValue: '5001000000' }] });
      break;
    case 'okx':
      if (path.startsWith('/api/v5/public/instruments')) return ok([{ instId: 'BTC-USDT-SWAP', ctVal: '0.01' }]);
      if (path.startsWith('/api/v5/public/open-interest')) return ok([{ instId: 'BTC-USDT-SWAP', oi: '2500000', oiCcy: '25000', oiUsd: '2500000000', ts: String(Date.now()) }]);
      if (path.startsWith('/api/v5/public/mark-price')) return ok([{ instId: 'BTC-USDT-SWAP', markPx: '100030', ts: String(Date.now()) }]);
      break;
    case 'bitget':
      if (path.startsWith('/api/v2/mix/market/open-interest')) return ok({ openInterestList: [{ symbol: 'BTCUSDT', size: '34278.06' }], ts: String(Date.now()) });
      if (path.startsWith('/api/v2/mix/market/symbol-price')) return ok([{ symbol: 'BTCUSDT', price: '100000', markPrice: '100040', indexPrice: '100000' }]);
      break;
  }
  return undefined;
}

/** Liquidation messages: one long, one short for BTC, one for another symbol, then one malformed. */
export function liquidationMessages(exchange: Exchange, t: number): string[] {
  switch (exchange) {
    case 'binance':
      return [
        { e: 'forceOrder', E: t, o: { s: 'BTCUSDT', S: 'SELL', o: 'LIMIT', f: 'IOC', q: '0.5', p: '99000', ap: '99100', X: 'FILLED', l: '0.5', z: '0.5', T: t } },
        { e: 'forceOrder', E: t, o: { s: 'BTCUSDT', S: 'BUY', o: 'LIMIT', f: 'IOC', q: '0.2', p: '101000', ap: '0', X: 'FILLED', l: '0', z: '0', T: t + 1 } },
        { e: 'forceOrder', E: t, o: { s: 'ETHUSDT', S: 'SELL', q: '3', p: '3000', ap: '3000', z: '3', T: t } },
        { e: 'forceOrder', E: t, o: { s: 'BTCUSDT', S: 'SELL', q: 'abc', p: '99000', T: t } },
      ].map((m) => JSON.stringify(m));
    case 'bybit':
      return [
        { topic: 'allLiquidation.BTCUSDT', type: 'snapshot', ts: t, data: [{ T: t, s: 'BTCUSDT', S: 'Buy', v: '0.5', p: '99100' }, { T: t + 1, s: 'BTCUSDT', S: 'Sell', v: '0.2', p: '101000' }] },
        { topic: 'allLiquidation.ETHUSDT', type: 'snapshot', ts: t, data: [{ T: t, s: 'ETHUSDT', S: 'Buy', v: '3', p: '3000' }] },
        { topic: 'allLiquidation.BTCUSDT', type: 'snapshot', ts: t, data: [{ T: t, s: 'BTCUSDT', S: 'Maybe', v: '1', p: '99000' }] },
      ].map((m) => JSON.stringify(m));
    case 'okx':
      return [
        { arg: { channel: 'liquidation-orders', instType: 'SWAP' }, data: [
          { instId: 'BTC-USDT-SWAP', instFamily: 'BTC-USDT', details: [
            { side: 'sell', posSide: 'long', bkPx: '99100', sz: '50', bkLoss: '0', ts: String(t) },
            { side: 'buy', posSide: 'net', bkPx: '101000', sz: '20', bkLoss: '0', ts: String(t + 1) },
          ] },
          { instId: 'ETH-USDT-SWAP', instFamily: 'ETH-USDT', details: [{ side: 'sell', posSide: 'long', bkPx: '3000', sz: '30', ts: String(t) }] },
        ] },
        { arg: { channel: 'liquidation-orders', instType: 'SWAP' }, data: [{ instId: 'BTC-USDT-SWAP', details: [{ side: 'sell', posSide: 'long', bkPx: '-1', sz: '1', ts: String(t) }] }] },
      ].map((m) => JSON.stringify(m));
    case 'bitget':
      return [
        { arg: { instType: 'usdt-futures', topic: 'liquidation' }, data: [
          { symbol: 'BTCUSDT', side: 'buy', price: '99100', amount: '49550', ts: String(t) },
          { symbol: 'BTCUSDT', side: 'sell', price: '101000', amount: '20200', ts: String(t + 1) },
          { symbol: 'ETHUSDT', side: 'buy', price: '3000', amount: '9000', ts: String(t) },
        ] },
        '{not json',
      ].map((m) => (typeof m === 'string' ? m : JSON.stringify(m)));
  }
}

export async function startFakeExchange(exchange: Exchange, opts: FakeOptions = {}): Promise<FakeExchange> {
  const requests: string[] = [];
  const wsPaths: string[] = [];
  const wsReceived: string[] = [];
  const cur = Math.floor(Date.now() / MIN) * MIN;
  const http: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const body = opts.failing?.some((p) => path.startsWith(p)) ? undefined : rest(exchange, path, cur);
    if (body === undefined) {
      res.writeHead(opts.failing?.some((p) => path.startsWith(p)) ? 500 : 404, { 'content-type': 'application/json' });
      res.end('{"error":"fake"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', r));
  let connections = 0;
  const send = (sock: WebSocket) => {
    for (const m of liquidationMessages(exchange, Date.now())) sock.send(m);
    if (opts.dropFirstConnection && connections === 1) setTimeout(() => sock.terminate(), 50);
  };
  wss.on('connection', (sock, req) => {
    wsPaths.push(req.url ?? '/');
    connections++;
    sock.on('message', (data) => {
      const text = data.toString();
      wsReceived.push(text);
      if (text === 'ping') sock.send('pong');
      else if (text.includes('subscribe')) send(sock);
    });
    if (exchange === 'binance') send(sock); // stream is chosen by the URL path, no subscribe message
  });
  const restBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const wsBase = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  return {
    restBase,
    wsBase,
    requests,
    wsPaths,
    wsReceived,
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
