/**
 * Loads a fixture trading page (test/fixtures/pages/<exchange>/page.html) into its own happy-dom Window at
 * a real exchange URL, running the page's inline script so query variants (?lang=zh&variant=hedge…) and the
 * `window.__fixture` hooks work exactly as in Chromium.
 */
import { Window } from 'happy-dom';
import type { Exchange } from '../../src/engine/types';
import { composeFixturePage } from '../fixtures/pages/compose.mjs';

export function fixtureHtml(exchange: Exchange): string {
  const html = composeFixturePage(exchange, '<div class="chart-placeholder"></div>');
  if (html === null) throw new Error(`no fixture page for ${exchange}`);
  return html;
}

export const FIXTURE_URL: Record<Exchange, (symbol?: string) => string> = {
  binance: (s = 'BTCUSDT') => `https://www.binance.com/en/futures/${s}`,
  bybit: (s = 'BTCUSDT') => `https://www.bybit.com/trade/usdt/${s}`,
  okx: (s = 'BTCUSDT') => `https://www.okx.com/trade-swap/${s.replace(/USDT$/, '').toLowerCase()}-usdt-swap`,
  bitget: (s = 'BTCUSDT') => `https://www.bitget.com/futures/usdt/${s}`,
};

export interface FixtureHooks {
  setPosition(p: Record<string, unknown>): void;
  removePosition(symbol?: string, side?: string): void;
  setPositions(list: Record<string, unknown>[]): void;
  navigate(symbol: string): void;
  pushUrl(symbol: string): void;
  replaceUrl(symbol: string): void;
  rerender(): void;
  renders(): number;
}

export interface LoadedFixture {
  window: Window;
  document: Document;
  fixture: FixtureHooks;
  close(): Promise<void>;
}

/** Opens the fixture at `url` (+ query); the caller must close() it (the rerender variant runs a timer). */
export async function loadFixture(exchange: Exchange, query = '', url = FIXTURE_URL[exchange]()): Promise<LoadedFixture> {
  const window = new Window({
    url: url + (query ? `?${query.replace(/^\?/, '')}` : ''),
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } as never,
  });
  // Inline scripts run synchronously during write; no waitUntilComplete (the rerender variant's interval never ends).
  window.document.write(fixtureHtml(exchange));
  const fixture = (window as unknown as { __fixture?: FixtureHooks }).__fixture;
  if (!fixture) throw new Error(`${exchange} fixture page did not install window.__fixture`);
  return {
    window,
    document: window.document as unknown as Document,
    fixture,
    close: async () => {
      await window.happyDOM.abort();
      window.close();
    },
  };
}
