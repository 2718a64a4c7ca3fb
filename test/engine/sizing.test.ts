// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sizePosition } from '../../src/engine/sizing';

const base = { side: 'long' as const, entry: 100_000, stop: 98_000, accountUsd: 10_000, riskPct: 1, leverage: 5, maintenanceRate: 0.004, maxLeverageCap: 125, takerFeePct: 0.05 };

describe('sizing', () => {
  it('10,000 account, 1 % risk, stop 2 % away, 0.1 % round-trip fees: 100/0.021 = 4,761.90 notional', () => {
    const s = sizePosition(base);
    expect(s.kind).toBe('size');
    if (s.kind !== 'size') return;
    expect(s.notionalUsd).toBeCloseTo(4_761.9, 2);
    expect(s.sizeCoin).toBeCloseTo(0.0476190, 6); // 4,761.90 / 100,000
    expect(s.marginUsd).toBeCloseTo(952.38, 2); // at 5x
    expect(s.riskUsd).toBeCloseTo(100, 9);
    expect(s.stopDistancePct).toBeCloseTo(2, 9);
    expect(s.maxLeverage).toBe(41); // 1/(1 − 98,000·0.996/100,000) = 41.8
    expect(s.warnings).toEqual([]);
  });
  it('reduces SIZE (never the stop) when the margin would exceed the account', () => {
    // stop 0.3 % away: 100/0.004 = 25,000 notional needs 25,000 margin at 1x > 10,000 account.
    const s = sizePosition({ ...base, stop: 99_700, leverage: 1 });
    expect(s.kind === 'size' && s.notionalUsd).toBeCloseTo(10_000, 6);
    expect(s.kind === 'size' && s.riskUsd).toBeCloseTo(40, 6); // 10,000·0.004 < budget
    expect(s.kind === 'size' && s.warnings).toEqual([{ code: 'margin-exceeds-account', leverage: 1 }]);
  });
  it('warns when the chosen leverage liquidates before the stop', () => {
    const s = sizePosition({ ...base, leverage: 50 });
    expect(s.kind === 'size' && s.warnings).toEqual([{ code: 'liquidation-before-stop', leverage: 50, maxLeverage: 41 }]);
  });
  it('a stop on the wrong side is refused', () => {
    expect(sizePosition({ ...base, stop: 101_000 })).toMatchObject({ kind: 'none' });
  });
  it('short mirror: stop 2 % above → same notional', () => {
    const s = sizePosition({ ...base, side: 'short', stop: 102_000 });
    expect(s.kind === 'size' && s.notionalUsd).toBeCloseTo(4_761.9, 2);
  });
});
