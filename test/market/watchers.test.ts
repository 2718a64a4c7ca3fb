// Who is watching: tabs (restored after a restart) and the popup for two refresh periods.
import { describe, expect, it } from 'vitest';
import type { WatchRequest } from '../../src/messaging';
import { Watchers } from '../../src/market/watchers';

const req = (symbol: string): WatchRequest => ({ exchange: 'binance', symbol, position: null });

describe('watchers', () => {
  it('the popup counts as watching for two refresh periods after it last asked', () => {
    let now = 0;
    const w = new Watchers({ now: () => now });
    expect([w.any(), w.active(60)]).toEqual([false, false]);
    w.popupSeen('okx', 'ETHUSDT');
    now = 119_999;
    expect([w.active(60), w.popupSymbol(60)]).toEqual([true, 'ETHUSDT']);
    now = 120_000;
    expect([w.any(), w.active(60), w.popupSymbol(60)]).toEqual([true, false, null]);
  });

  it('tabs are saved on every change, and a watch that arrived while restoring beats the saved one', async () => {
    const before: [number, WatchRequest][] = [[1, req('BTCUSDT')], [2, req('ETHUSDT')]];
    let saved: [number, WatchRequest][] = [];
    const w = new Watchers({ now: () => 0, watchers: { load: async () => before, save: async (l) => void (saved = l) } });
    await w.watch(2, req('SOLUSDT'));
    await w.restore();
    expect(w.symbols().sort()).toEqual(['BTCUSDT', 'SOLUSDT']);
    expect(w.tabsOf('BTCUSDT').map(([t]) => t)).toEqual([1]);
    expect(await w.unwatch(1)).toBe(true);
    expect(await w.unwatch(1)).toBe(false);
    expect(saved.map(([t]) => t)).toEqual([2]);
  });

  it('a watch that arrives before the saved list is read does not overwrite it (service-worker restart)', async () => {
    let saved: [number, WatchRequest][] = [[1, req('BTCUSDT')]];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const w = new Watchers({ now: () => 0, watchers: { load: async () => (await gate, saved), save: async (l) => void (saved = l) } });
    const restored = w.restore();
    const watched = w.watch(2, req('ETHUSDT'));
    release();
    await Promise.all([restored, watched]);
    expect(saved.map(([t]) => t).sort()).toEqual([1, 2]);
    expect(w.symbols().sort()).toEqual(['BTCUSDT', 'ETHUSDT']);
  });
});
