// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { depthRatio } from '../../src/engine/depth';
import type { DepthBook } from '../../src/engine/types';
import { cluster } from './helpers';

const book: DepthBook = {
  t: 0,
  bids: [[99_900, 10], [99_500, 20], [99_000, 5], [98_000, 100]],
  asks: [[100_100, 10], [100_500, 30]],
};

describe('depth ratio', () => {
  it('cluster USD ÷ bids between the reference and the cluster', () => {
    // bids above 99,200: 99,900·10 + 99,500·20 = 2,989,000; the 99,000 bid reaches the cluster.
    const r = depthRatio(cluster('long', 98_800, 99_200, 5_978_000), [{ book, basis: 0 }], 100_000);
    expect(r).toBeCloseTo(2, 9); // 5,978,000 / 2,989,000
  });
  it('asks for a short cluster, shifted by basis', () => {
    // basis +100: the asks sit at 100,000 and 100,400 on the grid. A cluster starting at 100,450 lies
    // beyond the whole book, so the book's depth up to it is unknown → no ratio rather than a guess.
    expect(depthRatio(cluster('short', 100_450, 100_600, 4_012_000), [{ book, basis: 100 }], 100_000)).toBeUndefined();
    const reached = depthRatio(cluster('short', 100_300, 100_600, 2_000_000), [{ book, basis: 100 }], 100_000);
    expect(reached).toBeCloseTo(2, 9); // 2,000,000 / (100,000·10)
  });
  it('absent without a book', () => {
    expect(depthRatio(cluster('long', 98_800, 99_200, 1), [], 100_000)).toBeUndefined();
  });
});
