// The chart parts of LiqLens on OKX's real chart HTML (test/fixtures/real-pages/okx-capture-2026-04, a logged-out capture of April 2026).
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { CHART_IFRAME_SELECTORS } from '../../../src/bridge/find-widget';
import { okxSite } from '../../../src/sites/okx/descriptor';
import { normaliseChartSymbol } from '../../../src/symbols/chart-symbol';

const html = fs.readFileSync(path.join(__dirname, '../../fixtures/real-pages/okx-capture-2026-04/okx_chart_container_and_tradingview_iframe.html'), 'utf8');

/** The excerpt in its own window; the frame's blob: URL is never loaded (happy-dom says so on its console: silenced). */
function load(): Document {
  const win = new Window({ url: 'https://www.okx.com/trade-swap/btc-usdt-swap', console: { ...console, error: () => {}, warn: () => {} } as Console });
  win.document.body.innerHTML = html;
  return win.document as unknown as Document;
}

describe('OKX chart, real capture', () => {
  it('the bridge finds the TradingView frame (random id, blob: src)', () => {
    const doc = load();
    const frames = new Set(CHART_IFRAME_SELECTORS.flatMap((s) => [...doc.querySelectorAll('iframe')].filter((f) => f.matches(s))));
    expect([...frames].map((f) => f.id)).toEqual(['tradingview_a3b59']);
  });

  it('the widget symbol in the frame’s options is the page symbol once normalised', () => {
    const frame = load().querySelector<HTMLIFrameElement>('iframe#tradingview_a3b59')!;
    const symbol = new URLSearchParams(frame.getAttribute('data-widget-options')!).get('symbol');
    expect(symbol).toBe('SWAP:BTC-USDT-SWAP~LastPrice');
    expect(normaliseChartSymbol(symbol)).toBe('BTCUSDT');
  });

  it('the chart anchor is the chart area below OKX’s toolbar: the panel never covers the Original / TradingView switch', () => {
    const doc = load();
    const root = doc.querySelector(okxSite.chartSelectors[0]!)!;
    expect(root).not.toBeNull();
    expect(root.querySelector('iframe#tradingview_a3b59')).not.toBeNull();
    expect(root.querySelector('[role="tab"][data-pane-id]')).toBeNull();
    const tabs = [...doc.querySelectorAll('#trade_k1 [role="tab"][data-pane-id]')].map((t) => [t.getAttribute('data-pane-id'), t.getAttribute('aria-selected')]);
    expect(tabs).toEqual([
      ['Original', 'false'],
      ['TradingView', 'true'],
      ['Depth', 'false'],
      ['MarketCap', 'false'],
    ]);
  });
});
