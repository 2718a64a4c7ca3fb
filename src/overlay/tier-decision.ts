/**
 * Which tier to draw with, given what the bridge probe and the DOM axis offer (pure): native when the
 * widget can draw, else pixel when a scale is known (widget or DOM axis), else the ladder, and the
 * chart rectangle the panel should sit in.
 */
import type { ChartProbe } from '../bridge/protocol';
import type { ScaleRead } from './dom-scale';
import { sameRect } from './pane-rect';
import type { PaneRect } from './scale';
import type { OverlayState } from './store';
import { chooseTier } from './tier';

export interface TierFacts {
  state: Pick<OverlayState, 'overlay' | 'chartRect'>;
  probe: ChartProbe | null;
  /** Why the probe found no widget (or why there is no bridge). */
  probeWhyNot: string;
  dom: ScaleRead;
  /** The DOM chart root's rectangle, when one was found. */
  domRect: PaneRect | null;
  /** Why the widget's price scale was refused (scale-check.ts); the DOM axis's scale stands in for it. */
  scaleRefused?: string | null;
}

export type TierDecision = Pick<OverlayState, 'tier' | 'tierReason' | 'chartVia' | 'chartRect'>;

export function decideTier({ state: s, probe, probeWhyNot, dom, domRect, scaleRefused }: TierFacts): TierDecision {
  const native = !!(probe?.found && probe.canDraw);
  const pixel = !!(probe?.found && probe.canScale) || dom.ok;
  const { tier, reason: why } = chooseTier(s.overlay.mode, {
    native,
    pixel,
    nativeWhyNot: probe?.found ? 'chart API cannot draw' : probeWhyNot,
    pixelWhyNot: dom.ok ? '' : dom.reason,
  });
  // A refusal needs the labels, so the pixel tier stays available: drawn on the labels' scale instead.
  const reason = scaleRefused && dom.ok && tier === 'pixel' ? `${why}; ${scaleRefused}` : why;
  // The widget's pane (taken in doProbe) beats the DOM chart root, which includes the price axis.
  const seen = dom.ok ? dom.input.pane : probe?.found && probe.canScale ? null : domRect;
  const chartRect = seen && !sameRect(s.chartRect, seen) ? seen : s.chartRect;
  return { tier, tierReason: reason, chartVia: probe?.found ? probe.via : null, chartRect };
}

/**
 * Ticks between probes. Until the chart is found: every ~¼ s for 10 s (charts load late), then ~1 s for
 * half a minute; otherwise (found, or a page without a reachable widget) every few seconds, to notice a
 * recreated chart.
 */
export function probeEvery(found: boolean, probes: number): number {
  return found ? 40 : probes < 40 ? 2 : probes < 70 ? 8 : 40;
}
