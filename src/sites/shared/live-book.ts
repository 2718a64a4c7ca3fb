/**
 * A local order book kept from a snapshot and price-level deltas (Bybit orderbook.50): each side a sorted
 * array of immutable [price, coin] tuples, best first. A delta level replaces, inserts (binary search) or,
 * with size 0, deletes its price. Tuples are never mutated, so a shallow copy of a side (what the parser
 * emits) never changes afterwards. Pure; no exchange named.
 */
import type { Level } from './stream-read';

export class LiveBook {
  bids: Level[] = [];
  asks: Level[] = [];

  /** `depth`: levels per side the exchange maintains; deeper leftovers are cut after each update. */
  constructor(readonly depth: number) {}

  /** Replace both sides (a snapshot; `bids` descending and `asks` ascending already). */
  reset(bids: Level[], asks: Level[]): void {
    this.bids = bids;
    this.asks = asks;
    this.trim();
  }

  /** Set one level: size 0 deletes it. */
  set(bid: boolean, price: number, size: number): void {
    const side = bid ? this.bids : this.asks;
    // First index whose price is not better than `price`.
    let lo = 0;
    let hi = side.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = side[mid]![0];
      if (bid ? p > price : p < price) lo = mid + 1;
      else hi = mid;
    }
    const same = lo < side.length && side[lo]![0] === price;
    if (size === 0) {
      if (same) side.splice(lo, 1);
    } else if (same) side[lo] = [price, size];
    else side.splice(lo, 0, [price, size]);
  }

  trim(): void {
    if (this.bids.length > this.depth) this.bids.length = this.depth;
    if (this.asks.length > this.depth) this.asks.length = this.depth;
  }

}
