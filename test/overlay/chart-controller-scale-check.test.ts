// The chart controller believes the widget's price scale (page-supplied, through the bridge) only where it
// agrees with the price-axis labels the DOM shows: a forged or patched scale is refused, named in the
// tier reason, and the overlay draws on the labels' own scale instead. Where the DOM has no labels the
// widget's scale is used as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeClient } from '../../src/bridge/client';
import type { ChartEvent, ChartProbe, ChartScale } from '../../src/bridge/protocol';
import { startChartController } from '../../src/overlay/chart-controller';
import { createStore, initialOverlayState, type OverlayState } from '../../src/overlay/store';
import { analysis } from './fixtures';
import { siteOf } from '../../src/sites';

type R = { left: number; top: number; width: number; height: number };
function at(el: Element, r: R) {
  const rect = { ...r, x: r.left, y: r.top, right: r.left + r.width, bottom: r.top + r.height, toJSON: () => r };
  Object.defineProperty(el, 'getBoundingClientRect', { value: () => rect, configurable: true });
}

/** A chart root 900×400 with a DOM price axis on its right: 100,000 at y 50 … 92,500 at y 350 (25 per px). */
function chartWithAxis(): HTMLElement {
  const root = document.createElement('div');
  root.className = 'chart-area';
  at(root, { left: 0, top: 0, width: 900, height: 400 });
  const axis = document.createElement('div');
  at(axis, { left: 820, top: 0, width: 80, height: 400 });
  [100_000, 97_500, 95_000, 92_500].forEach((price, i) => {
    const label = document.createElement('div');
    label.textContent = price.toLocaleString('en-US', { minimumFractionDigits: 1 });
    at(label, { left: 820, top: 50 + 100 * i - 5, width: 80, height: 10 });
    axis.appendChild(label);
  });
  root.appendChild(axis);
  document.body.appendChild(root);
  return root;
}

const PANE = { left: 0, top: 0, width: 820, height: 400 };
/** The widget's true scale: y = (101,250 − price) / 25. */
const TRUE: ChartScale = { from: 91_250, to: 101_250, mode: 'linear', inverted: false, pane: PANE };

function start(scale: ChartScale) {
  const probe: ChartProbe = { found: true, via: 'window › tradingViewApi', symbol: 'BTCUSDT', resolution: '5', canDraw: false, canScale: true };
  const client = {
    probe: async () => ({ ok: true as const, value: probe }),
    scale: async () => ({ ok: true as const, value: scale }),
    draw: async () => ({ ok: true as const, value: { kind: 'drawn' as const, created: 0, updated: 0, removed: 0 } }),
    clear: async () => ({ ok: true as const, value: { kind: 'drawn' as const, created: 0, updated: 0, removed: 0 } }),
    onEvent: (_cb: (ev: ChartEvent) => void) => () => {},
  } as unknown as BridgeClient;
  const store = createStore<OverlayState>({
    ...initialOverlayState('bybit', 'BTCUSDT', 0),
    health: '',
    view: { exchange: 'bybit', symbol: 'BTCUSDT', state: 'ok', analysis: analysis(), health: {}, asOf: 1 },
    tierReason: '',
  });
  const c = startChartController({ doc: document, chartSelectors: siteOf('bybit').chartSelectors, client, store, pollMs: 20 });
  stops.push(c.stop);
  return store;
}

let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((s) => s());
  stops = [];
  document.body.innerHTML = '';
});

describe('chart controller: the widget scale checked against the DOM price axis', () => {
  it('a widget scale that agrees with the labels is used as given', async () => {
    chartWithAxis();
    const s = start(TRUE);
    await vi.waitFor(() => expect(s.get().scale?.input).toEqual(TRUE));
    expect(s.get().tier).toBe('pixel');
    expect(s.get().tierReason).not.toMatch(/refused/);
  });

  it('a forged widget scale (shifted 4 %) is refused by name; the overlay draws on the labels instead', async () => {
    chartWithAxis();
    const forged: ChartScale = { ...TRUE, from: 87_250, to: 97_250 };
    const s = start(forged);
    await vi.waitFor(() => expect(s.get().tierReason).toMatch(/chart's price scale refused: it disagrees with the price-axis labels/));
    expect(s.get().tier).toBe('pixel');
    const scale = s.get().scale!;
    expect(scale.input).not.toEqual(forged);
    // On the labels' scale: 100,000 where its label is (y 50), 92,500 at y 350.
    expect(scale.y(100_000)).toBeCloseTo(50, 6);
    expect(scale.y(92_500)).toBeCloseTo(350, 6);
  });

  it('without DOM labels the widget scale is used as before', async () => {
    const s = start({ ...TRUE, from: 87_250, to: 97_250 });
    await vi.waitFor(() => expect(s.get().scale?.input.from).toBe(87_250));
    expect(s.get().tierReason).not.toMatch(/refused/);
  });
});
