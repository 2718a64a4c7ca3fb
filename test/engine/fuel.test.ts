// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fuelBand, fuelRatio } from '../../src/engine/fuel';
import { cluster } from './helpers';

describe('Liquidation Fuel Ratio', () => {
  it("the seed's example: 340M profit-side ÷ 180M risk-side = 1.89, favourable", () => {
    const profit = [cluster('short', 101_000, 101_200, 200e6), cluster('short', 102_000, 102_300, 140e6)];
    const risk = [cluster('long', 98_800, 99_000, 180e6)];
    const lfr = fuelRatio(profit, risk);
    expect(lfr).toMatchObject({ kind: 'ratio', band: 'favourable', profitUsd: 340e6, riskUsd: 180e6 });
    if (lfr.kind === 'ratio') expect(lfr.value).toBeCloseTo(1.89, 2);
  });
  it('an empty risk side is named, never Infinity', () => {
    expect(fuelRatio([cluster('short', 101_000, 101_200, 5e6)], [])).toEqual({ kind: 'no-risk-fuel', profitUsd: 5e6 });
    expect(fuelRatio([], [])).toEqual({ kind: 'no-fuel' });
  });
  it('no profit-side fuel is a ratio of 0, adverse', () => {
    expect(fuelRatio([], [cluster('long', 98_000, 98_100, 1e6)])).toMatchObject({ kind: 'ratio', value: 0, band: 'adverse' });
  });
  it('bands: < 1 adverse, 1–1.5 neutral, 1.5–2 favourable, > 2 strong', () => {
    expect([0.99, 1, 1.49, 1.5, 2, 2.01].map(fuelBand)).toEqual(['adverse', 'neutral', 'neutral', 'favourable', 'favourable', 'strong']);
  });
});
