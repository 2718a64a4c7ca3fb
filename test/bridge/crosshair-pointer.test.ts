// Hover details in the native tier: over a chart frame (Binance, OKX) the top document gets no mousemove,
// so the bridge reports the pointer with the crosshair price, in top-window viewport px.
import { describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../src/bridge/client';
import { checkChartEvent, type ChartEvent, type ChartProbe } from '../../src/bridge/protocol';
import { pointerInTop } from '../../src/bridge/server';
import { startChartController } from '../../src/overlay/chart-controller';
import { createStore, initialOverlayState, type OverlayState } from '../../src/overlay/store';
import { analysis } from '../overlay/fixtures';
import { siteOf } from '../../src/sites';

describe('crosshair pointer', () => {
  it('frame coordinates + the frame’s position (and border) = top-window coordinates', () => {
    const frame = { getBoundingClientRect: () => ({ left: 100, top: 50 }), clientLeft: 1, clientTop: 2 } as unknown as HTMLIFrameElement;
    // 100 + 1 + 300 = 401; 50 + 2 + 120 = 172.
    expect(pointerInTop(frame, { x: 300, y: 120 })).toEqual({ x: 401, y: 172 });
  });

  it('the event check accepts the pointer and refuses a bad one', () => {
    expect(checkChartEvent({ kind: 'crosshair', price: 96_000, x: 401, y: 172 }, '')).toBeNull();
    expect(checkChartEvent({ kind: 'crosshair', price: 96_000 }, '')).toBeNull();
    expect(checkChartEvent({ kind: 'crosshair', price: 96_000, x: Number.NaN, y: 1 }, '')).toMatch(/x/);
    expect(checkChartEvent({ kind: 'crosshair', price: 96_000, x: 1, y: '2' }, '')).toMatch(/y/);
  });

  it('the native-tier hover is placed at the bridge’s pointer, not at a stale top-document position', async () => {
    let emit: ((ev: ChartEvent) => void) | null = null;
    const probe: ChartProbe = { found: true, via: 'iframe#tradingview_1 › tradingViewApi', symbol: 'BTCUSDT', resolution: '5', canDraw: true, canScale: true };
    const client = {
      probe: async () => ({ ok: true as const, value: probe }),
      scale: async () => ({ ok: true as const, value: { from: 90_000, to: 100_000, mode: 'linear' as const, inverted: false, pane: { left: 0, top: 0, width: 800, height: 400 } } }),
      draw: async () => ({ ok: true as const, value: { kind: 'drawn' as const, created: 0, updated: 0, removed: 0 } }),
      clear: async () => ({ ok: true as const, value: { kind: 'drawn' as const, created: 0, updated: 0, removed: 0 } }),
      onEvent: (cb: (ev: ChartEvent) => void) => ((emit = cb), () => (emit = null)),
    } as unknown as BridgeClient;
    const store = createStore<OverlayState>({
      ...initialOverlayState('binance', 'BTCUSDT', 0),
      health: '',
      view: { exchange: 'binance', symbol: 'BTCUSDT', state: 'ok', analysis: analysis(), health: {}, asOf: 1 },
      tierReason: '',
    });
    const c = startChartController({ doc: document, chartSelectors: siteOf('binance').chartSelectors, client, store, pollMs: 10_000 });
    await new Promise((r) => setTimeout(r, 30));
    expect(store.get().tier).toBe('native');
    // The top document last saw the pointer at (5, 5), before it went over the chart frame.
    document.dispatchEvent(new MouseEvent('mousemove', { clientX: 5, clientY: 5 }));
    // Chart events are applied at the next animation frame (src/bridge/event-gate.ts).
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    emit!({ kind: 'crosshair', price: 96_000, x: 401, y: 172 });
    await frame();
    expect(store.get().hover).toEqual({ price: 96_000, x: 401, y: 172 });
    // A bridge that sends no pointer (chart in the top document): the top document's own position.
    emit!({ kind: 'crosshair', price: 95_000 });
    await frame();
    expect(store.get().hover).toEqual({ price: 95_000, x: 5, y: 5 });
    c.stop();
  });
});
