import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeClient } from '../../src/bridge/client';
import { defineWindowMessaging } from '@webext-core/messaging/page';
import { bridgeNamespace, installSourceGuard, newBridgeToken } from '../../src/bridge/messenger';
import type { BridgeProtocol } from '../../src/bridge/protocol';
import { CONTENT_SILENT_MS, startBridgeServer, type BridgeServerOptions } from '../../src/bridge/server';
import type { ShapeSpec } from '../../src/bridge/protocol';

/** A widget on the page's own window, recording shapes like the fixture's fake TradingView. */
function installWidget(symbol = 'BTCUSDT@PRICETYPE=LAST') {
  const shapes = new Map<string, { name: string; options: Record<string, unknown>; owner: string; points: { price: number }[] }>();
  let n = 0;
  const subs: Record<string, ((x: unknown) => void)[]> = { symbol: [], interval: [] };
  const sub = (k: string) => ({ subscribe: (_: unknown, cb: (x: unknown) => void) => subs[k]!.push(cb), unsubscribe: () => {} });
  let sym = symbol;
  const chart = {
    createShape: async (p: { price: number }, o: Record<string, unknown>) => (shapes.set(`s${++n}`, { name: String(o.shape), options: o, owner: 'api', points: [p] }), `s${n}`),
    createMultipointShape: async (p: { price: number }[], o: Record<string, unknown>) => (shapes.set(`s${++n}`, { name: String(o.shape), options: o, owner: 'api', points: p }), `s${n}`),
    getShapeById: (id: string) => ({ getPoints: () => shapes.get(id)!.points, setPoints: (p: { price: number }[]) => (shapes.get(id)!.points = p), getProperties: () => ({}), setProperties: () => {} }),
    removeEntity: (id: string) => shapes.delete(id),
    getAllShapes: () => [...shapes.keys()].map((id) => ({ id, name: shapes.get(id)!.name })),
    symbol: () => sym,
    resolution: () => '5',
    getVisibleRange: () => ({ from: 1000, to: 2000 }),
    getPanes: () => [{ getHeight: () => 400, getMainSourcePriceScale: () => ({ getVisiblePriceRange: () => ({ from: 90_000, to: 100_000 }), getMode: () => 1 }) }],
    onSymbolChanged: () => sub('symbol'),
    onIntervalChanged: () => sub('interval'),
  };
  const counts = { creates: 0, reads: 0, looks: 0 };
  let evictOnRead = false;
  const evict = () => {
    for (const [id, s] of shapes) if (s.owner === 'api') shapes.delete(id);
  };
  const create = chart.createShape;
  const createMulti = chart.createMultipointShape;
  chart.createShape = (p, o) => ((counts.creates += 1), create(p, o));
  chart.createMultipointShape = (p, o) => ((counts.creates += 1), createMulti(p, o));
  const getAll = chart.getAllShapes;
  chart.getAllShapes = () => {
    counts.reads += 1;
    if (evictOnRead) evict();
    return getAll();
  };
  const widget = { activeChart: () => ((counts.looks += 1), chart) };
  (window as unknown as Record<string, unknown>).tradingViewApi = widget;
  shapes.set('user1', { name: 'horizontal_line', options: {}, owner: 'user', points: [{ price: 1 }] });
  return {
    shapes,
    counts,
    widget,
    /** The host removes our shapes without any event (a re-render). */
    evict,
    /** A host that evicts our shapes every time anyone looks. */
    evictAlways(on: boolean) {
      evictOnRead = on;
    },
    ours: () => [...shapes.values()].filter((s) => s.owner === 'api'),
    setSymbol(s: string) {
      sym = s;
      subs.symbol!.forEach((cb) => cb(undefined));
    },
  };
}

const band: ShapeSpec = { key: 'band-long-0', kind: 'band', low: 95_000, high: 95_500, colour: '#ff4f8b', opacity: 0.3, text: '' };
const stop: ShapeSpec = { key: 'stop', kind: 'line', price: 94_000, colour: '#f5a300', style: 'solid', width: 2, text: 'stop' };

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  delete (window as unknown as Record<string, unknown>).tradingViewApi;
});

/** Both ends on one window, as in the page. (happy-dom's postMessage reports another object as
 *  event.source, so the source guard is tested on its own below, and end to end in Chromium.) */
function connect(opts?: BridgeServerOptions) {
  const namespace = bridgeNamespace(newBridgeToken());
  const page = defineWindowMessaging<BridgeProtocol>({ namespace });
  const content = defineWindowMessaging<BridgeProtocol>({ namespace });
  const server = startBridgeServer(window, page, opts);
  cleanup.push(() => server.stop(), () => page.removeAllListeners(), () => content.removeAllListeners());
  return new BridgeClient(content, 2000);
}

describe('chart bridge over window messages', () => {
  it('finds the widget and reports symbol, capabilities and the visible range', async () => {
    installWidget();
    const client = connect();
    const probe = await client.probe();
    expect(probe).toEqual({ ok: true, value: { found: true, via: 'window › tradingViewApi', symbol: 'BTCUSDT', resolution: '5', canDraw: true, canScale: true } });
    const scale = await client.scale();
    expect(scale.ok && scale.value).toMatchObject({ from: 90_000, to: 100_000, mode: 'log', inverted: false });
  });

  it('says why when there is no widget', async () => {
    const client = connect();
    expect(await client.probe()).toEqual({ ok: true, value: { found: false, reason: 'no TradingView chart frame or widget global on this page' } });
  });

  it('draws with our flags, refuses another symbol’s plan and malformed plans, clears only its own shapes', async () => {
    const w = installWidget();
    const client = connect();
    expect(await client.draw({ symbol: 'BTCUSDT', shapes: [band, stop] })).toEqual({ ok: true, value: { kind: 'drawn', created: 2, updated: 0, removed: 0 } });
    expect([...w.shapes.values()].filter((s) => s.owner === 'api').every((s) => s.options.disableSave === true && s.options.lock === true)).toBe(true);
    const other = await client.draw({ symbol: 'ETHUSDT', shapes: [band] });
    expect(other.ok && other.value).toEqual({ kind: 'refused', reason: 'chart shows BTCUSDT, not ETHUSDT' });
    const bad = await client.draw({ symbol: 'BTCUSDT', shapes: [{ ...band, low: 96_000 }] });
    expect(bad.ok && bad.value.kind).toBe('refused');
    expect(w.shapes.size).toBe(3); // nothing changed by the refused requests
    expect(await client.clear()).toEqual({ ok: true, value: { kind: 'drawn', created: 0, updated: 0, removed: 2 } });
    expect([...w.shapes.keys()]).toEqual(['user1']);
  });

  it('removes our shapes when the chart switches symbol and tells the content script', async () => {
    const w = installWidget();
    const client = connect();
    const events: unknown[] = [];
    cleanup.push(client.onEvent((e) => events.push(e)));
    await client.draw({ symbol: 'BTCUSDT', shapes: [band] });
    w.setSymbol('ETHUSDT@PRICETYPE=LAST');
    await new Promise((r) => setTimeout(r, 50));
    expect([...w.shapes.keys()]).toEqual(['user1']);
    expect(events).toContainEqual({ kind: 'symbol', symbol: 'ETHUSDT', resolution: '5' });
  });
});

describe('source guard', () => {
  it('drops our namespace’s messages that come from another window, lets ours and others through', () => {
    const seen: unknown[] = [];
    const listener = (e: MessageEvent) => seen.push(e.data);
    const remove = installSourceGuard(window, 'ns');
    window.addEventListener('message', listener);
    try {
      window.dispatchEvent(new MessageEvent('message', { data: { namespace: 'ns', n: 1 }, source: null }));
      window.dispatchEvent(new MessageEvent('message', { data: { namespace: 'ns', n: 2 }, source: window }));
      window.dispatchEvent(new MessageEvent('message', { data: { namespace: 'other', n: 3 }, source: null }));
    } finally {
      window.removeEventListener('message', listener);
      remove();
    }
    expect(seen).toEqual([
      { namespace: 'ns', n: 2 },
      { namespace: 'other', n: 3 },
    ]);
  });
});

describe('chart symbols as the real pages publish them', () => {
  it.each([
    ['BTCUSDT@PRICETYPE=LAST', 'BTCUSDT'],
    ['SWAP:BTC-USDT-SWAP~LastPrice', 'BTCUSDT'],
  ])('a chart showing %s draws the %s plan and refuses another symbol’s', async (raw, page) => {
    installWidget(raw);
    const client = connect();
    const probe = await client.probe();
    expect(probe.ok && probe.value.found && probe.value.symbol).toBe(page);
    expect(await client.draw({ symbol: page, shapes: [band, stop] })).toEqual({ ok: true, value: { kind: 'drawn', created: 2, updated: 0, removed: 0 } });
    const other = await client.draw({ symbol: 'ETHUSDT', shapes: [band] });
    expect(other.ok && other.value).toEqual({ kind: 'refused', reason: `chart shows ${page}, not ETHUSDT` });
  });
});

describe('shapes the host evicts without telling us', () => {
  it('re-reads getAllShapes() and redraws the last plan; the user’s drawing is never touched', async () => {
    const w = installWidget();
    const client = connect({ checkMs: 10 });
    await client.draw({ symbol: 'BTCUSDT', shapes: [band, stop] });
    const first = w.ours().length;
    expect(first).toBe(2);
    w.evict();
    expect(w.ours()).toHaveLength(0);
    await vi.waitFor(() => expect(w.ours()).toHaveLength(2), { timeout: 2_000, interval: 10 });
    expect(w.counts.creates).toBe(4); // two drawn, two redrawn: nothing else
    expect(w.shapes.has('user1')).toBe(true);
    // Everything in place: the watchdog only reads.
    const reads = w.counts.reads;
    await vi.waitFor(() => expect(w.counts.reads).toBeGreaterThan(reads + 5), { interval: 10 });
    expect(w.counts.creates).toBe(4);
  });

  it('a host that keeps evicting gets one redraw, then none until the back-off allows (no storm)', async () => {
    const w = installWidget();
    let t = 0;
    const client = connect({ checkMs: 5, now: () => t });
    await client.draw({ symbol: 'BTCUSDT', shapes: [band, stop] });
    w.evictAlways(true);
    await vi.waitFor(() => expect(w.counts.creates).toBe(4), { interval: 5 });
    // Many checks later, with the clock standing still: still one redraw.
    const reads = w.counts.reads;
    await vi.waitFor(() => expect(w.counts.reads).toBeGreaterThan(reads + 20), { interval: 5 });
    expect(w.counts.creates).toBe(4);
    t = 999;
    const reads2 = w.counts.reads;
    await vi.waitFor(() => expect(w.counts.reads).toBeGreaterThan(reads2 + 10), { interval: 5 });
    expect(w.counts.creates).toBe(4);
    t = 1_000; // 1 s after the first redraw
    await vi.waitFor(() => expect(w.counts.creates).toBe(6), { interval: 5 });
    t = 2_999; // the next gap is 2 s
    const reads3 = w.counts.reads;
    await vi.waitFor(() => expect(w.counts.reads).toBeGreaterThan(reads3 + 10), { interval: 5 });
    expect(w.counts.creates).toBe(6);
  });

  it('does not redraw after clear(), nor another symbol’s plan after a silent symbol switch', async () => {
    const w = installWidget();
    const client = connect({ checkMs: 5 });
    await client.draw({ symbol: 'BTCUSDT', shapes: [band] });
    await client.clear();
    w.evict();
    const looks = w.counts.looks; // the watchdog looks at the chart at every check
    await vi.waitFor(() => expect(w.counts.looks).toBeGreaterThan(looks + 10), { interval: 5 });
    expect(w.ours()).toHaveLength(0);

    await client.draw({ symbol: 'BTCUSDT', shapes: [band] });
    const creates = w.counts.creates;
    const chart = w.widget.activeChart();
    chart.symbol = () => 'ETHUSDT@PRICETYPE=LAST'; // no onSymbolChanged
    w.evict();
    const reads = w.counts.reads;
    await vi.waitFor(() => expect(w.counts.reads).toBeGreaterThan(reads + 10), { interval: 5 });
    expect(w.counts.creates).toBe(creates);
  });
});

describe('the chart goes away and comes back (a chart-type switch)', () => {
  it('says "lost" when the widget goes, "recreated" when a new one appears, and draws on the new one', async () => {
    installWidget();
    const client = connect({ checkMs: 10 });
    const events: unknown[] = [];
    cleanup.push(client.onEvent((e) => events.push(e)));
    await client.draw({ symbol: 'BTCUSDT', shapes: [band] });
    delete (window as unknown as Record<string, unknown>).tradingViewApi;
    await vi.waitFor(() => expect(events).toContainEqual({ kind: 'lost', symbol: '', resolution: '' }), { interval: 10 });
    const probe = await client.probe();
    expect(probe.ok && probe.value.found).toBe(false);

    const w2 = installWidget('SWAP:BTC-USDT-SWAP~LastPrice');
    await vi.waitFor(() => expect(events).toContainEqual({ kind: 'recreated', symbol: 'BTCUSDT', resolution: '5' }), { interval: 10 });
    expect(await client.draw({ symbol: 'BTCUSDT', shapes: [band] })).toEqual({ ok: true, value: { kind: 'drawn', created: 1, updated: 0, removed: 0 } });
    expect(w2.ours()).toHaveLength(1);
  });
});

describe('an orphaned bridge (its content script gone without a word)', () => {
  it('stops redrawing evicted shapes once the content script has been silent for a minute', async () => {
    const w = installWidget();
    let t = 0;
    const client = connect({ checkMs: 5, now: () => t });
    await client.draw({ symbol: 'BTCUSDT', shapes: [band] });
    t = CONTENT_SILENT_MS + 1;
    w.evict();
    const looks = w.counts.looks;
    await vi.waitFor(() => expect(w.counts.looks).toBeGreaterThan(looks + 10), { interval: 5 });
    expect(w.ours()).toHaveLength(0);
    // The content script speaks again (its tab visible again): the watchdog redraws.
    await client.probe();
    await vi.waitFor(() => expect(w.ours()).toHaveLength(1), { interval: 5 });
  });
});
