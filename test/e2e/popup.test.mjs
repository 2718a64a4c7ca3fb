// Popup, context-menu sizing dialog, options and alerts in real Chromium with the built extension against
// the local fixture exchange. Run: npm run build:e2e && node --test test/e2e/popup.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchBrowser, demoUrl } from '../../scripts/browser.mjs';
import { openPopup, saveShot, overlay } from './helpers.mjs';
import { waitFor } from './overlay-helpers.mjs';

const EXCHANGES = ['binance', 'bybit', 'okx', 'bitget'];
/** The engine itself (TypeScript, loaded through tsx): the numbers the UI shows must be its numbers. */
const engine = await tsImport('../../src/engine/index.ts', import.meta.url);
const nearestMod = await tsImport('../../src/engine/nearest.ts', import.meta.url);
const fuelMod = await tsImport('../../src/engine/fuel.ts', import.meta.url);
const stopMod = await tsImport('../../src/engine/stop.ts', import.meta.url);
const storeMod = await tsImport('../../src/market/store.ts', import.meta.url);
const settingsMod = await tsImport('../../src/settings.ts', import.meta.url);

/** Deep equality with numbers equal to 1e-9 relative (the hub builds incrementally; float sums may differ in the last bits). */
function assertClose(actual, expected, msg, path = '') {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${msg}: ${path} is a number`);
    assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${msg}: ${path} ${actual} ≈ ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.equal(actual?.length, expected.length, `${msg}: ${path} length`);
    expected.forEach((x, i) => assertClose(actual[i], x, msg, `${path}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    // Keys holding undefined do not survive extension messaging (JSON): compare the defined ones.
    const defined = (o) => Object.keys(o ?? {}).filter((k) => o[k] !== undefined).sort();
    assert.deepEqual(defined(actual), defined(expected), `${msg}: ${path} keys`);
    for (const k of Object.keys(expected)) assertClose(actual[k], expected[k], msg, `${path}.${k}`);
  } else assert.equal(actual, expected, `${msg}: ${path}`);
}

/**
 * The engine run here, in Node, on the very series the extension fetched from the fixture exchanges (the
 * hub's persisted cache), with the default settings: the analysis the popup must show.
 */
async function engineSeries(view) {
  const keys = ['binance', 'bybit', 'okx', 'bitget'].map((e) => storeMod.entryKey(e, view.symbol));
  const raw = await browser.serviceWorker.evaluate((k) => chrome.storage.local.get(k), keys);
  return ['binance', 'bybit', 'okx', 'bitget']
    .filter((e) => ['ok', 'partial'].includes(view.health[e]?.state))
    .map((e) => storeMod.decodeEntry(raw[storeMod.entryKey(e, view.symbol)])?.series)
    .filter(Boolean);
}

async function engineOnFixtureData(view, exchange) {
  const series = await engineSeries(view);
  const s = settingsMod.DEFAULT_SETTINGS;
  return engine.analyze({
    series,
    position: null,
    account: { sizeUsd: s.accountUsd, riskPct: s.riskPct },
    config: settingsMod.engineConfigFromSettings(s),
    macroEvents: [],
    now: Date.now(),
    referenceExchange: exchange,
  });
}

let server;
let browser;
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-popup-e2e-'));

before(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser({ build: 'e2e', port: server.port, userDataDir });
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
});

/** Sends a typed message (the @webext-core/messaging wire format) from an extension page; returns its answer. */
async function ask(extPage, type, data) {
  const reply = await extPage.evaluate(
    ([type, data]) => new Promise((resolve) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }, resolve)),
    [type, data],
  );
  if (reply?.err) throw new Error(`${type}: ${JSON.stringify(reply.err)}`);
  return reply?.res;
}

async function waitForView(extPage, exchange, symbol, timeout = 30_000) {
  const end = Date.now() + timeout;
  let view = null;
  while (Date.now() < end) {
    view = await ask(extPage, 'getView', { exchange, symbol });
    // Settled: an analysis, and every exchange has answered (the map changes as each one arrives).
    if (view?.analysis && view.state !== 'loading' && !Object.values(view.health).some((h) => h.state === 'loading')) return view;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no analysis for ${exchange} ${symbol} within ${timeout} ms; last view: ${JSON.stringify(view)?.slice(0, 400)}`);
}

test('popup on each fixture exchange shows the engine numbers for the fixture data', async () => {
  for (const ex of EXCHANGES) {
    const page = await browser.context.newPage();
    await page.goto(demoUrl(ex));
    const popup = await openPopup(browser, `?exchange=${ex}&symbol=BTCUSDT`);
    await popup.getByTestId('popup-status').filter({ hasText: 'background ok' }).waitFor({ timeout: 10_000 });
    await popup.locator('[data-testid=popup-lfr][data-value]').waitFor({ timeout: 30_000 });
    let fresh = await waitForView(popup, ex, 'BTCUSDT');
    // Compare once every exchange has answered (the map changes as each one arrives).
    for (let i = 0; i < 60 && Object.values(fresh.health).some((h) => h.state === 'loading'); i++) {
      await popup.waitForTimeout(500);
      fresh = await ask(popup, 'getView', { exchange: ex, symbol: 'BTCUSDT' });
    }
    const a = fresh.analysis;

    // The engine, run here on the analysed clusters, gives the same nearest clusters, LFR and stop.
    const cfg = engine.resolveConfig({ stopBufferPct: 0.4 });
    const nearest = nearestMod.nearestClusters(a.clusters, a.side, a.reference, cfg);
    const lfr = fuelMod.fuelRatio(nearest.profit, nearest.risk);
    assert.deepEqual(lfr, a.lfr, `${ex}: the view's LFR is the engine's`);
    // And from the raw fixture data: same clusters, LFR and stop (a bar boundary between the two runs
    // may shift the newest bar, so retry once with a fresh view).
    let own = await engineOnFixtureData(fresh, ex);
    try {
      assertClose(own.lfr, a.lfr, 'probe');
    } catch {
      await popup.waitForTimeout(2_500);
      own = await engineOnFixtureData(await ask(popup, 'getView', { exchange: ex, symbol: 'BTCUSDT' }), ex);
    }
    assertClose(own.lfr, a.lfr, `${ex}: LFR from the fixture data`);
    assertClose(own.nearest, a.nearest, `${ex}: nearest clusters from the fixture data`);
    assertClose(own.stop, a.stop, `${ex}: stop from the fixture data`);
    const expectLfr = lfr.kind === 'ratio' ? String(lfr.value) : lfr.kind;
    // The popup polls every 2 s: wait for it to show this view.
    await popup.locator(`[data-testid=popup-lfr][data-value="${expectLfr}"]`).waitFor({ timeout: 6_000 }).catch(() => {});
    assert.equal(await popup.getByTestId('popup-lfr').getAttribute('data-value'), expectLfr, `${ex}: popup LFR`);
    if (lfr.kind === 'ratio') assert.match(await popup.getByTestId('popup-lfr').innerText(), new RegExp(lfr.value.toFixed(2).replace('.', '\\.')));

    const profitRows = popup.locator('[data-testid^=popup-cluster-profit-]');
    assert.equal(await profitRows.count(), nearest.profit.length, `${ex}: profit-side rows`);
    for (const [i, c] of nearest.profit.entries()) {
      assert.equal(Number(await popup.getByTestId(`popup-cluster-profit-${i}`).getAttribute('data-usd')), c.usd);
    }
    assert.equal(await popup.locator('[data-testid^=popup-cluster-risk-]').count(), nearest.risk.length, `${ex}: risk-side rows`);
    const stop = stopMod.suggestStop(a.side, a.reference, nearest.risk, cfg);
    if (stop.kind === 'stop') assert.equal(Number(await popup.getByTestId('popup-stop').getAttribute('data-value')), stop.price, `${ex}: stop`);
    assert.equal(await popup.getByTestId('popup-symbol').getAttribute('data-exchange'), ex);
    assert.ok((await popup.locator('[data-testid=minimap-bars] rect').count()) > 0, `${ex}: mini map bars drawn`);
    assert.ok(['ok', 'partial'].includes(await popup.getByTestId('popup-state').getAttribute('data-state')));
    assert.doesNotMatch(await popup.locator('main').innerText(), /NaN|Infinity/);
    await saveShot(popup, `popup-${ex}`);
    await popup.close();
    await page.close();
  }
});

test('popup for the active trading tab shows that tab\'s symbol and position', async () => {
  const page = await browser.context.newPage();
  await page.goto(demoUrl('bybit'));
  await page.bringToFront();
  // The toolbar popup asks for the active tab; opened as a tab here, it is told which tab that is.
  const tabId = await browser.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const popup = await openPopup(browser, `?tab=${tabId}`);
  await popup.locator('[data-testid=popup-lfr][data-value]').waitFor({ timeout: 30_000 });
  assert.equal(await popup.getByTestId('popup-symbol').getAttribute('data-exchange'), 'bybit');
  const view = await ask(popup, 'getView', { tabId });
  if (view.analysis.position) {
    await popup.getByTestId('popup-position').waitFor({ timeout: 5_000 });
    assert.match(await popup.getByTestId('popup-position').innerText(), new RegExp(`${view.analysis.position.side} `));
    if (view.analysis.position.liqPrice !== undefined) assert.equal(await popup.locator('[data-testid=minimap-liq]').count(), 1, 'own liquidation marked on the map');
  }
  await saveShot(popup, 'popup-active-tab-bybit');
  await popup.close();
  await page.close();
});

test('popup without a trading tab offers a picker and is keyboard operable', async () => {
  const popup = await openPopup(browser);
  await popup.getByTestId('popup-picker').waitFor({ timeout: 10_000 });
  await popup.getByTestId('popup-pick-exchange').focus();
  await popup.keyboard.press('Tab');
  await popup.keyboard.type('btc');
  await popup.keyboard.press('Enter');
  await popup.getByTestId('popup-symbol').waitFor({ timeout: 15_000 });
  assert.equal(await popup.getByTestId('popup-symbol').getAttribute('data-symbol'), 'BTCUSDT');
  await popup.close();
});

test('the sizing dialog opened through the context-menu handler shows the engine stop and size', async () => {
  const page = await browser.context.newPage();
  await page.goto(demoUrl('binance'));
  await page.bringToFront();
  const ext = await openPopup(browser, '?exchange=binance&symbol=BTCUSDT');
  const view = await waitForView(ext, 'binance', 'BTCUSDT');
  await ext.close();
  await page.bringToFront();
  const entry = Math.round(view.analysis.map.reference);
  const sel = entry.toLocaleString('en-US');
  // contextMenus.onClicked cannot be dispatched by automation: call the same handler the listener calls.
  const reached = await browser.serviceWorker.evaluate(async (selectionText) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return globalThis.__liqlensSizingMenuClick({ menuItemId: 'liqlens-size-position', selectionText }, tab);
  }, sel);
  assert.equal(reached, true, 'the content script answered openSizing');
  // The dialog is an extension page framed into the overlay's shadow root: the page cannot read it.
  await overlay(page, 'iframe[data-testid=sizing-frame]').waitFor({ timeout: 10_000 });
  const dlg = page.frameLocator('liqlens-overlay iframe[data-testid=sizing-frame]');
  await dlg.getByTestId('sizing-dialog').waitFor({ timeout: 10_000 });
  assert.equal(await dlg.getByTestId('sizing-entry').inputValue(), String(entry), 'selected price is the entry');
  await dlg.locator('[data-testid=sizing-stop][data-value]:not([data-value=""])').waitFor({ timeout: 15_000 });
  assert.equal(await page.evaluate(() => document.querySelector('liqlens-overlay')?.shadowRoot?.querySelector('iframe')?.contentDocument ?? null), null, 'the page cannot reach into the dialog');

  // The engine, asked directly through the background's own handler, gives the same numbers.
  const ext2 = await openPopup(browser, '?exchange=binance&symbol=BTCUSDT');
  const ans = await ask(ext2, 'sizePosition', { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry, leverage: 10 });
  await ext2.close();
  await page.bringToFront();
  assert.equal(ans.kind, 'ok', JSON.stringify(ans).slice(0, 300));
  // ...and so does the engine run here on the series the extension fetched (src/sizing/size.ts in Node).
  const sizeMod = await tsImport('../../src/sizing/size.ts', import.meta.url);
  const fetched = await engineSeries(view);
  const mine = sizeMod.sizeFromSeries(fetched, { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry, leverage: 10 }, settingsMod.DEFAULT_SETTINGS, Date.now());
  assertClose(mine.stop, ans.stop, 'stop from the fixture data');
  assertClose(mine.sizing, ans.sizing, 'size from the fixture data');
  assert.equal(Number(await dlg.getByTestId('sizing-stop').getAttribute('data-value')), ans.stop.price);
  if (ans.sizing.kind === 'size') {
    assert.equal(Number(await dlg.getByTestId('sizing-size').getAttribute('data-value')), ans.sizing.sizeCoin);
    // risk USD = notional × (stop distance + round-trip fees), the budget from options (1 % of $10,000).
    assert.ok(Math.abs(ans.sizing.riskUsd - 100) < 1e-6 || ans.sizing.warnings.length > 0);
  }
  // The stop is the engine's: 0.4 % beyond the nearest long cluster below the entry.
  if (ans.stop.kind === 'stop') assert.ok(Math.abs(ans.stop.price - ans.stop.beyond.low * (1 - 0.004)) < 1e-6);
  await saveShot(page, 'sizing-dialog-binance');
  // Escape closes the dialog and removes its frame mid-keystroke: press at page level (an element-scoped press
  // would wait on the detached frame for its keyup).
  await dlg.getByTestId('sizing-leverage').focus();
  await page.keyboard.press('Escape');
  await overlay(page, 'iframe[data-testid=sizing-frame]').waitFor({ state: 'detached', timeout: 5_000 });
  await page.close();
});

test('a fixture price step into a cluster edge raises exactly one alert', async () => {
  const sw = browser.serviceWorker;
  const page = await browser.context.newPage();
  await page.goto(demoUrl('binance'));
  const ext = await openPopup(browser, '?exchange=binance&symbol=BTCUSDT');
  let view = await waitForView(ext, 'binance', 'BTCUSDT');
  // Wait until every exchange has answered: alerts are not evaluated on a half-loaded map.
  for (let i = 0; i < 60 && Object.values(view.health).some((h) => h.state === 'loading'); i++) {
    await page.waitForTimeout(500);
    view = await ask(ext, 'getView', { exchange: 'binance', symbol: 'BTCUSDT' });
  }
  // With the default alert distance (0.5 %) nothing is near before the step; the +1.5 % step
  // (scripts/fixtures/api/_replay.mjs) carries price through the nearest short cluster above.
  const conditions = await tsImport('../../src/alerts/conditions.ts', import.meta.url);
  const price = view.analysis.map.reference;
  const shortEdges = conditions.nearestClusters(view.analysis.clusters, 'short', price, 2).map((c) => c.low);
  assert.ok(shortEdges.some((e) => e > price && e < price * 1.015), `fixture: a short cluster edge within +1.5 % (${shortEdges} vs ${price})`);
  // Alerts look at the views the hub publishes (after each refresh), not at our getView: wait until the
  // alert machine's last look is this full map (an earlier look may predate an exchange's data).
  const lastLook = () => sw.evaluate(async () => ((await chrome.storage.local.get('alerts:last'))['alerts:last'] ?? {})['binance:BTCUSDT'] ?? null);
  const ready = (look) => look && look.price === price && look.edges.some((e) => e.side === 'short' && e.edge < price * 1.015);
  // A forced refresh publishes the full map now instead of at the next refresh period.
  // Bounded: the loops below re-check what the refresh stored, so a refresh still running after 30 s only
  // moves on to the next check instead of holding the test.
  const forceRefresh = () =>
    Promise.race([sw.evaluate(() => globalThis.__liqlensMarket?.refreshSymbol('BTCUSDT', { force: true })), new Promise((r) => setTimeout(r, 30_000).unref())]);
  if (!ready(await lastLook())) await forceRefresh();
  for (let i = 0; i < 90 && !ready(await lastLook()); i++) await page.waitForTimeout(1_000);
  assert.ok(ready(await lastLook()), `the alert machine saw the full map before the step: ${JSON.stringify(await lastLook())}`);
  await sw.evaluate(async () => {
    globalThis.__shown = [];
    const create = chrome.notifications.create.bind(chrome.notifications);
    chrome.notifications.create = (...args) => {
      globalThis.__shown.push(args[0]);
      return create(...args);
    };
  });
  const readLog = () => sw.evaluate(async () => (await chrome.storage.local.get('alerts:log'))['alerts:log'] ?? []);
  const edgeAlerts = (log) => log.filter((e) => e.id.startsWith('cluster-edge'));

  assert.deepEqual(edgeAlerts(await readLog()), [], 'no cluster-edge alert before the step');
  server.setScenario('price-step');
  // The step shows up at the hub's next refresh (forced here; ≤ 60 s otherwise); later refreshes must not repeat the alert.
  await forceRefresh();
  const end = Date.now() + 150_000;
  while (Date.now() < end && edgeAlerts(await readLog()).length === 0) await page.waitForTimeout(1_000);
  const edge = edgeAlerts(await readLog());
  if (edge.length !== 1) {
    const last = await sw.evaluate(async () => (await chrome.storage.local.get('alerts:last'))['alerts:last']);
    const now = await ask(ext, 'getView', { exchange: 'binance', symbol: 'BTCUSDT' });
    console.log('diagnostics', JSON.stringify({ last, state: now.state, health: now.health, reference: now.analysis?.map.reference, before: price }));
  }
  assert.equal(edge.length, 1, `one cluster-edge alert after the step: ${JSON.stringify(await readLog())}`);
  assert.equal(edge[0].id, 'cluster-edge:short');
  // More refreshes of the same situation stay silent. Instead of sleeping before asserting that nothing
  // came, count the alert machine's evaluations (each one stores its look under alerts:last) and wait
  // until it has looked at a full map from each of these refreshes.
  await sw.evaluate(() => {
    globalThis.__looks = 0;
    const area = chrome.storage.local;
    const set = area.set.bind(area);
    area.set = (items, ...rest) => {
      if (items && 'alerts:last' in items) globalThis.__looks += 1;
      return set(items, ...rest);
    };
  });
  for (let i = 0; i < 3; i++) await forceRefresh();
  await waitFor(() => sw.evaluate(() => globalThis.__looks >= 3), { timeout: 30_000, interval: 100, what: 'the alert machine to evaluate the three refreshed maps' });
  assert.equal(edgeAlerts(await readLog()).length, 1, 'not repeated');
  const shown = await sw.evaluate(() => globalThis.__shown);
  assert.equal(shown.filter((id) => id === edge[0].notificationId).length, 1, 'one notification shown');
  server.setScenario('normal');
  await ext.close();
  await page.close();
});

test('options are validated, saved, and survive a browser restart', async () => {
  const opts = await browser.context.newPage();
  await opts.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await opts.getByTestId('opt-accountUsd').waitFor();
  await opts.getByTestId('opt-tier-5').fill('20');
  await opts.getByTestId('opt-save').click();
  await opts.getByTestId('options-status').filter({ hasText: 'Not saved' }).waitFor();
  assert.match(await opts.getByTestId('opt-tier-sum').innerText(), /must sum to 100 %/);
  await opts.getByTestId('opt-tier-5').fill('15');
  await opts.getByTestId('opt-accountUsd').fill('25000');
  await opts.getByTestId('opt-riskPct').fill('0.75');
  await opts.getByTestId('opt-stopBufferPct').fill('0.3');
  await opts.getByTestId('opt-windowDays').fill('14');
  await opts.getByTestId('opt-exchange-okx').uncheck();
  await opts.getByTestId('opt-event-add').click();
  await opts.getByTestId('opt-event-0-date').fill('2026-01-28');
  await opts.getByTestId('opt-event-0-time').fill('19:00');
  await opts.getByTestId('opt-event-0-label').fill('FOMC');
  await opts.getByTestId('opt-save').click();
  await opts.getByTestId('options-status').filter({ hasText: 'Saved.' }).waitFor();
  await saveShot(opts, 'options');

  await browser.close(); // keeps userDataDir (we own it)
  browser = await launchBrowser({ build: 'e2e', port: server.port, userDataDir });
  const again = await browser.context.newPage();
  await again.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await again.getByTestId('opt-accountUsd').waitFor();
  assert.equal(await again.getByTestId('opt-accountUsd').inputValue(), '25000');
  assert.equal(await again.getByTestId('opt-riskPct').inputValue(), '0.75');
  assert.equal(await again.getByTestId('opt-stopBufferPct').inputValue(), '0.3');
  assert.equal(await again.getByTestId('opt-windowDays').inputValue(), '14');
  assert.equal(await again.getByTestId('opt-exchange-okx').isChecked(), false);
  assert.equal(await again.getByTestId('opt-event-0-label').inputValue(), 'FOMC');
  assert.equal(await again.getByTestId('opt-event-0-time').inputValue(), '19:00');
  await again.close();
});
