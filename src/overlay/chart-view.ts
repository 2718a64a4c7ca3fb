/**
 * The map's on-chart views (issue #13), chosen in the panel and stored as `overlay.chartView`, with their
 * few UI strings in one place (for translation):
 * - profile (default): the price-axis histogram (ProfileCanvas.tsx), labelled bands for the 3 nearest
 *   clusters each way, the stop, entry and liquidation lines;
 * - bands: up to 8 labelled bands each way and the lines (the view before #13);
 * - heatmap: the density over time (not drawn yet), bands as in profile;
 * - off: no map on the chart, only the lines.
 * The ladder tier (no chart scale) is a list beside the chart and shows its bands in every view.
 */
import type { Settings } from '../settings';
import { PLACEHOLDER, formatUtcTime } from '../ui/format';
import { CHART_VIEWS } from './overlay-settings';

export type ChartView = Settings['overlay']['chartView'];

export { CHART_VIEWS };

export const CHART_VIEW_TEXT = {
  label: 'Chart view',
  views: { profile: 'profile', bands: 'map bands', heatmap: 'heatmap', off: 'off' } satisfies Record<ChartView, string>,
  estimated: 'estimated',
  updated: (time: string) => `updated ${time}`,
} as const;

/** "estimated · updated 12:05 UTC", or "estimated" without a time. */
export function freshnessLabel(asOf: number | null | undefined): string {
  const t = typeof asOf === 'number' ? formatUtcTime(asOf) : null;
  return t && t !== PLACEHOLDER ? `${CHART_VIEW_TEXT.estimated} · ${CHART_VIEW_TEXT.updated(t)}` : CHART_VIEW_TEXT.estimated;
}

