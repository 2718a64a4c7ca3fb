/**
 * Depth ratio (docs/design.md §5.3): cluster USD ÷ resting book depth (USD) between the reference and the cluster
 * (bids for long clusters, asks for short ones). > 1 means the book cannot absorb the liquidations. Absent
 * when a book does not reach the cluster (a partial book would overstate the ratio) or holds nothing there.
 */
import type { Cluster, DepthBook } from './types';
import type { Price, Usd } from './units';

export interface ShiftedBook {
  book: DepthBook;
  /** The book's exchange basis (mark − reference); its prices are shifted by −basis onto the map grid. */
  basis: number;
}

/** USD on one book side between the reference and `edge`, and whether the book reaches `edge`. */
export function depthBetween(b: ShiftedBook, side: 'bids' | 'asks', reference: Price, edge: Price): { usd: Usd; reaches: boolean } {
  const levels = b.book[side];
  let usd = 0;
  let reaches = false;
  for (const [rawPrice, coin] of levels) {
    const price = rawPrice - b.basis;
    if (side === 'bids' ? price <= edge : price >= edge) {
      reaches = true;
      continue;
    }
    if (side === 'bids' ? price <= reference : price >= reference) usd += price * coin;
  }
  return { usd, reaches };
}

export function depthRatio(cluster: Cluster, books: readonly ShiftedBook[], reference: Price): number | undefined {
  if (books.length === 0) return undefined;
  // The cluster's near edge: liquidations there meet the book first.
  const edge = cluster.side === 'long' ? cluster.high : cluster.low;
  let usd = 0;
  for (const b of books) {
    const d = depthBetween(b, cluster.side === 'long' ? 'bids' : 'asks', reference, edge);
    if (!d.reaches) return undefined;
    usd += d.usd;
  }
  // No depth (an empty or zero-size book up to the edge) is "no ratio", not a division by zero; a ratio that
  // is not finite (a book of a few denormal coins) says nothing either.
  const ratio = usd > 0 ? cluster.usd / usd : NaN;
  return Number.isFinite(ratio) ? ratio : undefined;
}

export function withDepthRatios(clusters: readonly Cluster[], books: readonly ShiftedBook[], reference: Price): Cluster[] {
  return clusters.map((c) => {
    const r = depthRatio(c, books, reference);
    return r === undefined ? c : { ...c, depthRatio: r };
  });
}
