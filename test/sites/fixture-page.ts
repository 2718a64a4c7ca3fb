/**
 * Loads a fixture trading page (test/fixtures/pages/<exchange>/page.html) into its own happy-dom Window at
 * a real exchange URL, running the page's inline script so query variants (?lang=zh&variant=hedge…) and the
 * `window.__fixture` hooks work exactly as in Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import type { Exchange } from '../../src/engine/types';

const ROOT = path.resolve(__dirname, '..', '..');

export function fixtureHtml(exchange: Exchange): string {
  const kit = fs.readFileSync(path.join(ROOT, 'test/fixtures/pages/kit.js'), 'utf8');
  return fs
    .readFileSync(path.join(ROOT, 'test/fixtures/pages', exchange, 'page.html'), 'utf8')
    .replace('<!--FIXTURE-KIT-->', () => `<script>\n${kit}</script>`)
    .replace('<!--CHART-->', '<div class="chart-placeholder"></div>');
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
