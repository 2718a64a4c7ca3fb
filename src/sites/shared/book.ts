import type { BookLevel, DepthBook } from '../../engine/types';

type Level = readonly [number, number, ...unknown[]];

/**
 * An order book in the engine's order, whatever order the exchange sent: bids best (highest) first,
 * asks best (lowest) first. Extra columns are dropped; `qtyScale` turns contract sizes into coin (OKX ctVal).
 */
export function sortedBook(t: number, bids: readonly Level[], asks: readonly Level[], qtyScale = 1): DepthBook {
  return {
    t,
    bids: bids.map((l): BookLevel => [l[0], l[1] * qtyScale]).sort((a, z) => z[0] - a[0]),
    asks: asks.map((l): BookLevel => [l[0], l[1] * qtyScale]).sort((a, z) => a[0] - z[0]),
  };
}
