/**
 * The OKX reader on REAL HTML: the logged-out capture of the BTC-USDT-SWAP trading page (April 2026,
 * test/fixtures/real-pages/okx-capture-2026-04, provenance in its README). Logged out there is no positions
 * table, so the reader must say "no position" with its reason and throw nothing; the chart iframe (a blob:
 * same-origin TradingView frame) and the account tab strip are in it, and the page's own URLs must match.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHART_IFRAME_SELECTORS, findWidget } from '../../../src/bridge/find-widget';
import { okxSite } from '../../../src/sites/okx/descriptor';
import { okxPage } from '../../../src/sites/okx/page';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/real-pages/okx-capture-2026-04');
const FULL = fs.readFileSync(path.join(DIR, 'okx_trade-swap_btc-usdt-swap_FULLPAGE_loggedout_2026-04-08.noscript.html'), 'utf8');
const URL_CAPTURED = 'https://www.okx.com/trade-swap/btc-usdt-swap';

let win: Window;
let doc: Document;
beforeAll(() => {
  // Offline: no iframe, script or stylesheet is fetched (the iframe's blob: URL belongs to the captured session).
  win = new Window({
    url: URL_CAPTURED,
    settings: { disableIframePageLoading: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true } as never,
  });
  win.document.write(FULL);
  doc = win.document as unknown as Document;
});
afterAll(async () => {
  await win.happyDOM.abort();
  win.close();
});

describe('OKX real capture (logged out)', () => {
  test('it is the real page: title, TradingView iframe, account tabs', () => {
    expect(doc.title).toBe('71,434.1 BTC USDT Perpetual Swap | OKX');
    expect(doc.querySelectorAll('[role="tab"][data-pane-id]').length).toBeGreaterThan(10);
  });

  test('the URL it was captured at, and its canonical link, are the BTCUSDT trading page', () => {
    expect(okxPage.symbolFromUrl(new URL(URL_CAPTURED))).toBe('BTCUSDT');
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
    if (canonical) expect(okxPage.symbolFromUrl(new URL(canonical))).toBe('BTCUSDT');
  });

  test('the page\'s own one- and two-part locale alternates match BTCUSDT', () => {
    const hrefs = Array.from(doc.querySelectorAll('link[rel="alternate"][hreflang]'), (l) => l.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThanOrEqual(18);
    // e.g. /zh-hans/, /es-la/, /en-ae/ (the three-part /zh-hans-ae/ is issue 11 §3, URL/locale work).
    const oneOrTwoPart = hrefs.filter((h) => /^https:\/\/www\.okx\.com(?:\/[a-z]{2}(?:-[a-z]{2,4})?)?\/trade-swap\//.test(h));
    expect(oneOrTwoPart.length).toBeGreaterThanOrEqual(17);
    for (const h of oneOrTwoPart) expect(okxPage.symbolFromUrl(new URL(h)), h).toBe('BTCUSDT');
  });

  test('the reader says "no position" with its reason and throws nothing (with and without the contract value)', () => {
    for (const ctx of [undefined, { coinPerContract: 0.01 }]) {
      const r = okxPage.readPosition(doc, 'BTCUSDT', ctx);
      expect(r.kind).toBe('none');
      expect(r.kind === 'none' && r.reason).toMatch(/^okx: \S.+/);
      expect(r.kind === 'none' && r.reason).not.toMatch(/\n/);
      expect('draft' in r).toBe(false);
    }
    expect(() => okxPage.panelRoot(doc)).not.toThrow();
    for (const sym of ['ETHUSDT', 'SOLUSDT']) expect(okxPage.readPosition(doc, sym).kind).toBe('none');
  });

  test('the chart: the TradingView iframe is found by the bridge\'s selectors, the chart box by the OKX descriptor', () => {
    const frames = new Set(CHART_IFRAME_SELECTORS.flatMap((sel) => Array.from(doc.querySelectorAll(sel))));
    expect([...frames].map((f) => f.id)).toEqual(['tradingview_a3b59']);
    const frame = [...frames][0] as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toMatch(/^blob:https:\/\/www\.okx\.com\//);
    expect(decodeURIComponent(frame.getAttribute('data-widget-options') ?? '')).toContain('symbol=SWAP:BTC-USDT-SWAP~LastPrice');
    expect(okxSite.chartSelectors.some((sel) => doc.querySelector(sel)?.contains(frame))).toBe(true);
  });

  test('finding the widget on it names why there is none instead of throwing (no live chart in a capture)', () => {
    const found = findWidget(win as unknown as globalThis.Window);
    expect('reason' in found && found.reason).toMatch(/chart frame found but no widget API|no TradingView chart frame/);
  });

  test('the account tab strip is there: data-pane-id tabs, "positions" labelled "Open positions", drag-sortable', () => {
    const tabs = Array.from(doc.querySelectorAll('[role="tab"].okui-tabs-pane[data-pane-id]'));
    const ids = tabs.map((t) => t.getAttribute('data-pane-id'));
    expect(ids).toEqual(expect.arrayContaining(['open_order', 'order_history', 'positions', 'position_history', 'assets', 'bots']));
    const positions = tabs.find((t) => t.getAttribute('data-pane-id') === 'positions')!;
    expect(positions.textContent?.trim()).toBe('Open positions');
    expect(positions.closest('.okui-dragdrop-sortable-item')).not.toBeNull();
    // Logged out: no position rows anywhere.
    expect(doc.querySelectorAll('.position-box .okui-table-row:not([aria-hidden="true"])').length).toBe(0);
  });
});
