// Overlay e2e: the built extension on the fixture exchange pages. Binance/OKX: native shapes in the fake
// TradingView widget at the engine's prices, flagged disableSave, user drawings untouched. Bybit/Bitget:
// pixel bands within ±1 px of the fake chart's own scale, through pans, zooms and log scale. LFR equal to
// the background's engine value. No long task from the content script during a 5 s pan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchBrowser, demoUrl } from '../../scripts/browser.mjs';
import { saveShot } from './helpers.mjs';
import { backgroundView, drawnBands, expectedBands, frameChart, waitFor, waitForOverlay } from './overlay-helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser({ port: server.port, viewport: { width: 1400, height: 900 } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const OWN_FLAGS = { lock: true, disableSave: true, disableUndo: true, disableSelection: true, showInObjectsTree: false };

async function lfrShown(page) {
  return page.evaluate(() => document.querySelector('liqlens-overlay').shadowRoot.querySelector('[data-testid=liqlens-lfr]').getAttribute('data-value'));
}

for (const exchange of ['binance', 'okx']) {
  test(`${exchange}: bands and lines drawn natively at the engine's prices, disableSave, user shapes survive`, async () => {
    const page = await browser.context.newPage();
    await page.goto(demoUrl(exchange));
    // A drawing the user made before LiqLens drew anything.
    const userId = await frameChart(page, () => window.__fixtureChart.createUserShape(90_000));
    await waitForOverlay(page, 'native');

    const check = async () => {
      const view = await backgroundView(browser, exchange, 'BTCUSDT');
      const shapes = await frameChart(page, () => window.__fixtureChart.shapes());
      const ours = shapes.filter((s) => s.owner === 'api');
      const rects = ours.filter((s) => s.name === 'rectangle').map((s) => [Math.max(...s.points.map((p) => p.price)), Math.min(...s.points.map((p) => p.price))]);
      const want = expectedBands(view.analysis).map((c) => [c.high, c.low]);
      const sortK = (a, b) => a[0] - b[0];
      const lines = ours.filter((s) => s.name === 'horizontal_line').map((s) => s.points[0].price).sort((a, b) => a - b);
      const wantLines = [view.analysis.stop.kind === 'stop' ? view.analysis.stop.price : null, 96_800, 87_512.3].filter((x) => x !== null).sort((a, b) => a - b);
      const same = JSON.stringify(rects.sort(sortK)) === JSON.stringify(want.sort(sortK)) && JSON.stringify(lines) === JSON.stringify(wantLines);
      return same ? { view, shapes, ours } : null;
    };
    const { view, shapes, ours } = await waitFor(check, { timeout: 20_000, what: 'shapes at the engine prices' });
    assert.ok(ours.length >= 3, 'bands and lines drawn');
    for (const s of ours) assert.deepEqual(Object.fromEntries(Object.keys(OWN_FLAGS).map((k) => [k, s.options[k]])), OWN_FLAGS, `flags of ${s.id}`);
    assert.ok(shapes.some((s) => s.id === userId), 'the user shape is still there');

    // The LFR shown is the engine's value from the background.
    assert.equal(view.analysis.lfr.kind, 'ratio');
    assert.equal(Number(await lfrShown(page)), view.analysis.lfr.value);

    // Interval change: the bridge removes our shapes and redraws; the user's line is never touched.
    const before = ours.map((s) => s.id);
    await frameChart(page, () => window.__fixtureChart.setResolution('15'));
    await waitFor(() => check().then((r) => r && r.ours.every((s) => !before.includes(s.id)) && r), { what: 'redraw after interval change' });
    const after1 = await frameChart(page, () => window.__fixtureChart.shapes());
    assert.ok(after1.some((s) => s.id === userId && s.owner === 'user'), 'user shape survives the redraw');

    // Hide everything: our shapes go, the user's stays; show again: ours come back.
    const root = page.locator('liqlens-overlay');
    await root.locator('[data-testid=liqlens-toggle]').click();
    await waitFor(() => frameChart(page, () => window.__fixtureChart.shapes()).then((s) => s.length === 1 && s[0].owner === 'user'), { what: 'only the user shape left when hidden' });
    await root.locator('[data-testid=liqlens-toggle]').click();
    await waitFor(check, { what: 'shapes back after show' });
    await saveShot(page, `overlay-${exchange}`);
    await page.close();
  });
}

async function assertBandsOnScale(page, label) {
  return waitFor(
    async () => {
      const bands = await drawnBands(page);
      if (bands.length === 0) return null;
      const expected = await page.evaluate((bs) => bs.map((b) => [window.__fixtureChart.priceToClientY(b.high), window.__fixtureChart.priceToClientY(b.low)]), bands);
      const worst = Math.max(...bands.map((b, i) => Math.max(Math.abs(b.top - expected[i][0]), Math.abs(b.bottom - expected[i][1]))));
      return worst <= 1 ? { bands: bands.length, worst } : null;
    },
    { timeout: 5_000, what: `bands within ±1 px of the chart's scale (${label})` },
  );
}

for (const exchange of ['bybit', 'bitget']) {
  test(`${exchange}: pixel bands within ±1 px of the chart's own scale through pan, zoom and log scale`, async () => {
    const page = await browser.context.newPage();
    await page.goto(demoUrl(exchange));
    await waitForOverlay(page, 'pixel');
    const view = await backgroundView(browser, exchange, 'BTCUSDT');
    const ref = view.analysis.reference;
    await page.evaluate((r) => window.__fixtureChart.setPriceRange(r * 0.95, r * 1.05), ref);
    const a = await assertBandsOnScale(page, 'initial');
    assert.ok(a.bands >= 2, `several bands in view (${a.bands})`);

    await page.evaluate((r) => {
      window.__fixtureChart.pan(40);
      window.__fixtureChart.zoom(0.5);
      window.__fixtureChart.setPriceRange(r * 0.97, r * 1.04);
    }, ref);
    await assertBandsOnScale(page, 'after pan and zoom');

    await page.evaluate(() => window.__fixtureChart.setLogScale(true));
    await page.evaluate((r) => window.__fixtureChart.setPriceRange(r * 0.8, r * 1.25), ref);
    await assertBandsOnScale(page, 'log scale');
    await page.evaluate((r) => window.__fixtureChart.setPriceRange(r * 0.95, r * 1.05), ref);
    await assertBandsOnScale(page, 'log scale, zoomed');

    // Every drawn band is one of the engine's clusters, with its USD.
    const want = expectedBands(view.analysis);
    for (const b of await drawnBands(page)) assert.ok(want.some((c) => c.low === b.low && c.high === b.high && c.usd === b.usd && c.side === b.side), `band ${b.low}–${b.high} is an engine cluster`);
    assert.equal(Number(await lfrShown(page)), view.analysis.lfr.value);
    await saveShot(page, `overlay-${exchange}`);
    await page.close();
  });
}

test('no long task from the content script during a 5 s pan (bybit, pixel tier)', async () => {
  const page = await browser.context.newPage();
  await page.goto(demoUrl('bybit'));
  await waitForOverlay(page, 'pixel');
  const view = await backgroundView(browser, 'bybit', 'BTCUSDT');
  const result = await page.evaluate(async (ref) => {
    document.documentElement.setAttribute('data-liqlens-perf', '');
    performance.clearMeasures('liqlens:overlay-update');
    const frames = [];
    const tasks = [];
    const po1 = new PerformanceObserver((l) => frames.push(...l.getEntries()));
    const po2 = new PerformanceObserver((l) => tasks.push(...l.getEntries()));
    po1.observe({ type: 'long-animation-frame' });
    po2.observe({ type: 'longtask' });
    const start = performance.now();
    let i = 0;
    await new Promise((done) => {
      const t = setInterval(() => {
        i += 1;
        window.__fixtureChart.pan(i % 2 ? 3 : -2);
        const k = 1 + 0.03 * Math.sin(i / 5);
        window.__fixtureChart.setPriceRange(ref * 0.95 * k, ref * 1.05 * k);
        if (performance.now() - start > 5000) {
          clearInterval(t);
          done();
        }
      }, 40);
    });
    await new Promise((r) => setTimeout(r, 300));
    po1.disconnect();
    po2.disconnect();
    const fromExtension = frames.flatMap((f) => f.scripts ?? []).filter((s) => String(s.sourceURL).startsWith('chrome-extension://'));
    const updates = performance.getEntriesByName('liqlens:overlay-update').map((e) => e.duration);
    return {
      longFramesFromExtension: fromExtension.filter((s) => s.duration > 50).map((s) => [s.sourceURL, s.duration]),
      extensionScriptMs: fromExtension.map((s) => s.duration),
      longTasks: tasks.length,
      updates: updates.length,
      maxUpdateMs: Math.max(0, ...updates),
    };
  }, view.analysis.reference);
  assert.deepEqual(result.longFramesFromExtension, [], 'no content-script script over 50 ms in any long animation frame');
  assert.ok(result.updates >= 10, `the overlay followed the pan (${result.updates} updates)`);
  assert.ok(result.maxUpdateMs < 50, `every overlay update under 50 ms (max ${result.maxUpdateMs.toFixed(2)} ms)`);
  await page.close();
});
