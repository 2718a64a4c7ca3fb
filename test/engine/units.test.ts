/**
 * Units in types (src/engine/units.ts). The `@ts-expect-error` lines are the test: `npm test`'s typecheck
 * step (`tsc --noEmit`, which includes test/) fails if any of them compiles, i.e. if a value of one unit
 * were accepted where another is expected. The run-time assertions only show the calls are real.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { liquidationPrice, sizePosition } from '../../src/engine';
import type { Cluster } from '../../src/engine/types';
import type { Coin, Fraction, Pct, Price, Usd, UtcMs } from '../../src/engine/units';
import { makeScale } from '../../src/overlay/scale';
import { formatPct, formatPrice, formatUsd } from '../../src/ui/format';

const cluster: Cluster = {
  side: 'long', low: 95, high: 96, centre: 95.5, usd: 2_000_000, tierMix: [], distancePct: -4.5, cumulativeUsd: 2_000_000,
};
const mmr: Fraction = 0.004;
const riskPct: Pct = 1;

describe('units in types', () => {
  it('rejects a Usd where a Price is expected', () => {
    // @ts-expect-error cluster.usd is Usd, entry is a Price
    expect(liquidationPrice('long', cluster.usd, 10, mmr)).toBeGreaterThan(0);
    const usd: Usd = 5;
    // @ts-expect-error Usd is not a Price
    const p: Price = usd;
    expect(p).toBe(5);
  });

  it('rejects a percentage where a fraction is expected, and the other way round', () => {
    // @ts-expect-error distancePct is Pct, the maintenance rate a Fraction
    expect(liquidationPrice('long', cluster.centre, 10, cluster.distancePct)).not.toBeNaN();
    // @ts-expect-error a Fraction is not a Pct
    const pct: Pct = mmr;
    expect(pct).toBe(0.004);
  });

  it('rejects coin, time and price in each other’s place', () => {
    const size: Coin = 2;
    const t: UtcMs = 1_700_000_000_000;
    // @ts-expect-error a Coin is not a Usd
    const notional: Usd = size;
    // @ts-expect-error a time is not a price
    const price: Price = t;
    // @ts-expect-error a scale's y() takes a price, not a size
    makeScale({ from: 90, to: 110, mode: 'linear', inverted: false, pane: { left: 0, top: 0, width: 100, height: 100 } }).y(size);
    expect(notional + price).toBeGreaterThan(0);
  });

  it('accepts plain numbers (literals, arithmetic) and the right units without casts', () => {
    const entry: Price = 100;
    expect(liquidationPrice('long', entry * 1.01, 10, mmr)).toBeCloseTo(101 * 0.9 / 0.996, 9);
    const s = sizePosition({
      side: 'long', entry, stop: cluster.low, accountUsd: 10_000, riskPct, leverage: 10, maintenanceRate: mmr, maxLeverageCap: 125, takerFeePct: 0.05,
    });
    expect(s.kind).toBe('size');
    if (s.kind === 'size') {
      expectTypeOf(s.notionalUsd).toEqualTypeOf<Usd>();
      expectTypeOf(s.sizeCoin).toEqualTypeOf<Coin>();
      // A unit is still a number for everything that takes a number.
      expect(Math.max(s.notionalUsd, 0)).toBeGreaterThan(0);
    }
  });
});

describe('units at the boundaries', () => {
  it('a formatter rejects the wrong unit', () => {
    const mmrOnly: Fraction = 0.004;
    // @ts-expect-error a Usd is not formatted as a price
    expect(formatPrice(cluster.usd)).toBe('2,000,000.0');
    // @ts-expect-error a fraction is not formatted as a percentage (0.004 would read "0.00 %", not 0.4 %)
    expect(formatPct(mmrOnly)).toBe('0.00 %');
    expect(formatUsd(cluster.usd)).toBe('$2.00M');
  });
});
