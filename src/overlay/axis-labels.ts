/**
 * Reading a chart's price-axis labels from the DOM: the (price, y) pairs calibrate.ts fits. The axis
 * is discovered once (the element whose children are the most vertically stacked numeric labels) and
 * then re-read cheaply on every poll.
 */
import { byPageConvention, readDigits } from '../numbers/digits';
import type { AxisPoint } from './calibrate';

/**
 * Parses an axis label like `97,000.0`, `97 000,5`, `1.2K` with the shared digit reader (src/numbers) and
 * the page convention for `1,234` / `96.800`; null when it is not a plain positive number.
 */
export function parseAxisNumber(text: string): number | null {
  const m = /^(\d[\d.,\s\u00a0\u2009\u202f]*?)\s*([KkMm]?)$/.exec(text.trim());
  const n = m ? byPageConvention(readDigits(m[1]!)) : null;
  const v = n === null ? 0 : n * (m![2] ? (/k/i.test(m![2]) ? 1e3 : 1e6) : 1);
  return v > 0 && Number.isFinite(v) ? v : null;
}

export interface AxisReading {
  points: AxisPoint[];
  /** Viewport rect of the axis column (the pane is to its left, as tall as it). */
  rect: DOMRect;
}

/** Reads the labels directly under `axis`: centre y of each numeric label. */
export function readAxis(axis: Element): AxisReading {
  const points: AxisPoint[] = [];
  for (const el of axis.children) {
    const text = el.textContent ?? '';
    const price = parseAxisNumber(text);
    if (price === null) continue;
    const r = el.getBoundingClientRect();
    if (r.height <= 0) continue;
    points.push({ price, y: r.top + r.height / 2 });
  }
  return { points, rect: axis.getBoundingClientRect() };
}

/**
 * Finds the price axis under `root`: the element with the most direct children that read as numbers
 * (at least 3), stacked vertically in one column. Walks text nodes, so it is done once, not per poll.
 */
export function findAxis(root: Element): Element | null {
  const counts = new Map<Element, number>();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const label = n.parentElement;
    const axis = label?.parentElement;
    if (!label || !axis || parseAxisNumber(n.textContent ?? '') === null) continue;
    counts.set(axis, (counts.get(axis) ?? 0) + 1);
  }
  const rootRect = root.getBoundingClientRect();
  let best: Element | null = null;
  let bestCount = 2;
  for (const [el, count] of counts) {
    if (count <= bestCount) continue;
    const xs = [...el.children].map((c) => Math.round(c.getBoundingClientRect().right));
    const sameColumn = Math.max(...xs) - Math.min(...xs) <= 40;
    // A price axis runs along the chart's right edge for most of its height; a column of numbers elsewhere
    // (an order book, a depth table) is not one.
    const r = el.getBoundingClientRect();
    const alongRightEdge = r.right >= rootRect.right - 160 && r.height >= 0.4 * rootRect.height;
    if (sameColumn && alongRightEdge) {
      best = el;
      bestCount = count;
    }
  }
  return best;
}
