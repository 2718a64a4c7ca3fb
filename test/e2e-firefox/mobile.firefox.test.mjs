// The phone in Firefox (issue 15 item 3; Firefox for Android is declared in the manifest: gecko_android): the
// production Firefox build (`npx wxt build -b firefox`, no test seams) in real Firefox ESR at 360 × 740. On the
// Bybit fixture page (pixel tier, a DOM price axis) the overlay is an LFR badge clear of the price axis; a
// click opens the card with the LFR, stop and position, Escape closes it; nothing of ours runs past the
// screen. The popup fits the width. Screenshots: test-results/screenshots/mobile-firefox-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchFirefox } from '../../scripts/firefox.mjs';
import { demoUrl } from '../../scripts/browser.mjs';

const W = 360;
const H = 740;
const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'screenshots');

let server;
let ff;
before(async () => {
  server = await startFixtureServer();
  ff = await launchFirefox({ port: server.port });
});
after(async () => {
  await ff?.close();
  await server?.close();
});

async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Polls `fn` until it returns something with `done`; the timeout error says what was last seen. */
async function waitFor(fn, { timeout = 10_000, what }) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last?.done) return last;
    } catch (e) {
      last = String(e);
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The overlay's geometry and hooks, the fixture chart's DOM price axis, in viewport px. */
function look(page) {
  return page.evaluate(() => {
    const root = document.querySelector('liqlens-overlay')?.shadowRoot;
    const q = (sel) => root?.querySelector(sel);
    const rect = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    };
    const panel = q('[data-testid=liqlens-panel]');
    const badge = q('[data-testid=liqlens-badge]');
    const state = q('[data-testid=liqlens-status]')?.getAttribute('data-state');
    const side = q('[data-testid=liqlens-position]')?.getAttribute('data-side');
    const shown = root ? [...root.querySelectorAll('*')].filter((el) => el.getClientRects().length > 0) : [];
    return {
      vw: innerWidth,
      layout: panel?.dataset.layout ?? null,
      open: !!panel?.classList.contains('ll-open'),
      expanded: badge?.getAttribute('aria-expanded') ?? null,
      state,
      side,
      lfr: q('[data-testid=liqlens-lfr]')?.getAttribute('data-value') ?? null,
      badge: badge ? rect(badge) : null,
      badgeText: badge?.textContent ?? '',
      axis: rect(document.querySelector('[data-fixture-chart] [data-part=axis]')),
      leftmost: Math.min(...shown.map((el) => el.getBoundingClientRect().left)),
      rightmost: Math.max(...shown.map((el) => el.getBoundingClientRect().right)),
      card: ['lfr', 'stop', 'position'].map((k) => {
        const el = q(`.ll-card [data-testid=liqlens-${k}]`);
        return { k, text: el?.textContent ?? '', ...(el ? rect(el) : {}) };
      }),
      done: !!badge && (state === 'ok' || state === 'partial') && side === 'long' && !!q('[data-testid=liqlens-lfr]')?.getAttribute('data-value'),
    };
  });
}

const intersects = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('bybit at 360 × 740 (Firefox): the LFR badge clear of the price axis; a click opens the card, Escape closes it', async () => {
  const page = await ff.browser.newPage();
  await page.setViewport({ width: W, height: H });
  await page.goto(demoUrl('bybit'), { waitUntil: 'load' });
  const closed = await waitFor(() => look(page), { timeout: 90_000, what: 'the badge with an analysed map and the position read' });
  assert.equal(closed.vw, W);
  assert.equal(closed.layout, 'compact');
  assert.equal(closed.open, false);
  assert.ok(closed.axis.width > 0, 'the fixture chart has its price axis');
  assert.ok(!intersects(closed.badge, closed.axis), `badge ${JSON.stringify(closed.badge)} clear of the price axis ${JSON.stringify(closed.axis)}`);
  assert.ok(closed.badge.height >= 32, 'a badge big enough to tap');
  assert.match(closed.badgeText, new RegExp(`LFR ${Number(closed.lfr).toFixed(2).replace('.', '\\.')}`));
  assert.ok(closed.leftmost >= 0 && closed.rightmost <= W, `nothing of ours past the screen: ${closed.leftmost}…${closed.rightmost}`);
  await shot(page, 'mobile-firefox-bybit-badge');

  await page.mouse.click(closed.badge.left + closed.badge.width / 2, closed.badge.top + closed.badge.height / 2);
  const open = await waitFor(async () => {
    const s = await look(page);
    return { ...s, done: s.open };
  }, { what: 'the card open after a click on the badge' });
  assert.equal(open.expanded, 'true');
  for (const c of open.card) assert.ok(c.width > 0 && c.left >= 0 && c.right <= W, `${c.k} shown within the screen: ${JSON.stringify(c)}`);
  assert.match(open.card[0].text, /^LFR \d/);
  assert.match(open.card[1].text, /^Stop [\d,.]+ \(/);
  assert.match(open.card[2].text, /^Long 0\.15 @ 96,800\.0 · 10x cross · liq 87,512\.3/);
  assert.ok(open.rightmost <= W, `the open card runs past no edge: ${open.rightmost}`);
  await shot(page, 'mobile-firefox-bybit-open');

  await page.keyboard.press('Escape');
  await waitFor(async () => {
    const s = await look(page);
    return { ...s, done: !s.open && s.expanded === 'false' };
  }, { what: 'the card closed by Escape' });
  await page.close();
});

test('popup at 360 × 740 (Firefox): the LFR, nothing wider than the screen', async () => {
  const popup = await ff.browser.newPage();
  await popup.setViewport({ width: W, height: H });
  // page.goto on moz-extension:// pages never resolves in Firefox's BiDi: navigate, then poll the document.
  void popup.goto(`${ff.extensionOrigin}/popup.html?exchange=bybit&symbol=BTCUSDT`).catch(() => {});
  const shown = await waitFor(
    () =>
      popup.evaluate(() => {
        const lfr = document.querySelector('[data-testid=popup-lfr]')?.getAttribute('data-value') ?? null;
        const map = document.querySelector('[data-testid=minimap]');
        return {
          vw: innerWidth,
          lfr,
          scrollWidth: document.documentElement.scrollWidth,
          rightmost: Math.max(...[...document.querySelectorAll('body *')].map((el) => el.getBoundingClientRect().right)),
          map: map?.getBoundingClientRect().width ?? 0,
          done: lfr !== null && !!map,
        };
      }),
    { timeout: 60_000, what: 'the popup with an LFR and its map' },
  );
  assert.equal(shown.vw, W);
  assert.ok(shown.scrollWidth <= W, `no horizontal scroll: ${shown.scrollWidth}`);
  assert.ok(shown.rightmost <= W, `every element within the screen: ${shown.rightmost}`);
  assert.ok(shown.map > 300, `the map keeps (nearly) its width: ${shown.map}`);
  await shot(popup, 'mobile-firefox-popup');
  await popup.close();
});
