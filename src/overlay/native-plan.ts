/** Tier A: the bands and marks as shape specs for the chart bridge to draw natively. */
import type { DrawRequest, ShapeSpec } from '../bridge/protocol';
import { MAX_SHAPES } from '../bridge/protocol';
import type { Band } from './bands';
import { EMPHASIS_TIERS } from './bands';
import { BAND_COLOUR } from './colours';
import { formatUsd } from '../ui/format';
import { usdOpacity } from './intensity';
import type { Mark } from './marks';

export function nativePlan(symbol: string, bands: readonly Band[], marks: readonly Mark[], userOpacity: number): DrawRequest {
  const o = Math.min(1, Math.max(0, userOpacity));
  const shapes: ShapeSpec[] = [];
  for (const b of bands) {
    shapes.push({
      key: b.key,
      kind: 'band',
      low: b.low,
      high: b.high,
      colour: BAND_COLOUR[b.side],
      opacity: Math.round(usdOpacity(b.usd) * o * 100) / 100,
      // The chart's own rectangles cannot be striped, so the 10x–25x share (the most actionable tiers) is said.
      text: `${b.side === 'long' ? 'Long' : 'Short'} liq. ${formatUsd(b.usd)} (est.) · ${EMPHASIS_TIERS.min}–${EMPHASIS_TIERS.max}x ${Math.round(b.emphasis * 100)} %`,
    });
  }
  for (const m of marks) {
    shapes.push({ key: m.key, kind: 'line', price: m.price, colour: m.colour, style: m.style, width: m.key === 'stop' ? 2 : 1, text: m.label });
  }
  return { symbol, shapes: shapes.slice(0, MAX_SHAPES) };
}
