/**
 * A price scale the page supplies (the widget's, through the bridge) is believed only if it agrees with the
 * chart's price-axis labels where the DOM has them: the page can forge the bridge's answers or patch its
 * widget, but the labels are what the trader reads. Both scales are in viewport px; they are compared at
 * the top, middle and bottom of the labelled axis.
 */
import { makeScale, type ScaleInput } from './scale';

/** Labels sit at their exact pixel (calibrate.ts fits them to ≤ 1.5 px): more than this is another scale. */
export const SCALE_TOLERANCE_PX = 4;

/** null when the page's scale agrees with the one calibrated from the axis labels, else the refusal. */
export function scaleRefusal(page: ScaleInput, axis: ScaleInput): string | null {
  const fromAxis = makeScale(axis);
  const fromPage = makeScale(page);
  const { top, height } = axis.pane;
  for (const y of [top, top + height / 2, top + height]) {
    if (!(Math.abs(fromPage.y(fromAxis.price(y)) - y) <= SCALE_TOLERANCE_PX)) return "chart's price scale refused: it disagrees with the price-axis labels";
  }
  return null;
}
