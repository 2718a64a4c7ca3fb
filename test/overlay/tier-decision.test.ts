// The chart controller's pure parts: tier choice with the pixel fallback, probe cadence, hover prices.
import { describe, expect, it } from 'vitest';
import type { ChartProbe } from '../../src/bridge/protocol';
import { crosshairHover, pointerHover } from '../../src/overlay/hover';
import { makeScale, type PaneRect } from '../../src/overlay/scale';
import { decideTier, probeEvery, type TierFacts } from '../../src/overlay/tier-decision';

const PANE: PaneRect = { left: 10, top: 20, width: 800, height: 400 };
const ROOT: PaneRect = { left: 10, top: 20, width: 860, height: 400 };
const overlay = { mode: 'auto' as const, opacity: 0.8, hidden: false, chartView: 'profile' as const };
const widget = (canDraw: boolean, canScale: boolean): ChartProbe => ({ found: true, via: 'window › tradingViewApi', symbol: 'BTCUSDT', resolution: '5', canDraw, canScale });
const facts = (o: Partial<TierFacts>): TierFacts => ({ state: { overlay, chartRect: null }, probe: null, probeWhyNot: 'no bridge', dom: { ok: false, reason: 'no chart element found' }, domRect: null, ...o });
const domOk = { ok: true as const, input: { from: 90_000, to: 100_000, mode: 'linear' as const, inverted: false, pane: PANE } };

describe('tier decision', () => {
  it('native when the widget can draw; its pane (not the DOM root) is the chart rectangle', () => {
    expect(decideTier(facts({ probe: widget(true, true), domRect: ROOT }))).toEqual({ tier: 'native', tierReason: "drawn with the chart's own tools", chartVia: 'window › tradingViewApi', chartRect: null });
  });

  it('falls back to pixel from the DOM axis when no widget is reachable, taking the axis pane', () => {
    const d = decideTier(facts({ probeWhyNot: 'chart frame is cross-origin', dom: domOk, domRect: ROOT }));
    expect(d).toEqual({ tier: 'pixel', tierReason: 'native drawing unavailable (chart frame is cross-origin)', chartVia: null, chartRect: PANE });
  });

  it('falls back to pixel when the widget can scale but not draw', () => {
    expect(decideTier(facts({ probe: widget(false, true) })).tierReason).toBe('native drawing unavailable (chart API cannot draw)');
  });

  it('the ladder, saying why, when neither is available; the DOM root still places the panel', () => {
    const d = decideTier(facts({ probeWhyNot: 'chart frame is cross-origin', dom: { ok: false, reason: 'no readable price axis' }, domRect: ROOT }));
    expect(d).toEqual({ tier: 'ladder', tierReason: 'chart not reachable (chart frame is cross-origin; no readable price axis)', chartVia: null, chartRect: ROOT });
  });

  it('a refused widget scale is named in the pixel tier reason while the labels stand in (and only then)', () => {
    const why = "chart's price scale refused: it disagrees with the price-axis labels";
    const d = decideTier(facts({ probe: widget(false, true), dom: domOk, scaleRefused: why }));
    expect(d.tier).toBe('pixel');
    expect(d.tierReason).toBe(`native drawing unavailable (chart API cannot draw); ${why}`);
    // Labels gone: the refusal no longer stands (the widget's scale is checked again when read).
    expect(decideTier(facts({ probe: widget(false, true), scaleRefused: why })).tierReason).toBe('native drawing unavailable (chart API cannot draw)');
  });

  it('keeps the same rectangle object when the chart did not move (no panel re-render)', () => {
    const same = { ...PANE };
    expect(decideTier(facts({ state: { overlay, chartRect: same }, dom: domOk })).chartRect).toBe(same);
  });

  it('the user choice of the ladder wins', () => {
    expect(decideTier(facts({ state: { overlay: { ...overlay, mode: 'ladder' }, chartRect: null }, probe: widget(true, true) })).tier).toBe('ladder');
  });
});

describe('probe cadence', () => {
  it('fast while the chart loads, slower after 40 probes, every few seconds after 70 or once found', () => {
    expect([probeEvery(false, 0), probeEvery(false, 39), probeEvery(false, 40), probeEvery(false, 69), probeEvery(false, 70), probeEvery(true, 0)]).toEqual([2, 2, 8, 8, 40, 40]);
  });
});

describe('hover', () => {
  const scale = makeScale({ from: 90_000, to: 100_000, mode: 'linear', inverted: false, pane: { left: 0, top: 0, width: 800, height: 400 } });
  it('pixel tier: the price under the pointer inside the pane, null outside; other tiers are not ours', () => {
    expect(pointerHover({ tier: 'pixel', scale }, { x: 100, y: 200 })).toEqual({ price: 95_000, x: 100, y: 200 });
    expect(pointerHover({ tier: 'pixel', scale }, { x: 900, y: 200 })).toBeNull();
    expect(pointerHover({ tier: 'native', scale }, { x: 100, y: 200 })).toBeUndefined();
    expect(pointerHover({ tier: 'pixel', scale: null }, { x: 100, y: 200 })).toBeUndefined();
  });
  it('native tier: the bridge position, else the last mouse position, else a corner of the chart', () => {
    expect(crosshairHover(PANE, { price: 95_000, x: 5, y: 6 }, { x: 1, y: 2 })).toEqual({ price: 95_000, x: 5, y: 6 });
    expect(crosshairHover(PANE, { price: 95_000 }, { x: 1, y: 2 })).toEqual({ price: 95_000, x: 1, y: 2 });
    expect(crosshairHover(PANE, { price: 95_000 }, null)).toEqual({ price: 95_000, x: 50, y: 60 });
    expect(crosshairHover(null, { price: 95_000 }, null)).toEqual({ price: 95_000, x: 40, y: 80 });
    expect(crosshairHover(PANE, { price: null }, null)).toBeNull();
  });
});
