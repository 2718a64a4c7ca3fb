// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { nearestClusters } from '../../src/engine/nearest';
import { cluster } from './helpers';

describe('nearest clusters', () => {
  const cs = [
    cluster('long', 99_000, 99_200, 1),
    cluster('long', 97_000, 97_200, 2),
    cluster('long', 95_000, 95_200, 3),
    cluster('long', 93_000, 93_200, 4),
    cluster('long', 85_000, 85_200, 5), // > 10 % away
    cluster('short', 100_800, 101_000, 6),
    cluster('short', 111_000, 111_200, 7), // > 10 % away
  ];
  it('for a long: profit = shorts above, risk = the three nearest longs below within 10 %', () => {
    const n = nearestClusters(cs, 'long', 100_000, DEFAULT_CONFIG);
    expect(n.profit.map((c) => c.usd)).toEqual([6]);
    expect(n.risk.map((c) => c.usd)).toEqual([1, 2, 3]);
  });
  it('for a short the sides swap', () => {
    const n = nearestClusters(cs, 'short', 100_000, DEFAULT_CONFIG);
    expect(n.profit.map((c) => c.usd)).toEqual([1, 2, 3]);
    expect(n.risk.map((c) => c.usd)).toEqual([6]);
  });
  it('an entry reference splits clusters by the entry, not the mark', () => {
    const n = nearestClusters(cs, 'long', 98_000, DEFAULT_CONFIG);
    expect(n.risk.map((c) => c.usd)).toEqual([2, 3, 4]);
  });
});
