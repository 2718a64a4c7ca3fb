import { describe, expect, it } from 'vitest';
import { mount } from './mount';
import { bucketize, cumulativeCurves, MiniMap } from '../../src/ui/MiniMap';
import { makeMap } from './make-analysis';

describe('mini map data', () => {
  it('buckets sum the bins they contain, per tier', () => {
    const map = makeMap();
    // Buckets of 1,000 over [98,000, 102,000): the bin at 98,500 and 98,000 fall in the first.
    const b = bucketize(map, 98_000, 102_000, 4);
    const bins = (lo: number, hi: number) => map.bins.filter((x) => x.price >= lo && x.price < hi);
    const usd = (lo: number, hi: number) => bins(lo, hi).reduce((s, x) => s + x.longUsd + x.shortUsd, 0);
    expect(b.map((x) => x.total)).toEqual([usd(98_000, 99_000), usd(99_000, 100_000), usd(100_000, 101_000), usd(101_000, 102_000)]);
    expect(b[0]!.byTier.reduce((s, x) => s + x, 0)).toBeCloseTo(b[0]!.total, 6);
  });

  it('cumulative long grows leftwards from the reference, short rightwards', () => {
    const map = makeMap();
    const { long, short } = cumulativeCurves(map, 99_000, 101_000);
    // Long: bins 99,500 then 99,000 below 100,000; short: 100,500 then 101,000 above.
    const at = (p: number) => map.bins.find((b) => b.price === p)!;
    expect(long).toEqual([
      [99_000, at(99_500).longUsd + at(99_000).longUsd],
      [99_500, at(99_500).longUsd],
      [100_000, 0],
    ]);
    expect(short).toEqual([
      [100_000, 0],
      [100_500, at(100_500).shortUsd],
      [101_000, at(100_500).shortUsd + at(101_000).shortUsd],
    ]);
  });
});

describe('<MiniMap>', () => {
  it('draws bars, both curves and the marks, and describes itself for screen readers', () => {
    const el = mount(<MiniMap map={makeMap()} marks={{ stop: 98_105, liq: 96_000, entry: 100_000 }} />);
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/long liquidations below.*short liquidations above/);
    expect(el.querySelectorAll('[data-testid=minimap-bars] rect').length).toBeGreaterThan(10);
    expect(el.querySelector('[data-testid=minimap-cum-long]')!.getAttribute('d')).toMatch(/^M/);
    expect(el.querySelector('[data-testid=minimap-stop]')!.getAttribute('data-value')).toBe('98105');
    expect(el.querySelector('[data-testid=minimap-liq]')).not.toBeNull();
    expect(el.querySelector('[data-testid=minimap-ref]')!.textContent).toBe('100,000.0');
  });

  it('a mark outside the shown range is pinned to the edge with its price; tier heights stack to the bucket total', () => {
    const el = mount(<MiniMap map={makeMap()} marks={{ stop: 50_000 }} height={150} />);
    const stop = el.querySelector('[data-testid=minimap-stop]')!;
    expect(stop.getAttribute('data-offscale')).toBe('true');
    expect(stop.textContent).toBe('← stop 50,000.0');
    // Pinned at the left edge: x = 4 px padding.
    expect(stop.querySelector('line')!.getAttribute('x1')).toBe('4');
    const groups = [...el.querySelectorAll('[data-testid=minimap-bars] > g')];
    const tallest = Math.max(...groups.map((g) => [...g.querySelectorAll('rect')].reduce((s, r) => s + Number(r.getAttribute('height')), 0)));
    // The tallest bucket spans the whole plot height: 150 − 6 (top pad) − 16 (bottom pad) = 128 px.
    expect(tallest).toBeCloseTo(128, 6);
  });

  it('an empty map says so instead of drawing NaN', () => {
    const map = { ...makeMap(), bins: [] };
    const el = mount(<MiniMap map={map} />);
    expect(el.innerHTML).not.toMatch(/NaN|Infinity/);
    expect(el.textContent).toMatch(/no estimated liquidations in range/);
  });
});
