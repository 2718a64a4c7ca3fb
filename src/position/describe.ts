/** One-line human description of a position, for health lines and the manual panel. */
import type { Position } from '../engine/types';

export function describePosition(p: Position): string {
  const liq = p.liqPrice !== undefined ? `, liq ${p.liqPrice}` : '';
  return `${p.side} ${p.size} @ ${p.entry}, ${p.leverage}x ${p.marginMode}${liq}`;
}
