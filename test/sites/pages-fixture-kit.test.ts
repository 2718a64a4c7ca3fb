/** The four fixture pages share one kit block (state, variants, e2e hooks); drift would make variants lie. */
import { expect, test } from 'vitest';
import { fixtureHtml } from './fixture-page';

const kit = (html: string) => {
  const start = html.indexOf('/* ---- fixture kit');
  const end = html.indexOf('</script>', start);
  return html.slice(start, end);
};

test('the kit block is identical in the four fixture pages, and each page is labelled a model', () => {
  const pages = (['binance', 'bybit', 'okx', 'bitget'] as const).map(fixtureHtml);
  const first = kit(pages[0]!);
  expect(first.length).toBeGreaterThan(1000);
  for (const p of pages) {
    expect(kit(p)).toBe(first);
    expect(p).toMatch(/<!-- MODEL of an? .* NOT a snapshot/);
  }
});
