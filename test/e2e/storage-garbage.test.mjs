// A cache that heals (issue 17 item 4), end to end: garbage in every storage key the extension uses,
// a restarted service worker, and a correct map within one refresh, with what was dropped named in the
// exchanges' health. The worker is stopped over CDP (ServiceWorker.stopWorker from the extension page's session:
// storage is kept, memory is not) and woken by a message; a mark left in the old worker's memory tells the new
// one from the old. Every wait is on a condition, never a fixed sleep.
// Run: npm run build:e2e && node --test test/e2e/storage-garbage.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchBrowser } from '../../scripts/browser.mjs';
import { openPopup } from './helpers.mjs';
import { waitFor } from './overlay-helpers.mjs';

const EXCHANGES = ['binance', 'bybit', 'okx', 'bitget'];
let server;
let browser;
let ext;

before(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser({ build: 'e2e', port: server.port });
  ext = await openPopup(browser, '?exchange=binance&symbol=BTCUSDT');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function ask(type, data) {
  const reply = await ext.evaluate(([t, d]) => new Promise((resolve) => chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }, resolve)), [type, data]);
  if (reply?.err) throw new Error(`${type}: ${JSON.stringify(reply.err)}`);
  return reply?.res;
}
const view = () => ask('getView', { exchange: 'binance', symbol: 'BTCUSDT' });
const refresh = (sw) => sw.evaluate(() => globalThis.__liqlensMarket.refreshSymbol('BTCUSDT', { force: true }));

/** Every key the extension writes (grep of the sources: settings.ts, market/store.ts, market/meta.ts and its users, position/manual-store.ts, alerts/, popup). */
const KNOWN_LOCAL_KEYS = [
  'settings',
  'market-index:v1',
  'market-meta:backoff',
  'market-meta:entry-lfr',
  'market-meta:asym:BTCUSDT',
  ...EXCHANGES.map((e) => `market:v1:${e}:BTCUSDT`),
  ...EXCHANGES.flatMap((e) => [`manualPosition:${e}:BTCUSDT`, `hedgePick:${e}:BTCUSDT`]),
  'alerts:state',
  'alerts:targets',
  'alerts:last',
  'alerts:log',
  'review:state',
  'popup:lastPick',
];
const JUNK = ['garbage', 42, -1, true, [1, 'x', null], { v: 1, junk: true }, { a: { b: 'c' } }, '', 1e308];

/**
 * Stops the extension's service worker and waits for a fresh one (woken by a message). Playwright keeps the
 * same Worker handle across the restart; the mark set in the old worker's memory is gone in the new one.
 */
async function restartWorker() {
  const sw = browser.serviceWorker;
  await sw.evaluate(() => { globalThis.__liqlensRestartMark = true; });
  const cdp = await browser.context.newCDPSession(ext);
  const versions = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...e.versions));
  await cdp.send('ServiceWorker.enable');
  const running = await waitFor(
    () => versions.findLast((v) => v.scriptURL.includes(browser.extensionId) && v.runningStatus === 'running'),
    { timeout: 10_000, what: 'the running extension worker (CDP)' },
  );
  await cdp.send('ServiceWorker.stopWorker', { versionId: running.versionId });
  await waitFor(async () => {
    await ask('ping', undefined).catch(() => {});
    return sw.evaluate(() => globalThis.__liqlensRestartMark !== true).catch(() => false);
  }, { timeout: 30_000, interval: 200, what: 'a new service worker (the old one\'s memory gone)' });
  await cdp.detach().catch(() => {});
  return sw;
}

test('garbage in every storage key, a restarted worker: a correct map within one refresh, the drops named', async () => {
  // A good map first, persisted.
  await waitFor(async () => {
    await refresh(browser.serviceWorker);
    return (await view())?.state === 'ok';
  }, { timeout: 120_000, interval: 200, what: 'a first full map' });
  const good = await view();
  const stored = await ext.evaluate(() => chrome.storage.local.get(null));
  for (const e of EXCHANGES) assert.ok(`market:v1:${e}:BTCUSDT` in stored, `${e} entry persisted`);

  // Garbage everywhere: each key the code uses and each key found in storage.
  const keys = [...new Set([...KNOWN_LOCAL_KEYS, ...Object.keys(stored)])];
  const garbage = Object.fromEntries(keys.map((k, i) => [k, JUNK[i % JUNK.length]]));
  // Entries that still parse but lie: a bar with low above high, a mark price of 0.
  const binance = structuredClone(stored['market:v1:binance:BTCUSDT']);
  const bar = binance.series.candles[binance.series.candles.length - 50];
  bar[3] = bar[2] * 2;
  garbage['market:v1:binance:BTCUSDT'] = binance;
  const okx = structuredClone(stored['market:v1:okx:BTCUSDT']);
  okx.series.markPrice = 0;
  garbage['market:v1:okx:BTCUSDT'] = okx;
  garbage.settings = { windowDays: 'many', riskPct: -5, exchanges: 'none', refreshSec: 1e12 };
  garbage['market-meta:backoff'] = { binance: { until: 'soon' }, okx: 'x' };
  await ext.evaluate(async (g) => {
    await chrome.storage.local.set(g);
    await chrome.storage.session.set({ 'market-watchers': 'garbage' });
  }, garbage);

  // Restart the service worker: its memory (maps, back-offs, budgets) is gone; only the garbage is left.
  const sw = await restartWorker();

  // One refresh.
  await refresh(sw);
  const v = await view();
  assert.equal(v.state, 'ok', `a full map after one refresh (${v.reason ?? ''})`);
  assert.deepEqual(Object.keys(v.analysis.map.perExchange).sort(), [...EXCHANGES].sort(), 'every exchange contributes');
  assert.ok(v.analysis.clusters.length > 0, 'clusters');
  assert.ok(Math.abs(v.analysis.map.reference / good.analysis.map.reference - 1) < 0.01, 'the same market');
  for (const e of EXCHANGES) assert.match(v.health[e].reason ?? '', /stored data .*dropped.* and re-fetched/, `${e} names what was dropped`);
  assert.match(v.health.binance.reason, /bar at \d\d:\d\d UTC \(low above high\)/);
  assert.match(v.health.okx.reason, /mark price 0/);

  // The settings fell back per field, and the options page says which.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const note = options.getByTestId('options-fallback');
  await note.waitFor({ timeout: 10_000 });
  const text = await note.innerText();
  for (const f of ['windowDays', 'riskPct', 'exchanges', 'refreshSec']) assert.match(text, new RegExp(f));
  await options.close();
});
