import { describe, expect, it } from 'vitest';
import type { ShapeSpec } from '../../src/bridge/protocol';
import { diffShapes, placementSpan, ShapeRegistry } from '../../src/bridge/shape-registry';
import type { TvChart, TvPoint, TvShapeOptions } from '../../src/bridge/tv-api';

/** A minimal in-memory chart recording every call. */
function fakeChart() {
  const shapes = new Map<string, { name: string; points: TvPoint[]; options: TvShapeOptions; props: Record<string, unknown>; owner: string }>();
  const calls: string[] = [];
  let n = 0;
  const add = (points: TvPoint[], options: TvShapeOptions, owner = 'api') => {
    const id = `s${++n}`;
    shapes.set(id, { name: options.shape, points, options, props: { ...(options.overrides ?? {}) }, owner });
    return id;
  };
  const chart: TvChart = {
    createShape: (p, o) => (calls.push('create'), Promise.resolve(add([p], o))),
    createMultipointShape: (p, o) => (calls.push('create'), Promise.resolve(add(p, o))),
    getShapeById: (id) => {
      const s = shapes.get(String(id))!;
      return {
        getPoints: () => s.points,
        setPoints: (p) => (calls.push(`setPoints ${id}`), (s.points = p)),
        getProperties: () => s.props,
        setProperties: (p) => (calls.push(`setProperties ${id}`), Object.assign(s.props, p)),
      };
    },
    removeEntity: (id) => (calls.push(`remove ${id}`), shapes.delete(String(id))),
    getAllShapes: () => [...shapes.entries()].map(([id, s]) => ({ id, name: s.name })),
    symbol: () => 'BTCUSDT',
    resolution: () => '5',
    getPanes: () => [],
    getVisibleRange: () => ({ from: 1_000_000, to: 1_036_000 }),
  };
  return { chart, shapes, calls, addUserShape: () => add([{ price: 1 }], { shape: 'horizontal_line' }, 'user') };
}

const band = (key: string, low: number, high: number, opacity = 0.5): ShapeSpec => ({ key, kind: 'band', low, high, colour: '#ff4f8b', opacity, text: '' });
const line = (key: string, price: number): ShapeSpec => ({ key, kind: 'line', price, colour: '#f5a300', style: 'solid', width: 2, text: key });

describe('diffShapes', () => {
  const drawn = new Map<string, ShapeSpec>([
    ['a', band('a', 1, 2)],
    ['b', band('b', 3, 4)],
    ['stop', line('stop', 5)],
  ]);
  it('creates new keys, moves changed prices, restyles changed styles, removes missing keys', () => {
    const d = diffShapes(drawn, [band('a', 1, 2.5), band('b', 3, 4, 0.9), band('c', 6, 7)]);
    expect(d.create.map((s) => s.key)).toEqual(['c']);
    expect(d.update.map((u) => [u.spec.key, u.moved, u.restyled])).toEqual([
      ['a', true, false],
      ['b', false, true],
    ]);
    expect(d.remove).toEqual(['stop']);
  });
  it('does nothing for an identical plan', () => {
    expect(diffShapes(drawn, [...drawn.values()])).toEqual({ create: [], update: [], remove: [] });
  });
  it('replaces a shape whose kind changed under the same key', () => {
    const d = diffShapes(drawn, [line('a', 1.5)]);
    expect(d.create.map((s) => s.key)).toEqual(['a']);
    expect(d.remove).toEqual(['a', 'b', 'stop']);
  });
});

describe('ShapeRegistry on a chart', () => {
  it('creates every shape with lock, disableSave, disableUndo, disableSelection and showInObjectsTree:false', async () => {
    const f = fakeChart();
    const reg = new ShapeRegistry(f.chart, () => 1_000_000);
    expect(await reg.apply([band('a', 1, 2), line('stop', 5)])).toEqual({ created: 2, updated: 0, removed: 0 });
    for (const s of f.shapes.values()) {
      expect(s.options).toMatchObject({ lock: true, disableSave: true, disableUndo: true, disableSelection: true, showInObjectsTree: false });
    }
    expect([...f.shapes.values()].map((s) => s.name).sort()).toEqual(['horizontal_line', 'rectangle']);
  });

  it('updates in place: the same ids move, no remove/create', async () => {
    const f = fakeChart();
    const reg = new ShapeRegistry(f.chart, () => 1_000_000);
    await reg.apply([band('a', 1, 2), line('stop', 5)]);
    const ids = reg.ownIds();
    f.calls.length = 0;
    expect(await reg.apply([band('a', 1.5, 2.5), line('stop', 5.5)])).toEqual({ created: 0, updated: 2, removed: 0 });
    expect(reg.ownIds()).toEqual(ids);
    expect(f.calls.every((c) => c.startsWith('setPoints'))).toBe(true);
    const rect = f.shapes.get(String(ids[0]))!;
    expect(rect.points.map((p) => p.price)).toEqual([2.5, 1.5]);
  });

  it('removes only its own shapes: the user drawing survives clear() and re-plans', async () => {
    const f = fakeChart();
    const userId = f.addUserShape();
    const reg = new ShapeRegistry(f.chart, () => 1_000_000);
    await reg.apply([band('a', 1, 2), band('b', 3, 4)]);
    await reg.apply([band('a', 1, 2)]);
    expect(f.shapes.has(userId)).toBe(true);
    expect(reg.clear()).toBe(1);
    expect([...f.shapes.keys()]).toEqual([userId]);
    expect(f.calls.filter((c) => c.startsWith('remove')).every((c) => c !== `remove ${userId}`)).toBe(true);
  });

  it('recreates shapes that vanished with the chart instead of updating dead ids', async () => {
    const f = fakeChart();
    const reg = new ShapeRegistry(f.chart, () => 1_000_000);
    await reg.apply([band('a', 1, 2)]);
    f.shapes.clear(); // the exchange rebuilt the chart
    expect(await reg.apply([band('a', 1, 2)])).toEqual({ created: 1, updated: 0, removed: 0 });
  });

  it('anchors rectangles to the visible time range widened by its width each side', () => {
    expect(placementSpan({ from: 1_000_000, to: 1_036_000 }, 0)).toEqual({ from: 964_000, to: 1_072_000 });
    expect(placementSpan(null, 1_000_000)).toEqual({ from: 1_000_000 - 30 * 86_400, to: 1_000_000 + 30 * 86_400 });
  });
});

describe('following the visible time range', () => {
  it('re-anchors band rectangles only when the view leaves their span, lines stay put', async () => {
    const f = fakeChart();
    let visible = { from: 1_000_000, to: 1_036_000 };
    f.chart.getVisibleRange = () => visible;
    const reg = new ShapeRegistry(f.chart, () => 1_000_000);
    await reg.apply([band('a', 1, 2), line('stop', 5)]);
    f.calls.length = 0;
    visible = { from: 1_010_000, to: 1_046_000 }; // still inside 964,000…1,072,000
    expect(reg.followTime()).toBe(false);
    visible = { from: 2_000_000, to: 2_036_000 }; // panned far away
    expect(reg.followTime()).toBe(true);
    expect(f.calls).toEqual(['setPoints s1']);
    expect(f.shapes.get('s1')!.points.map((p) => p.time)).toEqual([1_964_000, 2_072_000]);
  });
});
