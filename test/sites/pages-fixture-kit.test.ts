/** The four fixture pages share one kit (test/fixtures/pages/kit.js: state, variants, e2e hooks), inlined once each. */
import { expect, test } from 'vitest';
import { fixtureHtml } from './fixture-page';

test('each fixture page inlines the shared kit once, before its own block, and is labelled a model', () => {
  for (const exchange of ['binance', 'bybit', 'okx', 'bitget'] as const) {
    const html = fixtureHtml(exchange);
    const kitAt = html.indexOf('/* ---- fixture kit');
    expect(kitAt, exchange).toBeGreaterThan(0);
    expect(html.indexOf('/* ---- fixture kit', kitAt + 1), exchange).toBe(-1);
    expect(html.indexOf('window.__fixtureKit', kitAt), exchange).toBeGreaterThan(kitAt);
    expect(html, exchange).toMatch(/<!-- MODEL of an? .* NOT a snapshot/);
  }
});
