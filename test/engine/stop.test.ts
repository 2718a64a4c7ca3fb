// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { suggestStop } from '../../src/engine/stop';
import { cluster } from './helpers';

const cfg = DEFAULT_CONFIG;

describe('suggested stop', () => {
  it('long: 0.4 % below the nearest long cluster’s far edge: 98,500·(1 − 0.004) = 98,106', () => {
    const risk = [cluster('long', 98_500, 98_900, 50e6), cluster('long', 96_000, 96_500, 90e6)];
    const stop = suggestStop('long', 100_000, risk, cfg);
    expect(stop.kind).toBe('stop');
    if (stop.kind !== 'stop') return;
    expect(stop.price).toBeCloseTo(98_106, 6);
    expect(stop.distancePct).toBeCloseTo(1.894, 6); // (100,000 − 98,106)/100,000
    expect(stop.bufferPct).toBe(0.4);
    expect(stop.beyond.low).toBe(98_500);
    expect(stop.liquidationBeforeStop).toBeUndefined();
  });
  it('short: 0.4 % above the far (upper) edge: 101,600·1.004 = 102,006.4', () => {
    const stop = suggestStop('short', 100_000, [cluster('short', 101_200, 101_600, 30e6)], cfg);
    expect(stop.kind === 'stop' && stop.price).toBeCloseTo(102_006.4, 6);
  });
  it('keeps the buffer within 0.3–0.5 %', () => {
    const risk = [cluster('long', 99_000, 99_500, 1e6)];
    const wide = suggestStop('long', 100_000, risk, { ...cfg, stopBufferPct: 2 });
    expect(wide.kind === 'stop' && wide.bufferPct).toBe(0.5);
    const narrow = suggestStop('long', 100_000, risk, { ...cfg, stopBufferPct: 0.1 });
    expect(narrow.kind === 'stop' && narrow.price).toBeCloseTo(99_000 * 0.997, 6);
  });
  it('warns when the own liquidation comes first and names the leverage that fits', () => {
    // 50x long at 100,000: liq = 100,000·0.98/0.996 = 98,393.57 > stop 98,106 → liquidated first.
    const stop = suggestStop('long', 100_000, [cluster('long', 98_500, 98_900, 50e6)], cfg, {
      entry: 100_000,
      leverage: 50,
      maintenanceRate: 0.004,
      maxLeverage: 125,
    });
    expect(stop.kind === 'stop' && stop.liquidationBeforeStop?.liqPrice).toBeCloseTo(98_393.57, 2);
    // fits: 1/(1 − 98,106·0.996/100,000) = 1/0.0228642 = 43.7 → 43x
    expect(stop.kind === 'stop' && stop.liquidationBeforeStop?.maxLeverage).toBe(43);
  });
  it('no risk-side cluster: no stop, with a reason', () => {
    const stop = suggestStop('long', 100_000, [], cfg);
    expect(stop).toMatchObject({ kind: 'none' });
    expect(stop).toEqual({ kind: 'none', code: 'no-risk-cluster', side: 'long', maxDistancePct: cfg.nearestMaxDistancePct });
  });
});
