/**
 * Where each exchange's chart sits in the page, for the pixel overlay and the ladder. Kept in one small
 * table so a changed page is a one-line fix; generic fallbacks after the exchange's own selectors.
 */
import type { Exchange } from '../engine/types';

export const CHART_ROOT_SELECTORS: Record<Exchange, readonly string[]> = {
  binance: ['.chart-widget-root', '#chart_futures-tradingview', '[data-testid="basic-chart"]'],
  okx: ['.tv-chart-box', '[class*="chart-box"]'],
  bybit: ['.kline-container', '#tv_chart_container', '[class*="kline-chart"]'],
  bitget: ['.kline-box', '#tradingview-chart', '[class*="kline"]'],
};

const GENERIC = ['iframe[id^="tradingview_"]', '[class*="chart-container" i]', '[id*="chart" i]', '[class*="chart" i]'];

/** The largest visible candidate (≥ 240×160 px): the chart, not an icon or a mini-chart. */
export function findChartRoot(doc: Document, exchange: Exchange): Element | null {
  for (const list of [CHART_ROOT_SELECTORS[exchange], GENERIC]) {
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
