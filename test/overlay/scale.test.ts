import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleLinear, scaleLog } from 'd3-scale';
import { makeScale, sameScaleInput, type ScaleInput } from '../../src/overlay/scale';

const pane = { left: 10, top: 100, width: 600, height: 400 };

describe('price → pixel (linear)', () => {
  // Visible 100…200 over a 400 px pane starting at y = 100: 1 price unit = 4 px, 200 at the top edge.
  const s = makeScale({ from: 100, to: 200, mode: 'linear', inverted: false, pane });
  it('puts the top of the range at the pane top and the bottom at the pane bottom', () => {
    expect(s.y(200)).toBe(100);
    expect(s.y(100)).toBe(500);
  });
  it('maps 150 to the middle (100 + 200 px) and 175 a quarter down (100 + 100 px)', () => {
    expect(s.y(150)).toBe(300);
    expect(s.y(175)).toBe(200);
  });
  it('extrapolates outside the range (250 is 200 px above the pane)', () => {
    expect(s.y(250)).toBe(-100);
  });
  it('inverts: y 300 is price 150', () => {
    expect(s.price(300)).toBe(150);
  });
});

describe('price → pixel (log)', () => {
  // Visible 100…400: ln-distance 100→200 equals 200→400, so 200 sits exactly mid-pane (y = 300).
  const s = makeScale({ from: 100, to: 400, mode: 'log', inverted: false, pane });
  it('puts the geometric mean in the middle', () => {
    expect(s.y(200)).toBeCloseTo(300, 9);
  });
  it('puts 400 at the top and 100 at the bottom', () => {
    expect(s.y(400)).toBeCloseTo(100, 9);
    expect(s.y(100)).toBeCloseTo(500, 9);
  });
  it('puts √(100·200) ≈ 141.42 three quarters down (y = 400)', () => {
    expect(s.y(Math.sqrt(100 * 200))).toBeCloseTo(400, 9);
    expect(s.price(400)).toBeCloseTo(Math.sqrt(20000), 9);
  });
});

describe('inverted scale', () => {
  it('shows `from` at the top', () => {
    const s = makeScale({ from: 100, to: 200, mode: 'linear', inverted: true, pane });
    expect(s.y(100)).toBe(100);
    expect(s.y(200)).toBe(500);
  });
});

describe('agrees with d3-scale (the reference implementation)', () => {
  it('for random linear and log ranges', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 1.001, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (from, ratio, t, log) => {
          const to = from * ratio;
          const input: ScaleInput = { from, to, mode: log ? 'log' : 'linear', inverted: false, pane };
          const ours = makeScale(input);
          const ref = (log ? scaleLog() : scaleLinear()).domain([from, to]).range([pane.top + pane.height, pane.top]);
          const p = from + t * (to - from);
          expect(ours.y(p)).toBeCloseTo(ref(p), 6);
          expect(ours.price(ours.y(p)) / p).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});

describe('sameScaleInput', () => {
  const a: ScaleInput = { from: 1, to: 2, mode: 'linear', inverted: false, pane: { ...pane } };
  it('is true for equal values in different objects and false when anything moved', () => {
    expect(sameScaleInput(a, { ...a, pane: { ...pane } })).toBe(true);
    expect(sameScaleInput(a, { ...a, to: 2.0001 })).toBe(false);
    expect(sameScaleInput(a, { ...a, pane: { ...pane, top: 101 } })).toBe(false);
    expect(sameScaleInput(a, null)).toBe(false);
  });
});
