import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DYNAMIC_RANGE, MAX_RELATIVE_ERROR, decode, encode } from '../../../src/engine/heatmap/quantise';
import { columnOf, logGrid, priceOf } from '../../../src/engine/heatmap/grid';
import { appendRow, createHeatmap, memoryBytes, query, rasteriseMap } from '../../../src/engine/heatmap/history';
import { cumulativeCurves } from '../../../src/engine/heatmap/cumulative';
import type { MapBin } from '../../../src/engine/types';

const bin = (price: number, longUsd: number, shortUsd: number): MapBin => ({ price, longUsd, shortUsd, longByTier: [], shortByTier: [] });

describe('quantisation', () => {
  it('codes the row maximum 255, its 1/10,000 as 1, less as 0', () => {
    expect(encode(5e6, 5e6)).toBe(255);
    expect(decode(255, 5e6)).toBe(5e6);
    expect(encode(5e6 / DYNAMIC_RANGE, 5e6)).toBe(1);
    expect(encode(5e6 / DYNAMIC_RANGE / 2, 5e6)).toBe(0);
    expect([encode(0, 1), encode(NaN, 1), encode(1, 0), decode(0, 1)]).toEqual([0, 0, 0, 0]);
    // 10^4 over 254 steps: one step is a factor 10^(4/254) = 1.0369; the error bound is its square root − 1.
    expect(MAX_RELATIVE_ERROR).toBeCloseTo(Math.sqrt(10 ** (4 / 254)) - 1, 12);
    expect(MAX_RELATIVE_ERROR).toBeCloseTo(0.0183, 4);
  });
  it('every value within the dynamic range comes back within the stated relative error (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e12, noNaN: true }), fc.double({ min: 1 / DYNAMIC_RANGE, max: 1, noNaN: true }), (max, f) => {
        const v = max * f;
        expect(Math.abs(decode(encode(v, max), max) / v - 1)).toBeLessThanOrEqual(MAX_RELATIVE_ERROR + 1e-12);
      }),
    );
  });
});

describe('grid', () => {
  it('is log-spaced from its anchor', () => {
    const g = logGrid(100_000, 0.05);
    expect(columnOf(g, 100_000)).toBe(0);
    expect(columnOf(g, 100_050)).toBeCloseTo(1, 9);
    expect(priceOf(g, 2)).toBeCloseTo(100_000 * 1.0005 ** 2, 6);
    expect(() => logGrid(0, 0.05)).toThrow(RangeError);
  });
});

describe('snapshots', () => {
  // Grid anchored at 100,000 with 0.05 % columns; a map bin [100,000, 100,050) maps exactly onto column 0.
  const g = logGrid(100_000, 0.05);
  const edge = (k: number) => priceOf(g, k);
  const aligned = (k: number, long: number, short: number) => {
    const lo = edge(k);
    const hi = edge(k + 1);
    return { bin: bin((lo + hi) / 2, long, short), width: hi - lo };
  };

  it('rasterises an aligned bin into its column and a straddling bin half and half', () => {
    const h = createHeatmap(4, 8, 100_000, 0.05);
    const a = aligned(0, 1_000, 0);
    // reference at column 0.5: start = 0 − 4 = −4, so column 0 is row position 4.
    const r = rasteriseMap(h, { bins: [a.bin], binWidth: a.width * (1 - 1e-9), reference: edge(0) * 1.0002 });
    expect(r.start).toBe(-4);
    expect(r.long[4]).toBeCloseTo(1_000, 6);
    // A bin centred on the edge between columns 0 and 1, of one column's width: half in each.
    const straddle = bin(edge(1), 0, 800);
    const r2 = rasteriseMap(h, { bins: [straddle], binWidth: edge(1) * 0.0005, reference: edge(0) * 1.0002 });
    expect(r2.short[4]).toBeCloseTo(400, 0);
    expect(r2.short[5]).toBeCloseTo(400, 0);
  });

  it('queries rows by time and columns by price, dequantised', () => {
    const h = createHeatmap(3, 8, 100_000, 0.05);
    const a = aligned(0, 1_000, 0);
    const b = aligned(1, 0, 250);
    for (const t of [1, 2, 3, 4]) appendRow(h, t * 300_000, { bins: [a.bin, b.bin], binWidth: a.width * (1 - 1e-9), reference: edge(0) * 1.0002 });
    expect(h.size).toBe(3); // the ring dropped t = 1
    const q = query(h, 0, Infinity, edge(0), edge(2) * 0.9999999);
    expect([...q.times]).toEqual([600_000, 900_000, 1_200_000]);
    expect(q.columns).toBe(2);
    expect(q.values[0]).toBeCloseTo(1_000, 0);
    expect(q.values[1]! / 250 - 1).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
    expect(query(h, 0, Infinity, edge(0), edge(2), 'long').values[1]).toBe(0);
    expect(query(h, 700_000, 900_000, edge(0), edge(1)).rows).toBe(1);
    expect(() => appendRow(h, 1, { bins: [], binWidth: 1, reference: 100_000 })).toThrow(RangeError);
  });

  it('a full ring holds exactly what a fresh one holds after the last `capacity` bars (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.double({ min: 95_000, max: 105_000, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 20 }),
        (cap, bars) => {
          const maps = bars.map(([ref, l, s]) => ({ reference: ref, binWidth: ref * 0.0005, bins: [bin(ref * 0.99, l, 0), bin(ref * 1.01, 0, s)] }));
          const all = createHeatmap(cap, 64, 100_000, 0.05);
          maps.forEach((m, i) => appendRow(all, i, m));
          const tail = createHeatmap(cap, 64, 100_000, 0.05);
          maps.slice(-cap).forEach((m, i) => appendRow(tail, maps.length - Math.min(cap, maps.length) + i, m));
          const qa = query(all, -Infinity, Infinity, 90_000, 110_000);
          const qt = query(tail, -Infinity, Infinity, 90_000, 110_000);
          expect(qa.rows).toBe(Math.min(cap, maps.length));
          expect([...qa.values]).toEqual([...qt.values]);
          expect(memoryBytes(all)).toBe(memoryBytes(tail));
        },
      ),
    );
  });

  it('conserves the USD of bins inside the window (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true })), { maxLength: 30 }), (bs) => {
        const ref = 100_000;
        const h = createHeatmap(1, 400, ref, 0.05); // ± 200 columns ≈ ± 10 %: every bin fits
        const bins = bs.map(([d, usd]) => bin(ref * (1 + d), usd, usd / 2));
        const r = rasteriseMap(h, { bins, binWidth: ref * 0.0005, reference: ref });
        const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
        const want = bs.reduce((a, [, u]) => a + u, 0);
        expect(sum(r.long)).toBeCloseTo(want, -1);
        expect(sum(r.short)).toBeCloseTo(want / 2, -1);
      }),
    );
  });

  it('memory: 7 days of 5-minute rows over 640 columns is 2,016 × (1,280 + 20) bytes ≈ 2.5 MiB', () => {
    const h = createHeatmap(2_016, 640, 100_000, 0.05);
    expect(memoryBytes(h)).toBe(2_016 * (2 * 640 + 8 + 4 + 4 + 4));
    expect(memoryBytes(h) / 2 ** 20).toBeLessThan(5);
  });
});

describe('cumulative curves', () => {
  it('adds longs from the reference down and shorts from the reference up', () => {
    const bins = [bin(98, 30, 0), bin(99, 20, 0), bin(100, 5, 5), bin(101, 0, 7), bin(102, 0, 11)];
    const c = cumulativeCurves({ bins, reference: 100 });
    expect([...c.long]).toEqual([50, 20, 0, 0, 0]);
    expect([...c.short]).toEqual([0, 0, 0, 7, 18]);
  });
});
