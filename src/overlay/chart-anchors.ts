/**
 * Where the exchange's chart sits in the page, for the pixel overlay and the ladder: the exchange's own
 * selectors come from its descriptor (src/sites/<exchange>/descriptor.ts, passed in by its content
 * script), then generic fallbacks.
 */

const GENERIC = ['iframe[id^="tradingview_"]', '[class*="chart-container" i]', '[id*="chart" i]', '[class*="chart" i]'];

/** The largest visible candidate (≥ 240×160 px): the chart, not an icon or a mini-chart. */
export function findChartRoot(doc: Document, chartSelectors: readonly string[]): Element | null {
  for (const list of [chartSelectors, GENERIC]) {
    let best: Element | null = null;
    let bestArea = 240 * 160;
    for (const sel of list) {
      for (const el of doc.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        const area = r.width * r.height;
        if (r.width >= 240 && r.height >= 160 && area >= bestArea) {
          best = el;
          bestArea = area;
        }
      }
      if (best) return best;
    }
  }
  return null;
}
