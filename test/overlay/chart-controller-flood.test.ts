// A page forging chart events by the thousand: the controller probes once per coalesced batch, one probe
// at a time, and each probe starts in an animation frame of its own.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeClient } from '../../src/bridge/client';
import type { ChartEvent, ChartProbe } from '../../src/bridge/protocol';
import { startChartController } from '../../src/overlay/chart-controller';
import { createStore, initialOverlayState, type OverlayState } from '../../src/overlay/store';
import { analysis } from './fixtures';
import { siteOf } from '../../src/sites';

let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((s) => s());
  stops = [];
});

describe('chart controller under a flood of forged chart events', () => {
  it('5,000 events → a couple of probes, never two at once; the hover shows the newest crosshair', async () => {
    const found: ChartProbe = { found: true, via: 'window › tradingViewApi', symbol: 'BTCUSDT', resolution: '5', canDraw: true, canScale: true };
    let probes = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    let emit: ((ev: ChartEvent) => void) | null = null;
    const client = {
      probe: async () => {
        probes += 1;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight -= 1;
        return { ok: true as const, value: found };
      },
      scale: async () => ({ ok: true as const, value: { from: 90_000, to: 100_000, mode: 'linear' as const, inverted: false, pane: { left: 0, top: 0, width: 800, height: 400 } } }),
      draw: async (req: { shapes: unknown[] }) => ({ ok: true as const, value: { kind: 'drawn' as const, created: req.shapes.length, updated: 0, removed: 0 } }),
      clear: async () => ({ ok: true as const, value: { kind: 'drawn' as const, created: 0, updated: 0, removed: 0 } }),
      onEvent: (cb: (ev: ChartEvent) => void) => ((emit = cb), () => (emit = null)),
    } as unknown as BridgeClient;
    const store = createStore<OverlayState>({
      ...initialOverlayState('binance', 'BTCUSDT', 0),
      health: '',
      view: { exchange: 'binance', symbol: 'BTCUSDT', state: 'ok', analysis: analysis(), health: {}, asOf: 1 },
      tierReason: '',
    });
    stops.push(startChartController({ doc: document, chartSelectors: siteOf('binance').chartSelectors, client, store, pollMs: 10_000 }).stop);
    await vi.waitFor(() => expect(store.get().tier).toBe('native'));
    const before = probes;
    for (let i = 0; i < 5_000; i++) {
      const kinds: ChartEvent[] = [
        { kind: 'symbol', symbol: 'BTCUSDT', resolution: '5' },
        { kind: 'lost', symbol: '', resolution: '' },
        { kind: 'crosshair', price: 90_000 + i, x: 10, y: 20 },
      ];
      emit!(kinds[i % 3]!);
    }
    await vi.waitFor(() => expect(store.get().hover?.price).toBe(94_997)); // the newest crosshair (i = 4,997)
    await new Promise((r) => setTimeout(r, 400)); // past one CHANGE_GAP_MS: a held-back change may probe once more
    expect(probes - before).toBeGreaterThanOrEqual(1);
    expect(probes - before).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBe(1);
    expect(store.get().tier).toBe('native');
  });
});
