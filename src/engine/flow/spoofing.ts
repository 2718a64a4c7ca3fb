/**
 * Spoofing near clusters (issue #12 item 3): large resting orders that appear and are pulled within seconds,
 * near a cluster, where they can push price into the liquidations.
 *
 * From successive book snapshots: a level is *large* at ≥ `spoofSizeMultiple` × the median level size of its
 * side. A large level that stops being large within `spoofMaxLifetimeSec` of becoming so is a candidate when
 * it was *pulled*, not filled: a bid at p is known pulled when the new best bid is still above p (better bids
 * fill first, so it cannot have traded), an ask when the new best ask is still below it. A vanished top level
 * is inconclusive and never counted, which makes the count a lower bound. Only levels within
 * `spoofNearClusterPct` of a cluster count. `possible spoofing near cluster` is flagged from `spoofFlagCount`
 * candidates within `spoofCountWindowSec`.
 */
import type { Cluster } from '../types';
import type { Pct, Price, UtcMs } from '../units';
import type { FlowConfig } from './config';
import type { BookSnapshot } from './events';
import { Ring } from './ring';

export interface SpoofCandidate {
  t: UtcMs;
  side: 'bid' | 'ask';
  price: Price;
  /** The order's size as a multiple of its side's median level. */
  multiple: number;
  lifetimeSec: number;
  /** Percent from the order to the nearest cluster (0 inside one). */
  clusterDistancePct: Pct;
}

export interface SpoofFlag {
  count: number;
  windowSec: number;
  /** The largest candidate in the window: the flag's "why". */
  largest: SpoofCandidate;
}

interface Tracked {
  since: UtcMs;
  multiple: number;
}

const FIELDS = ['t', 'side', 'price', 'multiple', 'lifetimeSec', 'distancePct'] as const;

export class SpoofTracker {
  private readonly tracked = new Map<string, Tracked>();
  private readonly candidates: Ring<(typeof FIELDS)[number]>;
  private lastT = -Infinity;
  /** Snapshots older than the last one seen, dropped. */
  outOfOrder = 0;

  constructor(private readonly cfg: FlowConfig, capacity = 256) {
    this.candidates = new Ring(capacity, FIELDS);
  }

  /** Feeds one snapshot; returns the candidates it completed. */
  observe(book: BookSnapshot, clusters: readonly Cluster[]): SpoofCandidate[] {
    if (!(book.t >= this.lastT)) {
      this.outOfOrder++;
      return [];
    }
    this.lastT = book.t;
    const found: SpoofCandidate[] = [];
    for (const side of ['bid', 'ask'] as const) {
      const levels = side === 'bid' ? book.bids : book.asks;
      const large = largeLevels(levels, this.cfg.spoofSizeMultiple);
      const best = levels[0]?.[0];
      for (const [key, tr] of this.tracked) {
        if (!key.startsWith(side)) continue;
        const price = Number(key.slice(4));
        if (large.has(price)) continue;
        this.tracked.delete(key);
        const lifetimeSec = (book.t - tr.since) / 1000;
        const pulled = best !== undefined && (side === 'bid' ? best > price : best < price);
        if (!pulled || lifetimeSec > this.cfg.spoofMaxLifetimeSec) continue;
        const clusterDistancePct = distanceToClusters(price, clusters);
        if (clusterDistancePct > this.cfg.spoofNearClusterPct) continue;
        const c: SpoofCandidate = { t: book.t, side, price, multiple: tr.multiple, lifetimeSec, clusterDistancePct };
        found.push(c);
        this.candidates.push({ t: c.t, side: side === 'bid' ? 0 : 1, price, multiple: c.multiple, lifetimeSec, distancePct: clusterDistancePct });
      }
      for (const [price, multiple] of large) {
        const key = `${side}:${price}`;
        if (!this.tracked.has(key)) this.tracked.set(key, { since: book.t, multiple });
      }
    }
    return found;
  }

  /** The flag at `now`, or null when fewer than `spoofFlagCount` candidates fell in the window. */
  flag(now: UtcMs): SpoofFlag | null {
    const from = now - this.cfg.spoofCountWindowSec * 1000;
    this.candidates.dropWhile((i) => this.candidates.get(i, 't') <= from);
    if (this.candidates.size < this.cfg.spoofFlagCount) return null;
    let best = 0;
    for (let i = 1; i < this.candidates.size; i++) if (this.candidates.get(i, 'multiple') > this.candidates.get(best, 'multiple')) best = i;
    const g = (f: (typeof FIELDS)[number]) => this.candidates.get(best, f);
    return {
      count: this.candidates.size,
      windowSec: this.cfg.spoofCountWindowSec,
      largest: { t: g('t'), side: g('side') === 0 ? 'bid' : 'ask', price: g('price'), multiple: g('multiple'), lifetimeSec: g('lifetimeSec'), clusterDistancePct: g('distancePct') },
    };
  }

  /** Levels being watched; bounded by the book's depth, since a level leaves when it stops being large. */
  get watching(): number {
    return this.tracked.size;
  }
}

/** Levels of one side at ≥ multiple × the side's median size, with their multiple. */
export function largeLevels(levels: BookSnapshot['bids'], multiple: number): Map<number, number> {
  const sizes = levels.map(([, q]) => q).filter((q) => q > 0 && Number.isFinite(q));
  const out = new Map<number, number>();
  if (sizes.length === 0) return out;
  const median = medianOf(sizes);
  if (!(median > 0)) return out;
  for (const [p, q] of levels) if (q / median >= multiple && p > 0 && Number.isFinite(p)) out.set(p, q / median);
  return out;
}

export function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Percent from `price` to the nearest cluster range, 0 inside one; Infinity without clusters. */
export function distanceToClusters(price: Price, clusters: readonly Pick<Cluster, 'low' | 'high'>[]): Pct {
  let best = Infinity;
  for (const c of clusters) {
    const gap = price < c.low ? c.low - price : price > c.high ? price - c.high : 0;
    best = Math.min(best, (gap / price) * 100);
  }
  return best;
}
