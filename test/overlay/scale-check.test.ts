// A page-supplied price scale (the widget's, through the bridge) against the one calibrated from the DOM
// price-axis labels: believed within SCALE_TOLERANCE_PX, refused with a named reason beyond it.
import { describe, expect, it } from 'vitest';
import { calibrate, calibrationToScale } from '../../src/overlay/calibrate';
import type { ScaleInput } from '../../src/overlay/scale';
import { SCALE_TOLERANCE_PX, scaleRefusal } from '../../src/overlay/scale-check';

const PANE = { left: 0, top: 100, width: 800, height: 400 };
// Labels 96,000 … 99,000 every 100 px: 10 px per 250 → the pane shows 95,000 (bottom) … 100,000 (top).
const labels = [99_000, 98_000, 97_000, 96_000].map((price, i) => ({ price, y: 180 + 80 * i }));
const axisCal = calibrate(labels);
if (axisCal.kind !== 'ok') throw new Error('fixture axis does not calibrate');
const axis = calibrationToScale(axisCal, { left: 0, top: 150, width: 800, height: 300 })!;
const page = (o: Partial<ScaleInput>): ScaleInput => ({ from: 95_000, to: 100_000, mode: 'linear', inverted: false, pane: PANE, ...o });

describe('page-supplied scale vs the price-axis labels', () => {
  it('the true scale is believed', () => {
    expect(scaleRefusal(page({}), axis)).toBeNull();
  });

  it('a scale a pixel or two off (rounding, label centring) is believed', () => {
    expect(scaleRefusal(page({ pane: { ...PANE, top: PANE.top + 2 } }), axis)).toBeNull();
    expect(scaleRefusal(page({ pane: { ...PANE, top: PANE.top + SCALE_TOLERANCE_PX } }), axis)).toBeNull();
  });

  it.each([
    ['shifted by 1 %', page({ from: 95_950, to: 100_950 })],
    ['a pane moved 6 px', page({ pane: { ...PANE, top: PANE.top + 6 } })],
    ['zoomed (range twice as wide)', page({ from: 92_500, to: 102_500 })],
    ['upside down', page({ inverted: true })],
    ['log where the axis is linear (wide range)', page({ from: 50_000, to: 150_000, mode: 'log' })],
    ['another market entirely', page({ from: 3_000, to: 3_500 })],
  ])('refused: %s', (_what, s) => {
    expect(scaleRefusal(s, axis)).toBe("chart's price scale refused: it disagrees with the price-axis labels");
  });
});
