import { describe, expect, it } from 'vitest';
import { calibrate, calibrationToScale } from '../../src/overlay/calibrate';
import { makeScale } from '../../src/overlay/scale';

describe('calibrating a price scale from axis labels', () => {
  it('fits a linear axis: labels 100/150/200 at y 500/300/100 → 4 px per unit', () => {
    const c = calibrate([
      { price: 200, y: 100 },
      { price: 150, y: 300 },
      { price: 100, y: 500 },
    ]);
    expect(c.kind).toBe('ok');
    if (c.kind !== 'ok') return;
    expect(c.mode).toBe('linear');
    expect(c.b).toBeCloseTo(-4, 9); // y falls 4 px per price unit
    expect(c.a).toBeCloseTo(900, 9); // y = 900 − 4·price
    const input = calibrationToScale(c, { left: 0, top: 100, width: 500, height: 400 })!;
    expect(input.to).toBeCloseTo(200, 9);
    expect(input.from).toBeCloseTo(100, 9);
  });

  it('recognises a log axis: 100/200/400 equally spaced', () => {
    const c = calibrate([
      { price: 400, y: 100 },
      { price: 200, y: 300 },
      { price: 100, y: 500 },
    ]);
    expect(c.kind === 'ok' && c.mode).toBe('log');
    if (c.kind !== 'ok') return;
    const scale = makeScale(calibrationToScale(c, { left: 0, top: 100, width: 500, height: 400 })!);
    expect(scale.y(Math.sqrt(100 * 200))).toBeCloseTo(400, 6);
  });

  it('prefers linear with only two labels (any two points fit both)', () => {
    const c = calibrate([
      { price: 200, y: 100 },
      { price: 100, y: 500 },
    ]);
    expect(c.kind === 'ok' && c.mode).toBe('linear');
  });

  it('refuses fewer than two distinct prices, upside-down axes and scattered labels', () => {
    expect(calibrate([{ price: 100, y: 10 }]).kind).toBe('none');
    expect(calibrate([{ price: 100, y: 10 }, { price: 100, y: 50 }]).kind).toBe('none');
    const upside = calibrate([{ price: 100, y: 10 }, { price: 200, y: 50 }]);
    expect(upside.kind === 'none' && upside.reason).toMatch(/rise upwards/);
    const scattered = calibrate([
      { price: 100, y: 500 },
      { price: 150, y: 250 },
      { price: 200, y: 100 },
      { price: 120, y: 300 },
    ]);
    expect(scattered.kind === 'none' && scattered.reason).toMatch(/do not form a scale/);
  });

  it('refuses labels out of order even when the fit would pass (a label showing more than the one above it)', () => {
    const labels = [
      { price: 200, y: 100 },
      { price: 150, y: 300 },
      { price: 100, y: 500 },
    ];
    expect(calibrate(labels).kind).toBe('ok');
    // 150.1 belongs 0.4 px above 150; drawn 1 px below it, it is within the fit's tolerance but out of order.
    const swapped = calibrate([...labels, { price: 150.1, y: 301 }]);
    expect(swapped.kind === 'none' && swapped.reason).toMatch(/rise upwards/);
  });

  it('ignores non-finite and non-positive prices', () => {
    const c = calibrate([
      { price: NaN, y: 0 },
      { price: -5, y: 3 },
      { price: 200, y: 100 },
      { price: 100, y: 500 },
    ]);
    expect(c.kind === 'ok' && c.points).toBe(2);
  });
});
