/**
 * The price ladder (overlay tier C) as rows: every band, mark and the reference in price order, highest
 * first, with their texts. Inputs are structural so the UI layer needs nothing from the overlay.
 */
import type { Side } from '../../engine/types';
import type { Price, Usd } from '../../engine/units';
import { formatPrice, formatUsd, plainDecimal } from '../format';

export interface LadderBand {
  key: string;
  side: Side;
  low: Price;
  high: Price;
  usd: Usd;
}
export interface LadderMark {
  key: string;
  price: Price;
  colour: string;
  label: string;
}

export type LadderRow =
  | { kind: 'band'; key: string; side: Side; usd: Usd; low: string; high: string; usdValue: string; rangeText: string; usdText: string }
  | { kind: 'mark'; key: string; colour: string; text: string }
  | { kind: 'ref'; key: 'ref'; text: string };

export function ladderRows(bands: readonly LadderBand[], marks: readonly LadderMark[], reference: Price | null): LadderRow[] {
  const rows: { price: number; row: LadderRow }[] = [
    ...bands.map((b, i) => ({
      price: (b.low + b.high) / 2,
      row: {
        kind: 'band' as const,
        key: b.key + i,
        side: b.side,
        usd: b.usd,
        low: plainDecimal(b.low),
        high: plainDecimal(b.high),
        usdValue: plainDecimal(b.usd),
        rangeText: `${formatPrice(b.low)}–${formatPrice(b.high)}`,
        usdText: formatUsd(b.usd),
      },
    })),
    ...marks.map((m) => ({ price: m.price, row: { kind: 'mark' as const, key: m.key, colour: m.colour, text: `— ${m.label}` } })),
    ...(reference !== null ? [{ price: reference, row: { kind: 'ref' as const, key: 'ref' as const, text: `▶ ${formatPrice(reference)} reference` } }] : []),
  ];
  return rows.sort((a, b) => b.price - a.price).map((r) => r.row);
}
