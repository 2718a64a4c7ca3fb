import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LiveFeed, LivePair } from '../../src/market/live-feed';
import type { LiveView } from '../../src/market/live-view';
import type { LiveTick, MarketView } from '../../src/messaging';
import { BTC_WATCH, drain, makeHub, preloadHandlers, settleAll, useClock } from './harness';

beforeEach(async () => {
  await preloadHandlers();
  fakeBrowser.reset();
  useClock();
});
afterEach(async () => {
  await settleAll();
  vi.useRealTimers();
});

function fakeFeed() {
  const syncs: string[][] = [];
  const feed: LiveFeed = {
    sync: (pairs: readonly LivePair[]) => void syncs.push(pairs.map((p) => `${p.exchange}:${p.symbol}`).sort()),
    view: (pageExchange, _symbol, clusters): LiveView => ({
      status: 'live', exchanges: { [pageExchange]: 'live' }, mark: { price: 123, t: Date.now() }, markers: [], markerHours: 6,
      realisedUsd: clusters.map(() => 7), realisedHours: 24, unpublished: {},
    }),
  };
  return { feed, syncs, last: () => syncs.at(-1) ?? [] };
}

const ALL_BTC = ['binance:BTCUSDT', 'bitget:BTCUSDT', 'bybit:BTCUSDT', 'okx:BTCUSDT'];

describe('the hub and the live stream', () => {
  it('streams every enabled exchange of a watched symbol, and nothing once the last tab leaves', async () => {
    const h = makeHub({ settings: { exchanges: { binance: true, bybit: true, okx: true, bitget: false } } });
    const f = fakeFeed();
    h.deps.live = f.feed;
    await h.hub.watch(1, BTC_WATCH);
    await h.hub.watch(2, { ...BTC_WATCH, symbol: 'ETHUSDT' });
    await vi.waitFor(() => expect(f.last()).toEqual(['binance:BTCUSDT', 'binance:ETHUSDT', 'bybit:BTCUSDT', 'bybit:ETHUSDT', 'okx:BTCUSDT', 'okx:ETHUSDT']));
    await h.hub.unwatch(2);
    await vi.waitFor(() => expect(f.last()).toEqual(['binance:BTCUSDT', 'bybit:BTCUSDT', 'okx:BTCUSDT']));
    await h.hub.unwatch(1);
    await vi.waitFor(() => expect(f.last()).toEqual([]));
    await drain(h);
  });

  it('streaming off in settings: no pair is streamed', async () => {
    const h = makeHub({ settings: { stream: false } });
    const f = fakeFeed();
    h.deps.live = f.feed;
    await h.hub.watch(1, BTC_WATCH);
    await vi.waitFor(() => expect(f.syncs.length).toBeGreaterThan(0));
    expect(f.last()).toEqual([]);
    await drain(h);
  });

  it('a live tick pushes the live part to each watching tab and shows listeners the view with it', async () => {
    const h = makeHub();
    const f = fakeFeed();
    h.deps.live = f.feed;
    const ticks: { tabId: number; tick: LiveTick }[] = [];
    h.deps.pushLive = async (tabId, tick) => void ticks.push({ tabId, tick });
    const seen: MarketView[] = [];
    h.hub.onView((v) => seen.push(v));
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    expect(f.last()).toEqual(ALL_BTC);
    const pushed = h.pushes.at(-1)!.view;
    expect(pushed.live?.status).toBe('live');
    expect(pushed.live?.realisedUsd).toHaveLength(pushed.analysis!.clusters.length);
    seen.length = 0;
    await h.hub.liveTick('BTCUSDT');
    expect(ticks).toHaveLength(1);
    expect(ticks[0]!.tabId).toBe(1);
    expect(ticks[0]!.tick).toMatchObject({ exchange: 'binance', symbol: 'BTCUSDT', live: { status: 'live', mark: { price: 123 } } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.live?.mark?.price).toBe(123);
    await h.hub.liveTick('ETHUSDT'); // nobody watches it
    expect(ticks).toHaveLength(1);
  });
});
