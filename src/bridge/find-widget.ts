/**
 * Finding the TradingView widget from the page's MAIN world (docs/pages-and-overlay.md §2.2):
 * the chart's same-origin iframe (`iframe[id|name^="tradingview_"]`, the exchanges' chart roots) whose
 * window holds `tradingViewApi`, then other known global names, then the top window's globals.
 */
import { chartOf, type TvChart } from './tv-api';

export const CHART_IFRAME_SELECTORS = [
  'iframe[id^="tradingview_"]',
  'iframe[name^="tradingview_"]',
  '.chart-widget-root iframe',
  '#chart_futures-tradingview iframe',
  '[data-testid="basic-chart"] iframe',
  '.tv-chart-box iframe',
];

/**
 * Global names the widget is published under, on the chart frame's window or the page's: the exchanges'
 * TradingView frames use `tradingViewApi`; TradingView.com and some builds `TradingViewApi`.
 */
export const WIDGET_GLOBALS = ['tradingViewApi', 'tvWidget', 'widget', 'TradingViewApi'];

export interface FoundWidget {
  widget: unknown;
  chart: TvChart;
  /** Human-readable route, e.g. `iframe#tradingview_ab12 › tradingViewApi`. */
  via: string;
  frame: HTMLIFrameElement | null;
  /** The window the widget lives in (the iframe's, or the top one). */
  win: Window;
  /** The global it is published under there (one of WIDGET_GLOBALS). */
  global: string;
}

function describe(frame: HTMLIFrameElement): string {
  return frame.id ? `iframe#${frame.id}` : frame.name ? `iframe[name=${frame.name}]` : 'iframe';
}

function probeWindow(win: Window, frame: HTMLIFrameElement | null): FoundWidget | null {
  for (const name of WIDGET_GLOBALS) {
    let widget: unknown;
    try {
      widget = (win as unknown as Record<string, unknown>)[name];
    } catch {
      return null; // cross-origin frame: not reachable from here
    }
    const chart = chartOf(widget);
    if (chart) return { widget, chart, via: `${frame ? `${describe(frame)} › ` : 'window › '}${name}`, frame, win, global: name };
  }
  return null;
}

export function findWidget(top: Window): FoundWidget | { reason: string } {
  const doc = top.document;
  const frames = new Set<HTMLIFrameElement>();
  for (const sel of CHART_IFRAME_SELECTORS) doc.querySelectorAll<HTMLIFrameElement>(sel).forEach((f) => frames.add(f));
  let crossOrigin = 0;
  for (const frame of frames) {
    let win: Window | null = null;
    try {
      win = frame.contentWindow;
      void win?.document; // throws for a cross-origin frame
    } catch {
      crossOrigin += 1;
      continue;
    }
    if (!win) continue;
    const found = probeWindow(win, frame);
    if (found) return found;
  }
  const own = probeWindow(top, null);
  if (own) return own;
  if (frames.size === 0) return { reason: 'no TradingView chart frame or widget global on this page' };
  return {
    reason: crossOrigin === frames.size ? 'chart frame is cross-origin' : 'chart frame found but no widget API in it',
  };
}

/** Selectors for the main pane element inside a TradingView document. */
export const PANE_SELECTORS = ['.chart-markup-table.pane', 'td.chart-markup-table.pane', '.chart-markup-table .pane', '[data-name="pane"]'];

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The main pane in top-window viewport pixels. The widget reports only the pane height, so the pane
 * element is found in the chart document and chosen by that height; without one, the pane is assumed
 * at the top of the frame with the price axis (≈ 60 px) on its right.
 */
export function paneRect(found: FoundWidget, paneHeight: number): Rect {
  const frameRect = found.frame?.getBoundingClientRect();
  const offX = frameRect ? frameRect.left + (found.frame?.clientLeft ?? 0) : 0;
  const offY = frameRect ? frameRect.top + (found.frame?.clientTop ?? 0) : 0;
  let doc: Document | null = null;
  try {
    doc = found.win.document;
  } catch {
    doc = null;
  }
  if (doc) {
    for (const sel of PANE_SELECTORS) {
      for (const el of doc.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && Math.abs(r.height - paneHeight) <= 2) {
          return { left: offX + r.left, top: offY + r.top, width: r.width, height: paneHeight };
        }
      }
    }
  }
  const width = found.frame ? found.frame.clientWidth : found.win.innerWidth;
  return { left: offX, top: offY, width: Math.max(1, width - 60), height: paneHeight };
}

/**
 * Whether a found widget is still the page's chart: its frame still in the document and showing the same
 * window, the same object still published under its name, still answering with the same chart. False once
 * the page removed the frame (e.g. OKX's chart type switched away from TradingView) or replaced the widget.
 */
export function stillPublished(found: FoundWidget): boolean {
  try {
    if (found.frame && (!found.frame.isConnected || found.frame.contentWindow !== found.win)) return false;
    const published = (found.win as unknown as Record<string, unknown>)[found.global];
    // A page may publish a fresh wrapper of the same chart: that is still the chart we drew on.
    if (published !== found.widget && chartOf(published) !== found.chart) return false;
  } catch {
    return false;
  }
  return chartOf(found.widget) === found.chart;
}
