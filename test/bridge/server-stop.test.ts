// The bridge runs in the page and outlives an invalidated content script: `stop` must leave nothing behind.
import { afterEach, describe, expect, it } from 'vitest';
import { defineWindowMessaging } from '@webext-core/messaging/page';
import { BridgeClient } from '../../src/bridge/client';
import { bridgeNamespace, newBridgeToken } from '../../src/bridge/messenger';
import type { BridgeProtocol, ShapeSpec } from '../../src/bridge/protocol';
import { startBridgeServer } from '../../src/bridge/server';
import { defineWindowTransport } from '../../src/bridge/window-transport';

/** A fake widget that counts live subscriptions and lets the test move the crosshair. */
function installWidget() {
  const shapes = new Map<string, string>();
  let n = 0;
  const subs = new Map<string, Set<(x: unknown) => void>>();
  const sub = (k: string) => {
    if (!subs.has(k)) subs.set(k, new Set());
    return { subscribe: (_: unknown, cb: (x: unknown) => void) => subs.get(k)!.add(cb), unsubscribe: (_: unknown, cb: (x: unknown) => void) => subs.get(k)!.delete(cb) };
  };
  const chart = {
    createShape: async (_p: unknown, o: { shape: string }) => (shapes.set(`s${++n}`, o.shape), `s${n}`),
    createMultipointShape: async (_p: unknown, o: { shape: string }) => (shapes.set(`s${++n}`, o.shape), `s${n}`),
    getShapeById: () => ({ getPoints: () => [], setPoints: () => {}, getProperties: () => ({}), setProperties: () => {} }),
    removeEntity: (id: string) => shapes.delete(id),
    getAllShapes: () => [...shapes.keys()].map((id) => ({ id, name: shapes.get(id)! })),
    symbol: () => 'BTCUSDT',
    resolution: () => '5',
    getPanes: () => [{ getHeight: () => 400, getMainSourcePriceScale: () => ({ getVisiblePriceRange: () => ({ from: 90_000, to: 100_000 }), getMode: () => 0 }) }],
    onSymbolChanged: () => sub('symbol'),
    onIntervalChanged: () => sub('interval'),
    onVisibleRangeChanged: () => sub('range'),
    crossHairMoved: () => sub('crosshair'),
  };
  (window as unknown as Record<string, unknown>).tradingViewApi = { activeChart: () => chart };
  const live = () => [...subs.values()].reduce((a, s) => a + s.size, 0);
  const moveCrosshair = (price: number) => subs.get('crosshair')?.forEach((cb) => cb({ price }));
  return { shapes, live, moveCrosshair };
}

const band: ShapeSpec = { key: 'band-long-0', kind: 'band', low: 95_000, high: 95_500, colour: '#ff4f8b', opacity: 0.3, text: '' };
const frame = () => new Promise((r) => setTimeout(r, 40));

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  delete (window as unknown as Record<string, unknown>).tradingViewApi;
});

const transports = {
  'our transport': (namespace: string) => defineWindowTransport(window, namespace),
  '@webext-core window messenger': (namespace: string) => defineWindowMessaging<BridgeProtocol>({ namespace }),
};

describe.each(Object.entries(transports))('bridge stop (content script invalidated), over %s', (_name, make) => {
  it('removes our shapes, drops every chart subscription, stops posting and stops answering', async () => {
    const w = installWidget();
    const namespace = bridgeNamespace(newBridgeToken());
    const page = make(namespace);
    const content = make(namespace);
    startBridgeServer(window, page);
    cleanup.push(() => page.removeAllListeners(), () => content.removeAllListeners());
    const client = new BridgeClient(content, 300);
    const events: unknown[] = [];
    cleanup.push(client.onEvent((ev) => events.push(ev)));

    expect((await client.draw({ symbol: 'BTCUSDT', shapes: [band] })).ok).toBe(true);
    expect(w.shapes.size).toBe(1);
    expect(w.live()).toBe(4); // symbol, interval, visible range, crosshair
    w.moveCrosshair(96_000);
    await frame();
    expect(events).toEqual([{ kind: 'crosshair', price: 96_000 }]);

    expect(await client.stop()).toEqual({ ok: true, value: { kind: 'drawn', created: 0, updated: 0, removed: 1 } });
    expect(w.shapes.size).toBe(0);
    expect(w.live()).toBe(0);
    w.moveCrosshair(97_000);
    await frame();
    expect(events).toHaveLength(1);
    // Nothing listens any more: a later request goes unanswered.
    const late = await client.probe();
    expect(late.ok).toBe(false);
  });
});
