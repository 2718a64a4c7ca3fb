import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALERT_LOG_KEY, createAlertNotifier, focusAlertTab } from '../../src/alerts/notifier';
import type { MarketView } from '../../src/messaging';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { makeAnalysis } from '../ui/make-analysis';

const view = (reference: number): MarketView => ({
  exchange: 'binance',
  symbol: 'BTCUSDT',
  state: 'ok',
  analysis: makeAnalysis({ reference }),
  health: {},
  asOf: 0,
});

let created: { id: string; title: string }[];
beforeEach(() => {
  fakeBrowser.reset();
  created = [];
  (fakeBrowser as any).notifications.create = vi.fn(async (id: string, opts: { title: string }) => {
    created.push({ id, title: opts.title });
    return id;
  });
  (fakeBrowser as any).notifications.clear = vi.fn(async () => true);
});

describe('alert notifier', () => {
  it('a price step into a cluster edge raises exactly one notification, even with concurrent updates', async () => {
    let now = 1_000;
    const n = createAlertNotifier({ now: () => now, settings: async () => DEFAULT_SETTINGS });
    await n.onView(view(100_000), 7); // 1 % away: nothing
    expect(created).toEqual([]);
    await Promise.all([n.onView(view(100_600), 7), n.onView(view(100_600), 7), n.onView(view(100_650), 7)]);
    now += 60_000;
    await n.onView(view(100_600), 7);
    expect(created.map((c) => c.title)).toEqual(['BTCUSDT: price near a cluster']);
    const log = (await fakeBrowser.storage.local.get(ALERT_LOG_KEY))[ALERT_LOG_KEY] as unknown[];
    expect(log).toHaveLength(1);
  });

  it('state survives a new notifier (a restarted service worker does not re-fire)', async () => {
    const settings = async () => DEFAULT_SETTINGS;
    await createAlertNotifier({ now: () => 1, settings }).onView(view(100_600), 7);
    await createAlertNotifier({ now: () => 2, settings }).onView(view(100_600), 7);
    expect(created).toHaveLength(1);
  });

  it('ignores loading and error views', async () => {
    const n = createAlertNotifier({ now: () => 1, settings: async () => DEFAULT_SETTINGS });
    expect(await n.onView({ ...view(100_600), state: 'error' }, 7)).toEqual([]);
    expect(created).toEqual([]);
  });

  it('clicking the notification focuses the tab and its window', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.binance.com/en/futures/BTCUSDT', active: false });
    const n = createAlertNotifier({ now: () => 1, settings: async () => DEFAULT_SETTINGS });
    await n.onView(view(100_600), tab.id);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const focusWin = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as any);
    expect(await focusAlertTab(created[0]!.id)).toBe(true);
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
    expect(focusWin).toHaveBeenCalledWith(tab.windowId, { focused: true });
    expect(await focusAlertTab('someone-else')).toBe(false);
  });
});

describe('LFR degraded since entry', () => {
  // The entry LFR is the hub's (src/market/entry-lfr.ts), carried in the view: these views carry what
  // the hub's book holds for a position first seen at 1.6.
  it('the entry LFR the view carries is the reference, then a fall below 1 alerts once', async () => {
    const { longPosition } = await import('../ui/make-analysis');
    const n = createAlertNotifier({ now: () => 1, settings: async () => DEFAULT_SETTINGS });
    const withLfr = (value: number): MarketView => ({
      ...view(100_000),
      entryLfr: 1.6,
      analysis: makeAnalysis({ position: longPosition(), lfr: { kind: 'ratio', value, band: value < 1 ? 'adverse' : 'favourable', profitUsd: value, riskUsd: 1 } }),
    });
    await n.onView(withLfr(1.6), 7); // first seen at 1.6
    await n.onView(withLfr(1.1), 7); // weaker but still ≥ 1
    expect(created).toEqual([]);
    await n.onView(withLfr(0.9), 7);
    await n.onView(withLfr(0.8), 7);
    expect(created.map((c) => c.title)).toEqual(['BTCUSDT: LFR fell below 1.0']);
    const log = (await fakeBrowser.storage.local.get(ALERT_LOG_KEY))[ALERT_LOG_KEY] as { message: string }[];
    expect(log[0]!.message).toContain('down from 1.60 at entry'); // the number the panel shows as "at entry"
  });
});

describe('half-loaded maps', () => {
  it('nothing is evaluated (no snapshot, no alert) while an exchange is still loading', async () => {
    const n = createAlertNotifier({ now: () => 1, settings: async () => DEFAULT_SETTINGS });
    const loading: MarketView = { ...view(100_600), state: 'partial', health: { binance: { state: 'ok' }, okx: { state: 'loading' } } };
    expect(await n.onView(loading, 7)).toEqual([]);
    expect(await fakeBrowser.storage.local.get('alerts:state')).toEqual({});
    const done: MarketView = { ...loading, health: { binance: { state: 'ok' }, okx: { state: 'error', reason: 'HTTP 500' } } };
    expect((await n.onView(done, 7)).map((c) => c.id)).toEqual(['cluster-edge:short']);
  });

  // The hub takes no entry LFR from a partial map (test/market/persistence.test.ts): its views say null.
  it('a map missing an exchange (no entry LFR yet) does not become the reference', async () => {
    const { longPosition } = await import('../ui/make-analysis');
    const n = createAlertNotifier({ now: () => 1, settings: async () => DEFAULT_SETTINGS });
    const withLfr = (value: number, state: MarketView['state']): MarketView => ({
      ...view(100_000),
      state,
      entryLfr: state === 'ok' ? 0.9 : null,
      health: state === 'ok' ? {} : { binance: { state: 'ok' }, okx: { state: 'error', reason: 'HTTP 500' } },
      analysis: makeAnalysis({ position: longPosition(), lfr: { kind: 'ratio', value, band: value < 1 ? 'adverse' : 'favourable', profitUsd: value, riskUsd: 1 } }),
    });
    await n.onView(withLfr(1.6, 'partial'), 7); // seen first without okx: not the entry LFR
    // The alerts keep no entry snapshot of their own (one book, in the hub).
    expect(await fakeBrowser.storage.local.get('alerts:entries')).toEqual({});
    await n.onView(withLfr(0.9, 'ok'), 7); // the first complete map is the entry: 0.9, so no "fell below 1.0"
    await n.onView(withLfr(0.8, 'ok'), 7);
    expect(created).toEqual([]);
  });
});
