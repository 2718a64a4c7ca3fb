import { describe, expect, it } from 'vitest';
import type { Cascade, Cluster } from '../../src/engine/types';
import { bandAtPrice, cascadeOf, emphasisShare, layoutBands, selectBands } from '../../src/overlay/bands';
import { makeScale } from '../../src/overlay/scale';

const cluster = (side: 'long' | 'short', low: number, high: number, usd: number, distancePct: number, tiers: [number, number][] = [[10, usd]]): Cluster => ({
  side,
  low,
  high,
  centre: (low + high) / 2,
  usd,
  tierMix: tiers.map(([leverage, u]) => ({ leverage, usd: u })),
  distancePct,
  cumulativeUsd: usd,
});

describe('selecting bands', () => {
  const clusters = [
    cluster('short', 110, 112, 5e6, 11),
    cluster('short', 102, 103, 2e6, 2.5),
    cluster('long', 95, 96, 3e6, -4.5),
    cluster('long', 97, 98, 1e6, -2.5),
    cluster('long', 90, 80, 1e6, -15), // high < low: malformed, dropped
  ];
  it('orders each side nearest first and gives stable keys by rank', () => {
    const bands = selectBands({ clusters });
    expect(bands.map((b) => [b.key, b.low])).toEqual([
      ['band-long-0', 97],
      ['band-long-1', 95],
      ['band-short-0', 102],
      ['band-short-1', 110],
    ]);
  });
  it('caps the count per side', () => {
    expect(selectBands({ clusters }, 1).map((b) => b.key)).toEqual(['band-long-0', 'band-short-0']);
  });
});

describe('10x–25x emphasis', () => {
  it('is the USD share of the 10x and 25x tiers: (30 + 20) / (10 + 30 + 20 + 40) = 0.5', () => {
    const c = cluster('long', 1, 2, 100, -1, [[5, 10], [10, 30], [25, 20], [50, 40]]);
    expect(emphasisShare(c)).toBe(0.5);
  });
  it('is 0 for a cluster without tier USD', () => {
    expect(emphasisShare(cluster('long', 1, 2, 0, -1, []))).toBe(0);
  });
});

describe('band layout in pixels', () => {
  // 100…200 over 400 px from y = 100: 4 px per unit.
  const scale = makeScale({ from: 100, to: 200, mode: 'linear', inverted: false, pane: { left: 0, top: 100, width: 500, height: 400 } });
  const bands = selectBands({
    clusters: [cluster('short', 150, 160, 1e6, 5), cluster('long', 120, 125, 1e6, -5), cluster('short', 250, 260, 1e6, 60), cluster('long', 195, 205, 1e6, -1)],
  });
  const boxes = layoutBands(bands, scale);
  it('places 150–160 from y 260 (top, at 160) to y 300, i.e. height 40', () => {
    const b = boxes.find((x) => x.band.low === 150)!;
    expect(b.top).toBe(260);
    expect(b.height).toBe(40);
  });
  it('places 120–125 at y 400, 20 px tall', () => {
    const b = boxes.find((x) => x.band.low === 120)!;
    expect([b.top, b.height]).toEqual([400, 20]);
  });
  it('leaves out bands entirely off the pane, keeps ones crossing its edge unclipped', () => {
    expect(boxes.some((x) => x.band.low === 250)).toBe(false);
    const edge = boxes.find((x) => x.band.low === 195)!;
    expect([edge.top, edge.height]).toEqual([80, 40]);
  });
});

describe('hover lookups', () => {
  const a = cluster('long', 95, 96, 1, -4);
  const b = cluster('long', 93, 94, 1, -6);
  const c = cluster('long', 80, 81, 1, -19);
  it('finds the band under a price', () => {
    const bands = selectBands({ clusters: [a, b] });
    expect(bandAtPrice(bands, 95.5)?.low).toBe(95);
    expect(bandAtPrice(bands, 94.5)).toBeNull();
  });
  it('finds the cascade a cluster belongs to, by identity or by band', () => {
    const chain: Cascade = { side: 'long', clusters: [a, b], totalUsd: 2, overshoot: { from: 92, to: 91 }, endedBy: 'gap' };
    expect(cascadeOf({ ...b }, [chain])).toBe(chain);
    expect(cascadeOf(c, [chain])).toBeNull();
  });
});
