/** Chart rectangles in viewport px: compared by value, so the panel only moves when the chart really moved. */
import type { PaneRect } from './scale';

export const sameRect = (a: PaneRect | null, b: PaneRect) => !!a && a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;

export const rectOf = (el: Element): PaneRect => {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
};
