/**
 * The price scale read from the DOM price axis, for charts whose widget is out of reach (pixel tier
 * fallback). Keeps the chart root and axis it found, and finds them again when the page re-renders them.
 */
import { findAxis, readAxis } from './axis-labels';
import { calibrate, calibrationToScale } from './calibrate';
import { findChartRoot } from './chart-anchors';
import type { PaneRect, ScaleInput } from './scale';

export type ScaleRead = { ok: true; input: ScaleInput } | { ok: false; reason: string };

export interface DomScale {
  read(): ScaleRead;
  /** The chart root found by the last read(), if still in the page. */
  root(): Element | null;
}

export function domScaleReader(doc: Document, chartSelectors: readonly string[]): DomScale {
  let axis: Element | null = null;
  let domRoot: Element | null = null;
  return {
    read() {
      if (!domRoot || !domRoot.isConnected) {
        domRoot = findChartRoot(doc, chartSelectors);
        axis = null;
      }
      if (!domRoot) return { ok: false, reason: 'no chart element found' };
      if (!axis || !axis.isConnected) axis = findAxis(domRoot);
      if (!axis) return { ok: false, reason: 'no readable price axis' };
      const reading = readAxis(axis);
      const cal = calibrate(reading.points);
      if (cal.kind === 'none') {
        axis = null; // re-discover next time: the chart may have re-rendered its axis elsewhere
        return { ok: false, reason: cal.reason };
      }
      const root = domRoot.getBoundingClientRect();
      const pane: PaneRect = { left: root.left, top: reading.rect.top, width: Math.max(1, reading.rect.left - root.left), height: reading.rect.height };
      const input = calibrationToScale(cal, pane);
      return input ? { ok: true, input } : { ok: false, reason: 'price axis calibration out of range' };
    },
    root() {
      return domRoot?.isConnected ? domRoot : null;
    },
  };
}
