// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cumulativeUsd, findClusters, gaussianSmooth } from '../../src/engine/clusters';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { handMap } from './helpers';

const cfg = DEFAULT_CONFIG;

describe('clusters', () => {
  // 0.05 % bins of 100,000 = 50 wide. A 10M block at k = −40…−38 (2 % below) and a 6M block at k = 60…61.
  const map = handMap(100_000, 300, (k) => (k >= -40 && k <= -38 ? 10e6 / 3 : k === 60 || k === 61 ? 3e6 : k < 0 ? 1e4 : 0));

  it('finds one long cluster below and one short cluster above, with band, USD and distance', () => {
    const cs = findClusters(map, cfg);
    const long = cs.filter((c) => c.side === 'long');
    const short = cs.filter((c) => c.side === 'short');
    expect(long).toHaveLength(1);
    expect(short).toHaveLength(1);
    const l = long[0]!;
    // The band covers the block (edges 98,000 … 98,150) plus smoothing shoulders.
    expect(l.low).toBeLessThanOrEqual(98_000);
    expect(l.high).toBeGreaterThanOrEqual(98_150);
    expect(l.usd).toBeGreaterThanOrEqual(10e6); // the block, plus some 1e4 background bins
    expect(l.usd).toBeLessThan(10e6 + 20 * 1e4);
    expect(l.centre).toBeCloseTo(98_075, -1); // centre of the block: k = −39 → 98,075
    expect(l.distancePct).toBeCloseTo(-1.925, 1);
    expect(l.tierMix.find((t) => t.leverage === 10)?.usd).toBeCloseTo(l.usd, 0);
    const s = short[0]!;
    expect(s.usd).toBe(6e6);
    expect(s.centre).toBeCloseTo(103_050, 6); // (3M·103,025 + 3M·103,075)/6M
  });
  it('cumulative USD runs from the reference to the far edge', () => {
    const l = findClusters(map, cfg).find((c) => c.side === 'long')!;
    // every long bin from the reference down to the cluster's low edge
    let expected = 0;
    for (const b of map.bins) if (b.price < 100_000 && b.price >= l.low) expected += b.longUsd;
    expect(l.cumulativeUsd).toBeCloseTo(expected, 3);
    expect(cumulativeUsd(map, 'short', 200_000)).toBeCloseTo(6e6, 6);
  });
  it('peaks closer than 0.3 % merge; farther ones stay apart', () => {
    const two = (gapBins: number) => handMap(100_000, 300, (k) => (k === 20 || k === 20 + gapBins ? 5e6 : 0));
    expect(findClusters(two(4), cfg).filter((c) => c.side === 'short')).toHaveLength(1); // 0.2 % apart
    expect(findClusters(two(10), cfg).filter((c) => c.side === 'short')).toHaveLength(2); // 0.5 % apart
  });
  it('a flat or empty side has no clusters', () => {
    expect(findClusters(handMap(100_000, 300, () => 0), cfg)).toEqual([]);
    expect(findClusters(handMap(100_000, 300, () => 7), cfg)).toEqual([]);
  });
  it('smoothing keeps the total away from the edges', () => {
    const v = new Float64Array(50);
    v[25] = 10;
    const s = gaussianSmooth(v, 1.5);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 9);
    expect(s[25]).toBeGreaterThan(s[23]!);
  });
});
