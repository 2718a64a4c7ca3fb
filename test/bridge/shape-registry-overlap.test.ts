// TradingView's createShape answers asynchronously (after the series has loaded, e.g. right after an
// interval change). Overlapping applies, or a clear while a create is pending, must never leave a shape
// on the user's chart that the registry no longer tracks (it could then never be removed).
import { describe, expect, it } from 'vitest';
import type { ShapeSpec } from '../../src/bridge/protocol';
import { ShapeRegistry } from '../../src/bridge/shape-registry';
import type { TvChart, TvPoint, TvShapeOptions } from '../../src/bridge/tv-api';

/** A chart whose creates stay pending until `release()`: ids are handed out only then. */
function slowChart() {
  const shapes = new Map<string, TvShapeOptions>();
  const pending: (() => void)[] = [];
  let n = 0;
  const create = (_p: TvPoint[] | TvPoint, o: TvShapeOptions) =>
    new Promise<string>((resolve) =>
      pending.push(() => {
        const id = `s${++n}`;
        shapes.set(id, o);
        resolve(id);
      }),
    );
  const chart: TvChart = {
    createShape: (p, o) => create(p, o),
    createMultipointShape: (p, o) => create(p, o),
    getShapeById: () => ({ getPoints: () => [], setPoints: () => {}, getProperties: () => ({}), setProperties: () => {} }),
    removeEntity: (id) => void shapes.delete(String(id)),
    getAllShapes: () => [...shapes.keys()].map((id) => ({ id, name: 'x' })),
    symbol: () => 'BTCUSDT',
    resolution: () => '5',
    getPanes: () => [],
  };
  /** Resolves every pending create, repeatedly, until none is left. */
  const release = async () => {
    for (let i = 0; i < 10; i++) {
      pending.splice(0).forEach((f) => f());
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { chart, shapes, release, pendingCount: () => pending.length };
}

const band: ShapeSpec = { key: 'band-long-0', kind: 'band', low: 95_000, high: 95_500, colour: '#ff4f8b', opacity: 0.3, text: '' };
const stop: ShapeSpec = { key: 'stop', kind: 'line', price: 94_000, colour: '#f5a300', style: 'solid', width: 2, text: 'stop' };

describe('ShapeRegistry with slow creates', () => {
  it('two overlapping applies of the same plan leave exactly one shape per key, all tracked', async () => {
    const c = slowChart();
    const reg = new ShapeRegistry(c.chart, () => 1_000);
    const first = reg.apply([band, stop]);
    const second = reg.apply([band, stop]);
    await c.release();
    await Promise.all([first, second]);
    expect(c.shapes.size).toBe(2);
    expect(reg.ownIds().sort()).toEqual([...c.shapes.keys()].sort());
    // And clearing really empties the chart.
    reg.clear();
    expect(c.shapes.size).toBe(0);
  });

  it('a clear while creates are pending leaves none of our shapes behind', async () => {
    const c = slowChart();
    const reg = new ShapeRegistry(c.chart, () => 1_000);
    const applying = reg.apply([band, stop]);
    reg.clear(); // symbol changed: the old plan must not land on the new chart
    await c.release();
    await applying;
    expect(c.shapes.size).toBe(0);
    expect(reg.size()).toBe(0);
  });
});

describe('ShapeRegistry after a clear', () => {
  it('a new plan starts drawing without waiting for creates that were pending before the clear', async () => {
    const c = slowChart();
    const reg = new ShapeRegistry(c.chart, () => 1_000);
    void reg.apply([band]);
    await new Promise((r) => setTimeout(r, 0));
    expect(c.pendingCount()).toBe(1); // the old plan's create has not answered
    reg.clear();
    const next = reg.apply([stop]);
    await new Promise((r) => setTimeout(r, 0));
    expect(c.pendingCount()).toBe(2); // the new plan's create was issued all the same
    await c.release();
    await next;
    expect(reg.size()).toBe(1);
    expect([...c.shapes.values()].map((o) => o.shape)).toEqual(['horizontal_line']);
  });
});
