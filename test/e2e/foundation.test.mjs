// Foundation e2e: the unmodified built extension in real Chromium against the local fixture exchange.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer, ALL_HOSTS } from '../../scripts/fixture-server.mjs';
import { launchBrowser, demoUrl, hostResolverRules } from '../../scripts/browser.mjs';
import { saveShot } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser({ build: 'e2e', port: server.port });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const TRADING_URLS = [
  demoUrl('binance'),
  demoUrl('binance', 'ETHUSDT', 'zh-CN'),
  'https://www.binance.com/futures/BTCUSDT',
  demoUrl('bybit'),
  'https://www.bybit.com/en/trade/usdt/BTCUSDT',
  demoUrl('okx'),
  'https://www.okx.com/zh-hans/trade-swap/btc-usdt-swap',
  demoUrl('bitget'),
  'https://www.bitget.com/en/futures/usdt/BTCUSDT',
];
const OTHER_URLS = ['https://www.binance.com/en/markets', 'https://www.bybit.com/en/', 'https://www.okx.com/markets', 'https://www.bitget.com/spot/BTCUSDT'];

test('the content script mounts the overlay on every trading URL, with and without locale', async () => {
  const page = await browser.context.newPage();
  for (const url of TRADING_URLS) {
    await page.goto(url);
    assert.equal(page.url(), url, 'the exchange URL is kept (resolved to the fixture server)');
    await page.waitForSelector('liqlens-overlay', { state: 'attached', timeout: 10_000 });
    const open = await page.evaluate(() => document.querySelector('liqlens-overlay')?.shadowRoot?.mode);
    assert.equal(open, 'open', `open shadow root on ${url}`);
  }
  await saveShot(page, 'foundation-binance');
  await page.close();
});

test('the content script stays out of every other page', async () => {
  const page = await browser.context.newPage();
  for (const url of OTHER_URLS) {
    await page.goto(url);
    await page.waitForTimeout(400);
    assert.equal(await page.locator('liqlens-overlay').count(), 0, `no overlay on ${url}`);
  }
  await page.close();
});

test('popup talks to the background service worker', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.getByTestId('popup-status').filter({ hasText: 'background ok' }).waitFor({ timeout: 10_000 });
  await page.close();
});

test("the background fetches each exchange's public API host, and the requests reach the fixture server", async () => {
  const page = await browser.context.newPage();
  await page.goto(demoUrl('binance'));
  const apiHosts = ['fapi.binance.com', 'api.bybit.com', 'www.okx.com', 'api.bitget.com'];
  const seen = () => new Set(server.log.filter((e) => e.host !== 'www.okx.com' || e.path.startsWith('/api/')).map((e) => e.host));
  const deadline = Date.now() + 20_000;
  while (!apiHosts.every((h) => seen().has(h)) && Date.now() < deadline) await page.waitForTimeout(200);
  for (const h of apiHosts) assert.ok(seen().has(h), `a request to ${h} reached the fixture server`);
  await page.close();
});

test('no request leaves loopback: every request the server saw was for a mapped exchange host', async () => {
  assert.ok(server.log.length > 0, 'the fixture server saw traffic');
  for (const entry of server.log) assert.ok(ALL_HOSTS.includes(entry.host), `unexpected host ${entry.host}`);
  assert.match(hostResolverRules(server.port), /MAP \* ~NOTFOUND, EXCLUDE 127\.0\.0\.1, EXCLUDE localhost$/);
  // An unmapped host must not resolve at all from inside the browser.
  const page = await browser.context.newPage();
  const err = await page.goto('https://example.com/').then(() => null, (e) => String(e));
  assert.match(err ?? '', /ERR_NAME_NOT_RESOLVED/);
  await page.close();
});
