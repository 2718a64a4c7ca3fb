// The phone (issue 15 item 3): the built extension at a 360 × 740 touch viewport. On the fixture pages the
// overlay is a small LFR badge that never covers the chart's price axis (where the last price is drawn), a
// tap opens the card with the LFR, stop and position, a second tap (or Escape) closes it, the chart under
// the badge still gets the user's taps, and nothing of ours runs past the screen's edges. The popup fits the
// same width. Screenshots: test-results/screenshots/mobile-*.png (docs/mobile-*.png are copies of two).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchBrowser, demoUrl } from '../../scripts/browser.mjs';
import { openPopup, overlay, saveShot } from './helpers.mjs';
import { waitFor, waitForOverlay } from './overlay-helpers.mjs';

const W = 360;
const H = 740;
let server;
let browser;
before(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser({ build: 'e2e', port: server.port, viewport: { width: W, height: H }, hasTouch: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const intersects = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The chart's price axis in viewport px. Bybit: the page's DOM axis ([data-part=axis]). Binance: the fake
 * TradingView frame, where the axis is what lies right of the pane (#pane is as wide as the chart's pane).
 */
async function priceAxisRect(page, exchange) {
  if (exchange === 'bybit') {
    return page.evaluate(() => {
      const r = document.querySelector('[data-fixture-chart] [data-part=axis]').getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
  }
  const frame = page.frames().find((f) => f.url().includes('/__fixture/tv-frame.html'));
  const inFrame = await frame.evaluate(() => ({ paneRight: document.getElementById('pane').getBoundingClientRect().right, width: innerWidth, height: innerHeight }));
  const box = await page.locator('iframe[src*="tv-frame.html"]').first().boundingBox();
  assert.ok(inFrame.paneRight > 0 && inFrame.paneRight < inFrame.width, `the frame's pane leaves room for an axis: ${JSON.stringify(inFrame)}`);
  return { left: box.x + inFrame.paneRight, right: box.x + inFrame.width, top: box.y, bottom: box.y + inFrame.height };
}

/** Our visible elements' rects (shadow root), and the badge's. */
function ourGeometry(page) {
  return page.evaluate(() => {
    const root = document.querySelector('liqlens-overlay').shadowRoot;
    const rect = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    };
    const shown = [...root.querySelectorAll('*')].filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
    const panel = root.querySelector('[data-testid=liqlens-panel]');
    return {
      vw: innerWidth,
      layout: panel.dataset.layout,
      open: panel.classList.contains('ll-open'),
      badge: rect(root.querySelector('[data-testid=liqlens-badge]')),
      widest: Math.max(...shown.map((el) => el.getBoundingClientRect().right)),
      leftmost: Math.min(...shown.map((el) => el.getBoundingClientRect().left)),
      overflowX: Math.max(0, ...shown.filter((el) => el.closest('.ll-card, .ll-badge, .ll-ladder')).map((el) => el.getBoundingClientRect().right - innerWidth)),
      cardRect: rect(root.querySelector('.ll-card')),
      card: ['lfr', 'stop', 'position'].map((k) => {
        const el = root.querySelector(`.ll-card [data-testid=liqlens-${k}]`);
        return { k, text: el?.textContent ?? '', ...(el ? rect(el) : {}) };
      }),
    };
  });
}

for (const [exchange, tier] of [
  ['bybit', 'pixel'],
  ['binance', 'native'],
]) {
  test(`${exchange} at 360 × 740: the LFR badge keeps off the price axis; a tap opens the card (LFR, stop, position), another closes it`, async () => {
    const page = await browser.context.newPage();
    await page.goto(demoUrl(exchange));
    await waitForOverlay(page, tier);
    // The position read off the page (the fixture's model account), before judging what the card shows.
    await waitFor(() => overlay(page, '[data-testid=liqlens-position]').getAttribute('data-side').then((s) => s === 'long'), { timeout: 20_000, what: 'the position read' });
    const axis = await priceAxisRect(page, exchange);
    const closed = await ourGeometry(page);
    assert.equal(closed.vw, W);
    assert.equal(closed.layout, 'compact');
    assert.equal(closed.open, false);
    assert.ok(closed.badge.width > 40 && closed.badge.height >= 32, `a badge big enough to tap: ${JSON.stringify(closed.badge)}`);
    assert.ok(!intersects(closed.badge, axis), `badge ${JSON.stringify(closed.badge)} clear of the price axis ${JSON.stringify(axis)}`);
    assert.ok(closed.badge.right < axis.left, 'the badge sits left of the axis');
    assert.ok(closed.leftmost >= 0 && closed.widest <= W, `nothing of ours past the screen: ${closed.leftmost}…${closed.widest}`);
    const lfrValue = await overlay(page, '[data-testid=liqlens-lfr]').getAttribute('data-value');
    assert.match(await overlay(page, '[data-testid=liqlens-badge]').innerText(), new RegExp(`LFR ${Number(lfrValue).toFixed(2).replace('.', '\\.')}`));
    // The chart under our (0 × 0) host still gets the user's taps: the point at the chart's middle is the page's.
    const middle = { x: Math.round((closed.badge.right + axis.left) / 2), y: Math.round((axis.top + axis.bottom) / 2) };
    assert.equal(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), middle) === 'liqlens-overlay', false, 'the chart keeps its taps');
    await saveShot(page, `mobile-${exchange}-badge`);

    await overlay(page, '[data-testid=liqlens-badge]').tap();
    await waitFor(() => ourGeometry(page).then((g) => g.open && g), { what: 'the card open after a tap' });
    const open = await ourGeometry(page);
    assert.equal(await overlay(page, '[data-testid=liqlens-badge]').getAttribute('aria-expanded'), 'true');
    for (const c of open.card) {
      assert.ok(c.width > 0 && c.height > 0, `${c.k} shown in the open card`);
      assert.ok(c.left >= 0 && c.right <= W, `${c.k} within the screen: ${c.left}…${c.right}`);
    }
    assert.match(open.card[0].text, /^LFR \d/);
    assert.match(open.card[1].text, /^Stop [\d,.]+ \(/);
    assert.match(open.card[2].text, /^Long 0\.15 @ 96,800\.0 · 10x cross · liq 87,512\.3/);
    assert.equal(open.overflowX, 0, 'the card runs past no edge');
    assert.ok(!intersects(open.badge, axis), 'the badge stays off the axis while open');
    // The card leaves a price axis' width free: the last price stays readable while it is open.
    assert.ok(open.cardRect.right <= W - 96 + 8 + 0.5 && !intersects(open.cardRect, axis), `card ${JSON.stringify(open.cardRect)} clear of the axis ${JSON.stringify(axis)}`);
    await saveShot(page, `mobile-${exchange}-open`);

    await overlay(page, '[data-testid=liqlens-badge]').tap();
    await waitFor(() => ourGeometry(page).then((g) => !g.open), { what: 'the card closed after a second tap' });
    // Keyboard: Enter on the focused badge opens, Escape closes.
    await overlay(page, '[data-testid=liqlens-badge]').focus();
    await page.keyboard.press('Enter');
    await waitFor(() => ourGeometry(page).then((g) => g.open), { what: 'open by Enter' });
    await page.keyboard.press('Escape');
    await waitFor(() => ourGeometry(page).then((g) => !g.open), { what: 'closed by Escape' });
    await page.close();
  });
}

test('popup at 360 × 740: the LFR and state, nothing wider than the screen', async () => {
  const popup = await openPopup(browser, '?exchange=bybit&symbol=BTCUSDT');
  await popup.locator('[data-testid=popup-lfr][data-value]').waitFor({ timeout: 30_000 });
  await popup.getByTestId('minimap').waitFor({ timeout: 30_000 });
  const g = await popup.evaluate(() => ({
    vw: innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    widest: Math.max(...[...document.querySelectorAll('body *')].map((el) => el.getBoundingClientRect().right)),
    map: document.querySelector('[data-testid=minimap]').getBoundingClientRect().width,
  }));
  assert.equal(g.vw, W);
  assert.ok(g.scrollWidth <= W, `no horizontal scroll: ${g.scrollWidth} px of content`);
  assert.ok(g.widest <= W, `every element within the screen: ${g.widest}`);
  assert.ok(g.map > 300, `the map keeps (nearly) its width: ${g.map}`);
  assert.doesNotMatch(await popup.locator('main').innerText(), /NaN|Infinity/);
  await saveShot(popup, 'mobile-popup');
  await popup.close();
});
