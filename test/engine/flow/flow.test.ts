import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cluster } from '../../../src/engine/types';
import { DEFAULT_FLOW_CONFIG as CFG, resolveFlowConfig } from '../../../src/engine/flow/config';
import { Ring } from '../../../src/engine/flow/ring';
import { cascadesUnderWay, liquidationRing, realisedByBand } from '../../../src/engine/flow/realised';
import { deltaDivergence, edgeDistancePct, takerDelta } from '../../../src/engine/flow/delta-divergence';
import { SpoofTracker, distanceToClusters, largeLevels, medianOf } from '../../../src/engine/flow/spoofing';
import { FlowState } from '../../../src/engine/flow/flow-state';
import type { BookSnapshot } from '../../../src/engine/flow/events';

function cluster(side: 'long' | 'short', low: number, high: number, usd: number): Cluster {
  return { side, low, high, centre: (low + high) / 2, usd, tierMix: [], distancePct: 0, cumulativeUsd: usd };
}
const LONG = cluster('long', 95_000, 96_000, 200e6); // below a 100k mark
const SHORT = cluster('short', 104_000, 105_000, 50e6);
const T0 = 1_764_000_000_000;

describe('Ring', () => {
  it('keeps the newest `capacity` records in order', () => {
    const r = new Ring(3, ['t']);
    for (const t of [1, 2, 3, 4, 5]) r.push({ t });
    expect(r.size).toBe(3);
    expect([0, 1, 2].map((i) => r.get(i, 't'))).toEqual([3, 4, 5]);
    expect(r.dropWhile((i) => r.get(i, 't') <= 3)).toBe(1);
    expect(r.get(0, 't')).toBe(4);
    expect(r.bytes()).toBe(24);
  });
  it('never grows beyond its capacity (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), (cap, xs) => {
        const r = new Ring(cap, ['v']);
        xs.forEach((v) => r.push({ v }));
        expect(r.size).toBe(Math.min(cap, xs.length));
        expect(r.bytes()).toBe(cap * 8);
        if (r.size > 0) expect(r.get(r.size - 1, 'v')).toBe(xs[xs.length - 1]);
      }),
    );
  });
});

describe('realised liquidations per band', () => {
  const liqs = liquidationRing([
    { t: T0 - 25 * 3_600_000, price: 95_500, qty: 10, usd: 955_000, side: 'long' as const }, // older than 24 h
    { t: T0 - 3_600_000, price: 95_500, qty: 20, usd: 1_910_000, side: 'long' as const },
    { t: T0 - 30_000, price: 95_200, qty: 30, usd: 2_856_000, side: 'long' as const },
    { t: T0 - 10_000, price: 95_800, qty: 5, usd: 479_000, side: 'short' as const }, // wrong side for the long band
    { t: T0 - 5_000, price: 97_000, qty: 5, usd: 485_000, side: 'long' as const }, // outside the band
  ]);
  it('counts the band side’s liquidations inside [low, high] over 24 h', () => {
    const r = realisedByBand([LONG, SHORT], liqs, T0, CFG);
    expect(r[0]!.realisedUsd).toBe(1_910_000 + 2_856_000);
    expect(r[0]!.share).toBeCloseTo(4_766_000 / 200e6, 12);
    expect(r[1]!.realisedUsd).toBe(0);
  });
  it('a cascade is under way past max($1M, 2 % of the band) in the last minute', () => {
    // Long band: threshold max(1M, 0.02 × 200M = 4M) = 4M; the minute holds 2.856M → no cascade.
    expect(cascadesUnderWay([LONG], liqs, T0, CFG)).toEqual([]);
    // A 50M band: threshold 1M; 2.856M passes.
    const small = cluster('long', 95_000, 96_000, 50e6);
    expect(cascadesUnderWay([small], liqs, T0, CFG)).toEqual([{ cluster: 0, side: 'long', realisedUsd: 2_856_000, thresholdUsd: 1_000_000, windowSec: 60 }]);
  });
});

describe('delta divergence', () => {
  const marks = [
    { t: T0 - 60_000, price: 98_000 },
    { t: T0, price: 97_000 },
  ];
  it('measures the distance to the near edge', () => {
    expect(edgeDistancePct(LONG, 98_000)).toBeCloseTo((2_000 / 98_000) * 100, 12);
    expect(edgeDistancePct(SHORT, 100_000)).toBeCloseTo(4, 12);
  });
  it('price falling toward a long cluster while takers buy: absorption likely', () => {
    // Distance 2.04 % → 1.03 %: shrank by 49 % ≥ 20 %, ends within 2 %. Buy 3M vs sell 1M: imbalance 0.5.
    const trades = [
      { t: T0 - 30_000, price: 97_500, qty: 30_000_000 / 97_500 / 10, side: 'buy' as const },
      { t: T0 - 20_000, price: 100_000, qty: 10, side: 'sell' as const },
    ];
    const buy = 3_000_000;
    const [s] = deltaDivergence([LONG, SHORT], marks, takerDelta(trades, T0 - 60_000, T0), T0, CFG);
    expect(s).toMatchObject({ cluster: 0, kind: 'absorption-likely', sellUsd: 1_000_000 });
    expect(s!.buyUsd).toBeCloseTo(buy, 6);
    expect(s!.imbalance).toBeCloseTo(0.5, 9);
    expect(s!.endDistancePct).toBeCloseTo((1_000 / 97_000) * 100, 12);
  });
  it('the same move with takers selling: cascade fuel; a balanced tape: nothing', () => {
    const selling = [{ t: T0 - 1, price: 100_000, qty: 10, side: 'sell' as const }];
    expect(deltaDivergence([LONG], marks, takerDelta(selling, T0 - 60_000, T0), T0, CFG)[0]!.kind).toBe('cascade-fuel');
    const balanced = [
      { t: T0 - 2, price: 100_000, qty: 10, side: 'sell' as const },
      { t: T0 - 1, price: 100_000, qty: 11, side: 'buy' as const },
    ];
    expect(deltaDivergence([LONG], marks, takerDelta(balanced, T0 - 60_000, T0), T0, CFG)).toEqual([]);
  });
  it('no approach, no signal: price moving away, or too few marks', () => {
    const away = [
      { t: T0 - 60_000, price: 97_000 },
      { t: T0, price: 98_000 },
    ];
    const selling = [{ t: T0 - 1, price: 100_000, qty: 10, side: 'sell' as const }];
    expect(deltaDivergence([LONG], away, takerDelta(selling, T0 - 60_000, T0), T0, CFG)).toEqual([]);
    expect(deltaDivergence([LONG], [marks[1]!], takerDelta(selling, T0 - 60_000, T0), T0, CFG)).toEqual([]);
  });
  it('never returns a non-finite number (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: T0 - 120_000, max: T0 }), price: fc.double({ min: 1, max: 1e6, noNaN: true }) }), { maxLength: 20 }),
        fc.array(fc.record({ t: fc.integer({ min: T0 - 120_000, max: T0 }), price: fc.double({ min: 1, max: 1e6, noNaN: true }), qty: fc.double({ min: 0, max: 1e6, noNaN: true }), side: fc.constantFrom('buy' as const, 'sell' as const) }), { maxLength: 20 }),
        (ms, ts) => {
          for (const s of deltaDivergence([LONG, SHORT], ms, takerDelta(ts, T0 - 60_000, T0), T0, CFG)) {
            for (const v of [s.startDistancePct, s.endDistancePct, s.buyUsd, s.sellUsd, s.imbalance]) expect(Number.isFinite(v)).toBe(true);
            expect(Math.abs(s.imbalance)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('spoofing', () => {
  const bids = (extra: [number, number][] = []) => {
    const base: [number, number][] = [100_000, 99_990, 99_980, 99_970, 99_960].map((p) => [p, 2]);
    return [...base, ...extra].sort((a, b) => b[0] - a[0]);
  };
  const asks: [number, number][] = [[100_010, 2], [100_020, 2]];
  const snap = (t: number, b: [number, number][]): BookSnapshot => ({ t, bids: b, asks });
  const near = cluster('long', 99_000, 99_500, 100e6); // 99,950 sits 0.45 % above its high

  it('the median and the large levels', () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 2, 3])).toBe(2.5);
    // Median of [2,2,2,2,2,20] is 2: the 20 is 10×.
    expect([...largeLevels(bids([[99_950, 20]]), 5)]).toEqual([[99_950, 10]]);
    expect(distanceToClusters(99_950, [near])).toBeCloseTo((450 / 99_950) * 100, 12);
  });
  it('a wall pulled within T seconds near a cluster is counted; two in a minute raise the flag', () => {
    const tr = new SpoofTracker(CFG);
    tr.observe(snap(T0, bids([[99_950, 20]])), [near]);
    const [c] = tr.observe(snap(T0 + 4_000, bids()), [near]);
    expect(c).toMatchObject({ side: 'bid', price: 99_950, multiple: 10, lifetimeSec: 4 });
    expect(tr.flag(T0 + 4_000)).toBeNull(); // one candidate < spoofFlagCount 2
    tr.observe(snap(T0 + 5_000, bids([[99_950, 20]])), [near]);
    tr.observe(snap(T0 + 7_000, bids()), [near]);
    expect(tr.flag(T0 + 7_000)).toMatchObject({ count: 2, windowSec: 60, largest: { price: 99_950, multiple: 10 } });
    // A minute later both have left the window.
    expect(tr.flag(T0 + 65_000)).toBeNull();
  });
  it('not counted: a wall that rested longer than T, one far from clusters, or a top level that may have filled', () => {
    const tr = new SpoofTracker(CFG);
    tr.observe(snap(T0, bids([[99_950, 20]])), [near]);
    expect(tr.observe(snap(T0 + 30_000, bids()), [near])).toEqual([]); // rested 30 s > 10 s
    const far = cluster('long', 90_000, 91_000, 100e6);
    tr.observe(snap(T0 + 31_000, bids([[99_950, 20]])), [far]);
    expect(tr.observe(snap(T0 + 32_000, bids()), [far])).toEqual([]);
    tr.observe(snap(T0 + 33_000, bids([[100_005, 20]])), [near]); // the best bid
    expect(tr.observe(snap(T0 + 34_000, bids()), [near])).toEqual([]);
    expect(tr.observe(snap(T0 + 1_000, bids()), [near])).toEqual([]);
    expect(tr.outOfOrder).toBe(1);
  });
});

describe('spoofing (property)', () => {
  it('every candidate was large, short-lived, near a cluster and pulled behind a better level', () => {
    const level = fc.tuple(fc.integer({ min: 99_900, max: 100_000 }), fc.double({ min: 0.1, max: 100, noNaN: true }));
    const side = fc.array(level, { minLength: 0, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), side, side), { maxLength: 30 }), (snaps) => {
        const near = cluster('long', 99_400, 99_900, 1e8);
        const tr = new SpoofTracker(CFG);
        let t = T0;
        for (const [dt, b, a] of snaps) {
          t += dt;
          const bids = [...new Map(b).entries()].sort((x, y) => y[0] - x[0]);
          const asks = [...new Map(a.map(([p, q]) => [p + 200, q] as [number, number])).entries()].sort((x, y) => x[0] - y[0]);
          for (const c of tr.observe({ t, bids, asks }, [near])) {
            expect(c.multiple).toBeGreaterThanOrEqual(CFG.spoofSizeMultiple);
            expect(c.lifetimeSec).toBeLessThanOrEqual(CFG.spoofMaxLifetimeSec);
            expect(c.clusterDistancePct).toBeLessThanOrEqual(CFG.spoofNearClusterPct);
            const best = (c.side === 'bid' ? bids : asks)[0]![0];
            expect(c.side === 'bid' ? best > c.price : best < c.price).toBe(true);
          }
        }
        expect(tr.watching).toBeLessThanOrEqual(24); // only the current book's large levels
      }),
    );
  });
});

describe('FlowState', () => {
  it('drops out-of-order and invalid events, keeps memory fixed under a flood', () => {
    const s = new FlowState(CFG, { trades: 100, liquidations: 10, marks: 10 });
    const bytes = s.bytes();
    s.applyBatch([{ kind: 'mark', t: T0, price: 100_000 }, { kind: 'mark', t: T0 - 1, price: 100_000 }, { kind: 'mark', t: T0 + 1, price: NaN }], []);
    expect([s.marks.size, s.outOfOrder, s.invalid]).toEqual([1, 1, 1]);
    for (let i = 0; i < 10_000; i++) s.applyBatch([{ kind: 'trade', t: T0 + i, price: 100_000, qty: 1, side: 'buy' }], []);
    expect(s.trades.size).toBe(100);
    expect(s.trades.get(99, 't')).toBe(T0 + 9_999); // the newest wins
    expect(s.bytes()).toBe(bytes);
  });
  it('signals: the seed’s $200M cluster against $40M of bids is a ratio of 5', () => {
    const s = new FlowState(resolveFlowConfig());
    // 400 coins at 100,000 = $40M of bids above the long band's high (96,000).
    s.applyBatch([{ kind: 'mark', t: T0, price: 100_000 }, { kind: 'book', t: T0, bids: [[100_000, 400], [95_000, 1]], asks: [[100_010, 1], [106_000, 1]] }], [LONG]);
    const sig = s.signals([LONG], T0);
    expect(sig.depthRatios[0]).toBeCloseTo(5, 12);
    expect(sig.spoofing).toBeNull();
    expect(s.realised([LONG], T0)[0]!.realisedUsd).toBe(0);
  });
});
