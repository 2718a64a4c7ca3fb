import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeClient } from '../../src/bridge/client';
import type { ChartEvent, ChartProbe, DrawRequest } from '../../src/bridge/protocol';
import { startChartController } from '../../src/overlay/chart-controller';
import { createStore, initialOverlayState, type OverlayState } from '../../src/overlay/store';
import { analysis } from './fixtures';
import { siteOf } from '../../src/sites';

function fakeClient(probe: ChartProbe) {
  const draws: DrawRequest[] = [];
  let clears = 0;
  let listener: ((ev: ChartEvent) => void) | null = null;
  const client = {
    probe: async () => ({ ok: true as const, value: probe }),
    scale: async () => ({ ok: true as const, value: { from: 90_000, to: 100_000, mode: 'linear' as const, inverted: false, pane: { left: 0, top: 0, width: 800, height: 400 } } }),
    draw: async (req: DrawRequest) => (draws.push(req), { ok: true as const, value: { kind: 'drawn' as const, created: req.shapes.length, updated: 0, removed: 0 } }),
    clear: async () => (clears++, { ok: true as const, value: { kind: 'drawn' as const, created: 0, updated: 0, removed: 0 } }),
    onEvent: (cb: (ev: ChartEvent) => void) => ((listener = cb), () => (listener = null)),
  };
  return { client: client as unknown as BridgeClient, draws, clears: () => clears, emit: (ev: ChartEvent) => listener?.(ev) };
}

function store() {
  return createStore<OverlayState>({
    ...initialOverlayState('binance', 'BTCUSDT', 0),
    health: '',
    view: { exchange: 'binance', symbol: 'BTCUSDT', state: 'ok', analysis: analysis(), health: {}, asOf: 1 },
    tierReason: '',
  });
}

const settle = () => new Promise((r) => setTimeout(r, 30));
let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((s) => s());
  stops = [];
});

describe('chart controller (native tier)', () => {
  const found: ChartProbe = { found: true, via: 'window › tradingViewApi', symbol: 'BTCUSDT', resolution: '5', canDraw: true, canScale: true };

  it('chooses native drawing when the widget can draw, and sends the plan once', async () => {
    const f = fakeClient(found);
    const s = store();
    stops.push(startChartController({ doc: document, chartSelectors: siteOf('binance').chartSelectors, client: f.client, store: s, pollMs: 10_000 }).stop);
    await settle();
    expect(s.get().tier).toBe('native');
    expect(f.draws).toHaveLength(1);
    expect(f.draws[0]!.shapes.map((x) => x.key)).toEqual(['band-long-0', 'band-short-0', 'stop']);
    // Same data again (a new object with equal content): nothing is re-sent.
    s.set({ view: { ...s.get().view!, analysis: analysis() } });
    await settle();
    expect(f.draws).toHaveLength(1);
  });

  it('re-sends only when the plan changed, clears when hidden, redraws when shown', async () => {
    const f = fakeClient(found);
    const s = store();
    stops.push(startChartController({ doc: document, chartSelectors: siteOf('binance').chartSelectors, client: f.client, store: s, pollMs: 10_000 }).stop);
    await settle();
    s.set({ position: { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry: 96_800, size: 0.1, leverage: 10, marginMode: 'cross', source: 'page' } });
    await settle();
    expect(f.draws).toHaveLength(2);
    expect(f.draws[1]!.shapes.map((x) => x.key)).toContain('entry');
    s.set({ overlay: { ...s.get().overlay, hidden: true } });
    await settle();
    expect(f.clears()).toBe(1);
    s.set({ overlay: { ...s.get().overlay, hidden: false } });
    await settle();
    expect(f.draws).toHaveLength(3);
  });

  it('redraws after the bridge reports a symbol or interval change (it removed our shapes)', async () => {
    const f = fakeClient(found);
    const s = store();
    stops.push(startChartController({ doc: document, chartSelectors: siteOf('binance').chartSelectors, client: f.client, store: s, pollMs: 10_000 }).stop);
    await settle();
    f.emit({ kind: 'interval', symbol: 'BTCUSDT', resolution: '15' });
    await settle();
    expect(f.draws).toHaveLength(2);
  });

  it('clears its shapes when the user picks another tier', async () => {
    const f = fakeClient(found);
    const s = store();
    stops.push(startChartController({ doc: document, chartSelectors: siteOf('binance').chartSelectors, client: f.client, store: s, pollMs: 10_000 }).stop);
    await settle();
    s.set({ overlay: { ...s.get().overlay, mode: 'ladder' } });
    await settle();
    expect(s.get().tier).toBe('ladder');
    expect(f.clears()).toBe(1);
  });

  it('removes its shapes when stopped (extension disabled or reloaded)', async () => {
    const f = fakeClient(found);
    const c = startChartController({ doc: document, chartSelectors: siteOf('binance').chartSelectors, client: f.client, store: store(), pollMs: 10_000 });
    await settle();
    c.stop();
    await settle();
    expect(f.clears()).toBe(1);
  });

  it('falls back to the ladder, saying why, when there is no widget and no readable axis', async () => {
    const f = fakeClient({ found: false, reason: 'chart frame is cross-origin' });
    const s = store();
    stops.push(startChartController({ doc: document, chartSelectors: siteOf('bybit').chartSelectors, client: f.client, store: s, pollMs: 10_000 }).stop);
    await settle();
    expect(s.get().tier).toBe('ladder');
    expect(s.get().tierReason).toBe('chart not reachable (chart frame is cross-origin; no chart element found)');
    expect(f.draws).toHaveLength(0);
  });
});

describe('chart controller (pixel tier through the bridge)', () => {
  it('follows the widget scale and re-renders only when it changes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const f = fakeClient({ found: true, via: 'x', symbol: 'BTCUSDT', resolution: '5', canDraw: false, canScale: true });
      const s = store();
      const seen: unknown[] = [];
      s.subscribe((st, changed) => changed.has('scale') && seen.push(st.scale));
      stops.push(startChartController({ doc: document, chartSelectors: siteOf('binance').chartSelectors, client: f.client, store: s, pollMs: 100 }).stop);
      await vi.advanceTimersByTimeAsync(0);
      await settle();
      expect(s.get().tier).toBe('pixel');
      for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(100);
      await settle();
      // One scale (90,000…100,000 over 400 px), set once although polled five times.
      expect(seen).toHaveLength(1);
      expect(s.get().scale!.y(95_000)).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('chart controller: the chart goes away and comes back (OKX "Original" ↔ "TradingView")', () => {
  it('falls back to the ladder on "lost", returns to native shapes on "recreated", re-sending the plan', async () => {
    const found: ChartProbe = { found: true, via: 'iframe#tradingview_a3b59 › tradingViewApi', symbol: 'BTCUSDT', resolution: '15', canDraw: true, canScale: true };
    const f = fakeClient(found);
    let now: ChartProbe = found;
    (f.client as unknown as { probe: () => Promise<unknown> }).probe = async () => ({ ok: true, value: now });
    const s = store();
    stops.push(startChartController({ doc: document, chartSelectors: siteOf('okx').chartSelectors, client: f.client, store: s, pollMs: 10_000 }).stop);
    await vi.waitFor(() => expect(f.draws).toHaveLength(1));
    expect(s.get().tier).toBe('native');

    now = { found: false, reason: 'no TradingView chart frame or widget global on this page' };
    f.emit({ kind: 'lost', symbol: '', resolution: '' });
    await vi.waitFor(() => expect(s.get().tier).toBe('ladder'));
    expect(s.get().tierReason).toMatch(/chart not reachable \(no TradingView chart frame/);

    now = { ...found, via: 'iframe#tradingview_0c1d2 › tradingViewApi' };
    f.emit({ kind: 'recreated', symbol: 'BTCUSDT', resolution: '15' });
    await vi.waitFor(() => expect(s.get().tier).toBe('native'));
    await vi.waitFor(() => expect(f.draws).toHaveLength(2)); // the same plan, sent again to the new chart
    expect(f.draws[1]).toEqual(f.draws[0]);
    expect(s.get().chartVia).toBe('iframe#tradingview_0c1d2 › tradingViewApi');
  });
});
