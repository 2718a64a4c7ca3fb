/** Horizontal marks drawn on the chart: the suggested stop, the user's entry and liquidation price. */
import type { Analysis, Position } from '../engine/types';
import { LINE_COLOUR } from './colours';
import { formatPct, formatPrice } from '../ui/format';

export interface Mark {
  key: 'stop' | 'entry' | 'liquidation';
  price: number;
  colour: string;
  style: 'solid' | 'dashed' | 'dotted';
  label: string;
}

const ok = (p: number | undefined): p is number => typeof p === 'number' && Number.isFinite(p) && p > 0;

export function chartMarks(analysis: Analysis | null, position: Position | null): Mark[] {
  const marks: Mark[] = [];
  if (analysis?.stop.kind === 'stop' && ok(analysis.stop.price)) {
    const s = analysis.stop;
    marks.push({
      key: 'stop',
      price: s.price,
      colour: LINE_COLOUR.stop,
      style: 'solid',
      label: `Suggested stop ${formatPrice(s.price)} (${formatPct(s.distancePct)} away)`,
    });
  }
  if (position && ok(position.entry)) {
    marks.push({ key: 'entry', price: position.entry, colour: LINE_COLOUR.entry, style: 'dotted', label: `Entry ${formatPrice(position.entry)}` });
  }
  if (position && ok(position.liqPrice)) {
    marks.push({
      key: 'liquidation',
      price: position.liqPrice,
      colour: LINE_COLOUR.liquidation,
      style: 'dashed',
      label: `Your liquidation ${formatPrice(position.liqPrice)}`,
    });
  }
  return marks;
}
