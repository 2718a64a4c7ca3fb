/**
 * Tier C: when the chart can be neither drawn on nor measured, a price ladder beside it: every band,
 * the marks and the reference price in price order, bar length by USD on the same absolute scale.
 */
import { ladderRows } from '../ui/view-model/ladder';
import type { Band } from './bands';
import { BAND_COLOUR } from './colours';
import { usdOpacity } from './intensity';
import type { Mark } from './marks';
import type { PaneRect } from './scale';

export function Ladder({ bands, marks, reference, anchor, belowBadge = false }: { bands: readonly Band[]; marks: readonly Mark[]; reference: number | null; anchor: PaneRect | null; belowBadge?: boolean }) {
  const rows = ladderRows(bands, marks, reference);
  // Top-left of the chart: the status panel owns the top-right corner, and the newest candles and the price
  // axis sit on the right, so the left edge (old history) is where a ladder hides the least.
  // On a phone the panel's badge holds that corner (./compact.ts): the ladder starts below it.
  const drop = belowBadge ? 40 : 0;
  const style = anchor
    ? { left: `${Math.max(0, anchor.left + 8)}px`, top: `${anchor.top + 8 + drop}px`, maxHeight: `${Math.max(120, anchor.height - 16 - drop)}px` }
    : { left: '12px', top: `${220 + drop}px` };
  return (
    <div class="ll-ladder" data-testid="liqlens-ladder" style={style}>
      <div class="ll-ladder-title">Liquidation ladder (estimated)</div>
      {rows.map((r) => {
        if (r.kind === 'ref') return <div key="ref" class="ll-row ll-ref">{r.text}</div>;
        if (r.kind === 'mark')
          return (
            <div key={r.key} class="ll-row" style={{ color: r.colour }}>
              {r.text}
            </div>
          );
        return (
          <div key={r.key} class="ll-row" data-testid="liqlens-ladder-row" data-side={r.side} data-low={r.low} data-high={r.high} data-usd={r.usdValue}>
            <span class="ll-ladder-price">{r.rangeText}</span>
            <span class="ll-ladder-bar" style={{ width: `${Math.round(usdOpacity(r.usd) * 80)}px`, background: BAND_COLOUR[r.side] }} />
            <span>{r.usdText}</span>
          </div>
        );
      })}
    </div>
  );
}
