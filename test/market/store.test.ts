import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MarketSeries } from '../../src/engine/types';
import { decodeEntry, encodeEntry, entryKey, INDEX_KEY, MarketStore, MAX_ENTRIES, type StorageArea } from '../../src/market/store';
import type { SourceState } from '../../src/sites/shared/source';

const area = () => fakeBrowser.storage.local as unknown as StorageArea;

function state(symbol = 'BTCUSDT', over: Partial<MarketSeries> = {}): SourceState {
  return {
    instrument: { exchangeSymbol: symbol, unitFactor: 1, contractSize: 1, tickSize: 0.1, fundingIntervalHours: 8 },
    instrumentAt: 1_000,
    series: {
      exchange: 'binance',
      symbol,
      barMs: 300_000,
      candles: [
        { t: 0, open: 100, high: 101, low: 99, close: 100.5, baseVolume: 10, quoteVolume: 1_005, takerBuyBase: 6 },
        { t: 300_000, open: 100.5, high: 102, low: 100, close: 101, baseVolume: 8, quoteVolume: 808 },
      ],
      openInterest: [{ t: 0, coin: 1_000, usd: 100_000 }],
      markPrice: 101,
      indexPrice: 100.9,
      funding: { rate: 0.0001, intervalHours: 8, nextTime: 28_800_000 },
      depth: { t: 1, bids: [[100.9, 2]], asks: [[101.1, 3]] },
      risk: { maintenanceRate: 0.004, maxLeverage: 125, source: 'static-table', asOf: '2024-10-24' },
      oiPartial: false,
      fetchedAt: 300_001,
      ...over,
    },
  };
}

beforeEach(() => fakeBrowser.reset());

describe('MarketStore', () => {
  it('round-trips a state through the compact tuple encoding', async () => {
    const s = new MarketStore(area());
    await s.save(state(), 5);
    expect(await s.load('binance', 'BTCUSDT')).toEqual(state());
    // Candles are stored as tuples, the missing taker split as null.
    const raw = (await area().get(entryKey('binance', 'BTCUSDT')))[entryKey('binance', 'BTCUSDT')] as { series: { candles: unknown[] } };
    expect(raw.series.candles[1]).toEqual([300_000, 100.5, 102, 100, 101, 8, 808, null]);
  });

  it('never writes an entry that does not validate (NaN mark): the previous one stays', async () => {
    const s = new MarketStore(area());
    await s.save(state(), 5);
    await expect(s.save(state('BTCUSDT', { markPrice: Number.NaN }), 6)).rejects.toThrow(/refusing to persist/);
    expect((await s.load('binance', 'BTCUSDT'))!.series.markPrice).toBe(101);
  });

  it('a corrupt or foreign entry is ignored and removed, never half-used', async () => {
    const key = entryKey('binance', 'BTCUSDT');
    await area().set({ [key]: { v: 1, savedAt: 1, series: { candles: [[1, 2]] } } });
    const s = new MarketStore(area());
    expect(await s.load('binance', 'BTCUSDT')).toBeNull();
    expect(await area().get(key)).toEqual({});
    const good = encodeEntry(state('ETHUSDT'), 1);
    await area().set({ [key]: good }); // an ETHUSDT entry under the BTCUSDT key
    expect(await s.load('binance', 'BTCUSDT')).toBeNull();
    expect(decodeEntry(good)!.series.symbol).toBe('ETHUSDT');
  });

  it(`keeps at most ${MAX_ENTRIES} entries, evicting the least recently saved`, async () => {
    const s = new MarketStore(area());
    for (let i = 0; i < MAX_ENTRIES + 2; i++) await s.save(state(`C${i}USDT`), 100 + i);
    const keys = Object.keys(await area().get(null)).filter((k) => k.startsWith('market:v1:'));
    expect(keys).toHaveLength(MAX_ENTRIES);
    expect(keys).not.toContain(entryKey('binance', 'C0USDT'));
    expect(keys).not.toContain(entryKey('binance', 'C1USDT'));
    expect(keys).toContain(entryKey('binance', `C${MAX_ENTRIES + 1}USDT`));
  });

  it('evicts by its small index: the whole store is read once (to build the index), never on later saves', async () => {
    const base = area();
    let wholeReads = 0;
    const counting: StorageArea = { ...base, get: (keys) => { if (keys === null) wholeReads += 1; return base.get(keys); }, set: (i) => base.set(i), remove: (k) => base.remove(k) };
    const s = new MarketStore(counting);
    for (let i = 0; i < MAX_ENTRIES + 3; i++) await s.save(state(`C${i}USDT`), 100 + i);
    expect(wholeReads).toBe(1);
    const index = (await base.get(INDEX_KEY))[INDEX_KEY] as Record<string, number>;
    expect(Object.keys(index)).toHaveLength(MAX_ENTRIES);
    expect(index[entryKey('binance', 'C2USDT')]).toBeUndefined();
    expect(index[entryKey('binance', `C${MAX_ENTRIES + 2}USDT`)]).toBe(100 + MAX_ENTRIES + 2);
  });

  it('a write that meets the storage quota gives up the oldest other entries, then lands', async () => {
    const base = area();
    // A store that holds at most 3 entries' worth of bytes, failing the way Chrome does.
    const bytes = async () => JSON.stringify(Object.values(await base.get(null))).length;
    const one = JSON.stringify(encodeEntry(state('C0USDT'), 1)).length;
    const quota: StorageArea = {
      get: (k) => base.get(k),
      remove: (k) => base.remove(k),
      set: async (items) => {
        const before = await bytes();
        const incoming = JSON.stringify(Object.values(items)).length;
        if (before + incoming > 3.5 * one) throw new Error('QUOTA_BYTES quota exceeded');
        await base.set(items);
      },
    };
    const s = new MarketStore(quota);
    for (let i = 0; i < 5; i++) await s.save(state(`C${i}USDT`), 100 + i);
    expect(await s.load('binance', 'C4USDT')).not.toBeNull();
    expect(await s.load('binance', 'C0USDT')).toBeNull(); // the oldest made room
    // Any other failure is not papered over.
    const broken = new MarketStore({ ...base, get: (k) => base.get(k), remove: (k) => base.remove(k), set: async () => { throw new Error('IO error'); } });
    await expect(broken.save(state('C9USDT'), 200)).rejects.toThrow(/IO error/);
  });
});
