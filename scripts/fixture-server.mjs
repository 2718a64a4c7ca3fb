// Local HTTPS stand-in for the four exchanges: trading pages and public market APIs, on 127.0.0.1 only.
// Chromium reaches it through --host-resolver-rules (see scripts/browser.mjs); nothing leaves loopback.
//
// Routing is on the Host header, from the exchange registry (src/sites/index.ts):
//   each exchange's page host  → fixture trading pages (test/fixtures/pages)
//   each exchange's API hosts  → scripts/fixtures/api/<exchange>.mjs (a host that also serves pages: /api/*)
// Scenarios (per exchange or all) make the APIs fail the ways real ones do: see SCENARIOS.
import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCert } from './cert.mjs';
import { withBadBar } from './fixtures/bad-bar.mjs';
import { tsImport } from 'tsx/esm/api';
import { composeFixturePage } from '../test/fixtures/pages/compose.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The registry is TypeScript; tsx loads it (plain data, no browser APIs). */
const { SITES } = await tsImport('../src/sites/index.ts', import.meta.url);

export const EXCHANGES = SITES.map((s) => s.id);

/** Trading-page hosts → exchange. */
export const PAGE_HOSTS = Object.fromEntries(SITES.map((s) => [s.pageHost, s.id]));
/** Public API hosts → exchange, for hosts that serve only the API (one that also serves pages: /api/*). */
export const API_HOSTS = Object.fromEntries(SITES.flatMap((s) => s.apiHosts.filter((h) => !(h in PAGE_HOSTS)).map((h) => [h, s.id])));
const SHARED_API_HOSTS = Object.fromEntries(SITES.flatMap((s) => s.apiHosts.filter((h) => h in PAGE_HOSTS).map((h) => [h, s.id])));
/**
 * Trading-page paths per exchange: a trading path prefix (with an optional locale segment) and one
 * symbol segment; anything else on the host is a "not a trading page" page.
 */
// Locale segments of up to three parts: en, zh-CN, zh-hans, es-la, zh-hans-ae (OKX's hreflang list).
const LOCALE = '(?:/[a-z]{2,3}(?:-[A-Za-z0-9]{2,4}){0,2})?';
const escapeRe = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const TRADING_PATHS = Object.fromEntries(
  SITES.map((s) => [s.id, new RegExp(`^${LOCALE}/(?:${s.tradingPaths.map(escapeRe).join('|')})[A-Za-z0-9-]+$`)]),
);
export const ALL_HOSTS = [...Object.keys(PAGE_HOSTS), ...Object.keys(API_HOSTS)];

/**
 * normal      — fixtures as recorded
 * 429         — HTTP 429 with Retry-After: 2 (Binance/OKX/Bitget style rate limit)
 * 418         — HTTP 418 with Retry-After: 5 (Binance IP ban)
 * 403         — HTTP 403 (Bybit "access too frequent" / WAF)
 * 500         — HTTP 500
 * malformed   — HTTP 200 with a truncated JSON body
 * slow        — answers after 20 s (longer than the client timeout)
 * price-step  — API handlers move mark/last price (see each handler); pages unaffected
 */
export const SCENARIOS = ['normal', '429', '418', '403', '500', 'malformed', 'slow', 'price-step', 'bad-bar'];

const apiHandlers = new Map();
async function apiHandler(exchange) {
  if (!apiHandlers.has(exchange)) {
    const file = path.join(ROOT, 'scripts/fixtures/api', `${exchange}.mjs`);
    apiHandlers.set(exchange, fs.existsSync(file) ? await import(pathToFileURL(file).href) : null);
  }
  return apiHandlers.get(exchange);
}

function exchangeForApi(host, pathname) {
  if (API_HOSTS[host]) return API_HOSTS[host];
  if (SHARED_API_HOSTS[host] && pathname.startsWith('/api/')) return SHARED_API_HOSTS[host];
  return null;
}

const PAGE_CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

/** Fixture page for an exchange, with its chart fragment (test/fixtures/chart/<ex>.html). */
function renderPage(exchange) {
  const chartFile = path.join(ROOT, 'test/fixtures/chart', `${exchange}.html`);
  const chart = fs.existsSync(chartFile) ? fs.readFileSync(chartFile, 'utf8') : '<div class="chart-placeholder">chart</div>';
  return composeFixturePage(exchange, chart);
}

/** Static files shared by fixture pages (fake TradingView iframe, lightweight-charts build…). */
function staticFile(pathname) {
  const rel = pathname.replace(/^\/__fixture\//, '');
  if (rel.includes('..')) return null;
  if (rel === 'lightweight-charts.js') {
    return path.join(ROOT, 'node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js');
  }
  const file = path.join(ROOT, 'test/fixtures/static', rel);
  return fs.existsSync(file) ? file : null;
}

/**
 * Starts the server. Returns { port, url, log, setScenario(name, exchange?), close() }.
 * `log` records every request (host, method, path, time) so tests can prove where traffic went.
 */
export async function startFixtureServer({ port = 0, host = '127.0.0.1', quiet = true } = {}) {
  const { key, cert } = ensureCert(ALL_HOSTS);
  const scenarios = Object.fromEntries(EXCHANGES.map((e) => [e, 'normal']));
  const log = [];
  const sockets = new Set();
  const server = https.createServer({ key, cert }, async (req, res) => {
    const hostHeader = String(req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${hostHeader}`);
    log.push({ host: hostHeader, method: req.method, path: url.pathname + url.search, t: Date.now() });
    if (!quiet) console.log(`${hostHeader} ${req.method} ${url.pathname}${url.search}`);
    try {
      await route(hostHeader, url, req, res);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fixture server error: ${err instanceof Error ? err.stack : String(err)}`);
    }
  });

  async function route(hostHeader, url, req, res) {
    if (url.pathname.startsWith('/__control/')) return control(url, req, res);
    if (url.pathname === '/__fixture/candles') return chartCandles(url, res);
    if (url.pathname.startsWith('/__fixture/')) {
      const file = staticFile(url.pathname);
      if (!file) return notFound(res);
      res.writeHead(200, { 'content-type': PAGE_CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      return res.end(fs.readFileSync(file));
    }
    const apiExchange = exchangeForApi(hostHeader, url.pathname);
    if (apiExchange) return api(apiExchange, url, res);
    const pageExchange = PAGE_HOSTS[hostHeader];
    if (pageExchange) {
      if (url.pathname === '/favicon.ico') return notFound(res);
      // ?redirect=http: the page answers with a same-origin redirect to its /en/ form, as Bybit's
      // /trade/usdt/X → /en/trade/usdt/X may (the kit's ?redirect=replace does it client-side instead).
      if (url.searchParams.get('redirect') === 'http' && TRADING_PATHS[pageExchange].test(url.pathname) && !/^\/[a-z]{2,3}(?:-[A-Za-z0-9]{2,4}){0,2}\//.test(url.pathname)) {
        const q = new URLSearchParams(url.search);
        q.delete('redirect');
        const rest = q.toString();
        res.writeHead(302, { location: `/en${url.pathname}${rest ? `?${rest}` : ''}`, 'cache-control': 'no-store' });
        return res.end();
      }
      const html = TRADING_PATHS[pageExchange].test(url.pathname)
        ? renderPage(pageExchange)
        : `<!doctype html><html><head><title>${hostHeader} (not a trading page)</title></head><body><h1>Markets overview</h1><p>Fixture page outside the trading URLs.</p></body></html>`;
      if (!html) return notFound(res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(html);
    }
    return notFound(res);
  }

  async function api(exchange, url, res) {
    const scenario = scenarios[exchange];
    const json = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    switch (scenario) {
      case '429': return json(429, { code: -1003, msg: 'Too many requests (fixture scenario 429)' }, { 'retry-after': '2' });
      case '418': return json(418, { code: -1003, msg: 'IP banned (fixture scenario 418)' }, { 'retry-after': '5' });
      case '403': return json(403, { retCode: 403, retMsg: 'access too frequent (fixture scenario 403)' });
      case '500': return json(500, { msg: 'internal error (fixture scenario 500)' });
      case 'slow': await new Promise((r) => setTimeout(r, 20_000)); break;
      default: break;
    }
    const handler = await apiHandler(exchange);
    if (!handler) return json(404, { msg: `no fixture handler for ${exchange}` });
    const answer = await handler.default(url, { scenario, now: Date.now(), root: ROOT });
    if (!answer) return json(404, { msg: `no fixture for ${url.pathname}` });
    if (scenario === 'malformed') {
      const text = JSON.stringify(answer.body);
      return json(200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    }
    const body = scenario === 'bad-bar' ? withBadBar(url.pathname, answer.body) : answer.body;
    return json(answer.status ?? 200, body, answer.headers ?? {});
  }

  /**
   * The fake charts' candles: the same fixture market the exchange's API serves (replayed as if now),
   * as [{ time (s), open, high, low, close }] ascending, so the chart and the map show one market.
   */
  async function chartCandles(url, res) {
    const exchange = url.searchParams.get('exchange');
    const symbol = url.searchParams.get('symbol') ?? '';
    if (!EXCHANGES.includes(exchange) || !/^[A-Z0-9]{2,20}USDT$/.test(symbol)) return notFound(res);
    const handler = await apiHandler(exchange);
    const answer = handler?.candlesUrl ? await handler.default(new URL(handler.candlesUrl(symbol)), { scenario: scenarios[exchange], now: Date.now(), root: ROOT }) : null;
    const body = answer?.body;
    const rows = Array.isArray(body) ? body : (body?.result?.list ?? body?.data ?? []);
    const candles = rows
      .map((r) => ({ time: Math.floor(Number(r[0]) / 1000), open: Number(r[1]), high: Number(r[2]), low: Number(r[3]), close: Number(r[4]) }))
      .filter((c) => c.time > 0 && c.open > 0)
      .sort((a, b) => a.time - b.time);
    if (!candles.length) return notFound(res);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(JSON.stringify(candles));
  }

  function control(url, req, res) {
    const send = (body) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/__control/scenario') {
      const name = url.searchParams.get('name') ?? 'normal';
      const ex = url.searchParams.get('exchange');
      setScenario(name, ex ?? undefined);
      return send({ scenarios });
    }
    if (url.pathname === '/__control/log') return send(log);
    return notFound(res);
  }

  function setScenario(name, exchange) {
    if (!SCENARIOS.includes(name)) throw new Error(`unknown scenario ${name}; one of ${SCENARIOS.join(', ')}`);
    for (const e of exchange ? [exchange] : EXCHANGES) scenarios[e] = name;
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  return {
    port: actualPort,
    host,
    log,
    scenarios,
    setScenario,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

// CLI: node scripts/fixture-server.mjs [--port 8443] [--scenario name]
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (n, d) => {
    const i = process.argv.indexOf(n);
    return i > 0 ? process.argv[i + 1] : d;
  };
  const srv = await startFixtureServer({ port: Number(arg('--port', '8443')), quiet: false });
  srv.setScenario(arg('--scenario', 'normal'));
  console.log(`LiqLens fixture server on https://127.0.0.1:${srv.port} (hosts: ${ALL_HOSTS.join(', ')})`);
}
