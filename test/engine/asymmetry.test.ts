// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asymmetry, percentileOf } from '../../src/engine/asymmetry';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { expectClose, handMap, mirrorMap } from './helpers';

const cfg = DEFAULT_CONFIG;

describe('asymmetry', () => {
  it('long USD within 10 % below ÷ short USD within 10 % above; bins beyond the window do not count', () => {
    // 0.05 % bins: 10 % = 200 bins. Longs: 3M at k = −1, 1M at k = −250 (12.5 % away, outside).
    const map = handMap(100_000, 300, (k) => (k === -1 ? 3e6 : k === -250 ? 1e6 : k === 10 ? 2e6 : 0));
    const a = asymmetry(map, cfg);
    expect(a.longUsd).toBe(3e6);
    expect(a.shortUsd).toBe(2e6);
    expect(a.ratio).toEqual({ kind: 'ratio', value: 1.5 }); // 3M / 2M
    expect(a.referenceRatio).toBe(2.5);
    expect(a.fragile).toBe('no'); // no history: 1.5 < 2.5 reference
  });
  it('percentile in history flags the top and bottom 5 %', () => {
    const history = Array.from({ length: 100 }, (_, i) => 0.5 + i / 100); // 0.50 … 1.49
    const map = handMap(100_000, 300, (k) => (k === -1 ? 3e6 : k === 10 ? 2e6 : 0)); // ratio 1.5
    const a = asymmetry(map, cfg, history);
    expect(a.percentile).toBe(100); // above all 100
    expect(a.fragile).toBe('long-heavy');
    const mid = asymmetry(handMap(100_000, 300, (k) => (k === -1 || k === 10 ? 1e6 : 0)), cfg, history); // ratio 1
    expect(mid.percentile).toBeCloseTo(50.5, 9); // 50 below, one equal: (50 + 0.5)/100
    expect(mid.fragile).toBe('no');
  });
  it('empty sides are named states', () => {
    expect(asymmetry(handMap(100_000, 300, (k) => (k === -3 ? 1 : 0)), cfg).ratio).toEqual({ kind: 'no-short-fuel' });
    expect(asymmetry(handMap(100_000, 300, () => 0), cfg).ratio).toEqual({ kind: 'no-fuel' });
  });
  it('mid-rank percentile: 2 below and 1 equal of 4 → 62.5', () => {
    expect(percentileOf(2, [1, 1.5, 2, 3])).toBe(62.5);
    expect(percentileOf(2, [])).toBeUndefined();
  });
  it('property: mirroring the market inverts the ratio and mirrors the percentile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 1e9, noNaN: true }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.float({ min: Math.fround(0.1), max: 10, noNaN: true }), { minLength: 0, maxLength: 30 }),
        (usd, history) => {
          const map = handMap(50_000, 20, (k) => usd[k + 20]!);
          const a = asymmetry(map, cfg, history);
          const m = asymmetry(mirrorMap(map), cfg, history.map((h) => 1 / h));
          // Same bins summed in the opposite order: equal up to rounding.
          expectClose(m.longUsd, a.shortUsd, 1e-12);
          expectClose(m.shortUsd, a.longUsd, 1e-12);
          expect(m.ratio.kind === 'no-short-fuel').toBe(a.longUsd === 0 && a.shortUsd > 0);
          if (a.ratio.kind === 'ratio' && a.ratio.value > 0 && m.ratio.kind === 'ratio') {
            expectClose(m.ratio.value, 1 / a.ratio.value);
            // The percentile can only mirror exactly when no history value ties with the ratio after rounding.
            const [av, mv] = [a.ratio.value, m.ratio.value];
            const near = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(x, y);
            // …and when the ratio is not (within rounding) on the 2.5 : 1 reference used without history
            const tie =
              history.some((h) => near(h, av) || near(1 / h, mv)) ||
              near(av, cfg.asymmetryReferenceRatio) ||
              near(mv, cfg.asymmetryReferenceRatio);
            if (a.percentile !== undefined && !tie) expect(m.percentile).toBeCloseTo(100 - a.percentile, 6);
            const flip = { 'long-heavy': 'short-heavy', 'short-heavy': 'long-heavy', no: 'no' } as const;
            if (!tie) expect(m.fragile).toBe(flip[a.fragile]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
