// Firefox e2e: the Firefox build (.output/firefox-mv2, `npx wxt build -b firefox`; this test builds nothing)
// in real Firefox ESR over WebDriver BiDi, installed as a temporary add-on, against the local fixture exchange
// through a loopback proxy. On the Binance fixture trading page the content script mounts its UI (bundled in
// on Firefox, src/content/load-ui.ts); the panel must show the analysed map, with no extension error on
// Firefox's console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer, ALL_HOSTS } from '../../scripts/fixture-server.mjs';
import { launchFirefox } from '../../scripts/firefox.mjs';
import { demoUrl } from '../../scripts/browser.mjs';

let server;
let ff;
const pageErrors = [];
before(async () => {
  server = await startFixtureServer();
  ff = await launchFirefox({ port: server.port });
});
after(async () => {
  await ff?.close();
  await server?.close();
});

/** Polls `fn` until it returns something truthy; the timeout error says what was last seen. */
async function waitFor(fn, { timeout, what }) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last?.done) return last;
    } catch (e) {
      if (e?.fatal) throw e;
      last = String(e);
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What the overlay's shadow root shows (read from the page: the shadow root is open). */
function overlayState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('liqlens-overlay');
    const root = host?.shadowRoot;
    const q = (sel) => root?.querySelector(sel);
    const state = q('[data-testid=liqlens-status]')?.getAttribute('data-state') ?? null;
    const lfr = q('[data-testid=liqlens-lfr]')?.getAttribute('data-value') ?? null;
    const health = [...(root?.querySelectorAll('[data-testid=liqlens-exchange-health]') ?? [])].map((e) => [e.getAttribute('data-exchange'), e.getAttribute('data-state')]);
    return {
      mounted: !!host,
      mode: root?.mode ?? null,
      panel: !!q('[data-testid=liqlens-panel]'),
      state,
      lfr,
      tier: q('[data-testid=liqlens-tier]')?.getAttribute('data-tier') ?? null,
      health,
      text: (root?.textContent ?? '').slice(0, 300),
      done: !!q('[data-testid=liqlens-panel]') && (state === 'ok' || state === 'partial') && !!lfr,
    };
  });
}

/**
 * Errors on Firefox's console (stdout: devtools.console.stdout.*): uncaught errors in extension files
 * ("JavaScript error: moz-extension://…") and console.error from the background or a content script. Firefox's
 * own remote agent (the WebDriver BiDi side: chrome:// modules, JSWindowActor) logs errors there too; those
 * are not the extension's and are left out.
 */
const extensionErrors = () =>
  ff.output.filter((l) => (/^JavaScript error: moz-extension:/.test(l) || /^console\.error:/.test(l)) && !/chrome:\/\/|resource:\/\/|JSWindowActor/.test(l));

test('binance (Firefox): the UI renders the panel with the analysed map, no extension errors', async (t) => {
  const page = await ff.browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // Content-script console messages reach the page's BiDi log too.
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console.error: ${m.text()}`); });
  await page.goto(demoUrl('binance'), { waitUntil: 'load' });
  assert.equal(page.url(), demoUrl('binance'), 'the exchange URL is kept (tunnelled to the fixture server)');

  // The panel exists only once the UI module has loaded and mounted (start.ts renders nothing before).
  const mounted = await waitFor(
    async () => {
      const s = await overlayState(page);
      // start.ts writes this line into the shadow root when the import fails: fail at once, saying why.
      if (/overlay not loaded/.test(s.text)) throw Object.assign(new Error(`UI module failed: ${s.text}`), { fatal: true });
      return { ...s, done: s.panel };
    },
    { timeout: 20_000, what: 'the overlay panel rendered by the UI module' },
  );
  assert.equal(mounted.mode, 'open', 'open shadow root');

  // The map: status ok/partial with an LFR, as soon as the background's analysis arrives (any exchange).
  const shown = await waitFor(() => overlayState(page), { timeout: 90_000, what: 'the analysed map in the panel (status ok/partial with an LFR)' });
  t.diagnostic(`panel: state ${shown.state}, LFR ${shown.lfr}, tier ${shown.tier}, exchanges ${JSON.stringify(shown.health)}`);
  assert.ok(Number.isFinite(Number(shown.lfr)), `LFR is a number: ${shown.lfr}`);
  assert.equal(shown.tier, 'native', 'Binance draws on the (fake) TradingView widget natively');

  assert.deepEqual(pageErrors, [], 'no uncaught error or console.error on the page (content scripts included)');
  assert.deepEqual(extensionErrors(), [], 'no extension errors on the Firefox console');
  // Traffic stayed on loopback: every host the fixture server saw is an exchange host, nothing was refused
  // except what Firefox itself tries on start (no exchange host among the refused).
  assert.ok(server.log.length > 0, 'the fixture server saw traffic');
  for (const e of server.log) assert.ok(ALL_HOSTS.includes(e.host), `unexpected host ${e.host}`);
  assert.ok(server.log.some((e) => e.host === 'fapi.binance.com'), 'the background fetched Binance\'s API');
  const refusedExchange = ff.proxy.refused.filter((r) => ALL_HOSTS.some((h) => r.includes(h)));
  assert.deepEqual(refusedExchange, [], 'no exchange host was refused by the proxy');
  await page.close();
});
