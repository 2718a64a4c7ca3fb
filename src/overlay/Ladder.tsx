/**
 * Tier C: when the chart can be neither drawn on nor measured, a price ladder beside it: every band,
 * the marks and the reference price in price order, bar length by USD on the same absolute scale.
 */
import type { Band } from './bands';
import { BAND_COLOUR } from './colours';
import { formatPrice, formatUsd, plainDecimal } from '../ui/format';
import { usdOpacity } from './intensity';
import type { Mark } from './marks';
import type { PaneRect } from './scale';

type Row = { kind: 'band'; price: number; band: Band } | { kind: 'mark'; price: number; mark: Mark } | { kind: 'ref'; price: number };

export function Ladder({ bands, marks, reference, anchor }: { bands: readonly Band[]; marks: readonly Mark[]; reference: number | null; anchor: PaneRect | null }) {
  const rows: Row[] = [
    ...bands.map((band) => ({ kind: 'band' as const, price: (band.low + band.high) / 2, band })),
    ...marks.map((mark) => ({ kind: 'mark' as const, price: mark.price, mark })),
    ...(reference !== null ? [{ kind: 'ref' as const, price: reference }] : []),
  ].sort((a, b) => b.price - a.price);
  // Top-left of the chart: the status panel owns the top-right corner, and the newest candles and the price
  // axis sit on the right, so the left edge (old history) is where a ladder hides the least.
  const style = anchor
    ? { left: `${Math.max(0, anchor.left + 8)}px`, top: `${anchor.top + 8}px`, maxHeight: `${Math.max(120, anchor.height - 16)}px` }
    : { left: '12px', top: '220px' };
  return (
    <div class="ll-ladder" data-testid="liqlens-ladder" style={style}>
      <div class="ll-ladder-title">Liquidation ladder (estimated)</div>
      {rows.map((r, i) => {
        if (r.kind === 'ref') return <div key="ref" class="ll-row ll-ref">▶ {formatPrice(r.price)} reference</div>;
        if (r.kind === 'mark')
          return (
            <div key={r.mark.key} class="ll-row" style={{ color: r.mark.colour }}>
              — {r.mark.label}
            </div>
          );
        const b = r.band;
        return (
          <div key={b.key + i} class="ll-row" data-testid="liqlens-ladder-row" data-side={b.side} data-low={plainDecimal(b.low)} data-high={plainDecimal(b.high)} data-usd={plainDecimal(b.usd)}>
            <span class="ll-ladder-price">{formatPrice(b.low)}–{formatPrice(b.high)}</span>
            <span class="ll-ladder-bar" style={{ width: `${Math.round(usdOpacity(b.usd) * 80)}px`, background: BAND_COLOUR[b.side] }} />
            <span>{formatUsd(b.usd)}</span>
          </div>
        );
      })}
    </div>
  );
}
