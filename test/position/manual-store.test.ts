import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserManualStore, manualKey, memoryManualStore } from '../../src/position/manual-store';
import type { Position } from '../../src/engine/types';
import { isExchange } from '../../src/sites';

const pos: Position = { exchange: 'bybit', symbol: 'BTCUSDT', side: 'short', entry: 97500, size: 0.05, leverage: 10, marginMode: 'isolated', liqPrice: 106822.7, source: 'manual' };

describe('manual store over browser.storage.local', () => {
  test('saved per exchange + symbol, read back, cleared', async () => {
    fakeBrowser.reset();
    const store = browserManualStore(isExchange);
    await store.save(pos);
    expect(await store.load('bybit', 'BTCUSDT')).toEqual(pos);
    expect(await store.load('binance', 'BTCUSDT')).toBeNull();
    expect(await store.load('bybit', 'ETHUSDT')).toBeNull();
    await store.clear('bybit', 'BTCUSDT');
    expect(await store.load('bybit', 'BTCUSDT')).toBeNull();
  });
  test('an invalid position is refused, nothing written', async () => {
    fakeBrowser.reset();
    const store = browserManualStore(isExchange);
    await expect(store.save({ ...pos, liqPrice: 90000 })).rejects.toThrow(/bybit BTCUSDT: liquidation price 90000 is not above/);
    expect(await fakeBrowser.storage.local.get(manualKey('bybit', 'BTCUSDT'))).toEqual({});
  });
  test('a tampered stored entry is ignored, never half-used', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [manualKey('bybit', 'BTCUSDT')]: { ...pos, leverage: 'lots' } });
    expect(await browserManualStore(isExchange).load('bybit', 'BTCUSDT')).toBeNull();
  });
  test('changes are announced with exchange and symbol', async () => {
    fakeBrowser.reset();
    const store = browserManualStore(isExchange);
    const cb = vi.fn();
    const off = store.subscribe(cb);
    await store.save(pos);
    await store.saveHedgePick('okx', 'ETHUSDT', 'long');
    off();
    await store.clear('bybit', 'BTCUSDT');
    expect(cb.mock.calls).toEqual([['bybit', 'BTCUSDT'], ['okx', 'ETHUSDT']]);
  });
});

describe('memory store', () => {
  test('hedge picks: saved, forgotten with null', async () => {
    const store = memoryManualStore(isExchange);
    await store.saveHedgePick('okx', 'BTCUSDT', 'short');
    expect(await store.loadHedgePick('okx', 'BTCUSDT')).toBe('short');
    await store.saveHedgePick('okx', 'BTCUSDT', null);
    expect(await store.loadHedgePick('okx', 'BTCUSDT')).toBeNull();
  });
});
