// Load simulation (issue 17, item 7): ten trading tabs on five symbols and a popup, through the real hub,
// watchers, sources, fetchers and budgets, over the seeded network of rate-replay.ts (the four exchanges'
// fixture APIs in their own formats, replayed as if now: a new 5-minute bar every five minutes), on vitest's
// fake clock. The simulation keeps only counters and the newest view per tab, so its own bookkeeping does
// not show up as heap growth. Used by load.test.ts.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyze } from '../../src/engine';
import type { Exchange } from '../../src/engine/types';
import type { MarketView, WatchRequest } from '../../src/messaging';
import { MarketHub, type HubDeps } from '../../src/market/hub';
import { MetaStore } from '../../src/market/meta';
import { MarketStore, type StorageArea } from '../../src/market/store';
import { EXCHANGES } from '../../src/sites';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import { START } from './harness';
import { network, windowUse, workerSources, type Breach, type Network, type WindowUse } from './rate-replay';

/** Five symbols; the fixture market has two, so SOL, XRP and DOGE are aliases of BTC and ETH (rate-replay.ts). */
export const LOAD_SYMBOLS = [
  { symbol: 'BTCUSDT', base: 'BTC', real: 'BTC' },
  { symbol: 'ETHUSDT', base: 'ETH', real: 'ETH' },
  { symbol: 'SOLUSDT', base: 'SOL', real: 'BTC' },
  { symbol: 'XRPUSDT', base: 'XRP', real: 'ETH' },
  { symbol: 'DOGEUSDT', base: 'DOGE', real: 'BTC' },
] as const;

/** Ten tabs: each symbol on two exchanges' pages, every exchange's page open two or three times. */
export const LOAD_TABS: { tabId: number; req: WatchRequest }[] = Array.from({ length: 10 }, (_, i) => ({
  tabId: 101 + i,
  req: { exchange: EXCHANGES[i % EXCHANGES.length]!, symbol: LOAD_SYMBOLS[i % LOAD_SYMBOLS.length]!.symbol, position: null },
}));

/** An alarm a tab has not yet seen data for: the tab is updated once every exchange's data is at least this new. */
interface Pending {
  alarmAt: number;
}

interface TabTrack {
  view: MarketView | null;
  /** Views pushed since the last alarm. */
  pushes: number;
  pending: Pending[];
}

export interface LoadFigures {
  periods: number;
  /** (tab, period) pairs in which the tab got no view at all. */
  silentPeriods: number;
  /** Alarms after which a tab's data was not all refreshed before the next alarm. */
  lateUpdates: number;
  /** Time from an alarm to the view carrying every exchange's data fetched at or after it, in refresh periods. */
  latency: { max: number; p50: number; count: number };
  requests: Record<Exchange, number>;
  fullest: Record<Exchange, WindowUse[]>;
  breaches: Breach[];
  popupAnswers: number;
  popupWithMap: number;
  logged: number;
  lastLog: string[];
}

export class LoadSim {
  readonly hub: MarketHub;
  readonly net: Network;
  readonly deps: HubDeps;
  readonly settings: Settings = { ...DEFAULT_SETTINGS };
  readonly periodMs = DEFAULT_SETTINGS.refreshSec * 1000;
  private readonly tabs = new Map<number, TabTrack>();
  private readonly latencies: number[] = [];
  private silent = 0;
  private late = 0;
  private periodCount = 0;
  private measuring = false;
  private popupTurn = 0;
  private popupAnswers = 0;
  private popupWithMap = 0;
  private readonly requestCount: Record<Exchange, number> = { binance: 0, bybit: 0, okx: 0, bitget: 0 };
  private readonly fullestUse: Record<Exchange, Map<string, WindowUse>> = { binance: new Map(), bybit: new Map(), okx: new Map(), bitget: new Map() };
  private readonly breachList: Breach[] = [];
  /** Windows starting before this were checked. */
  private checkedTo = -Infinity;
  private logged = 0;
  private readonly lastLog: string[] = [];

  constructor(seed: number) {
    this.net = network(seed, [...LOAD_SYMBOLS]);
    const area = fakeBrowser.storage.local as unknown as StorageArea;
    let savedWatchers: [number, WatchRequest][] = [];
    this.deps = {
      sources: workerSources(this.net),
      store: new MarketStore(area),
      analyze,
      now: () => Date.now(),
      settings: async () => this.settings,
      push: async (tabId, view) => this.onPush(tabId, view),
      // The test is the alarm: it calls onAlarm() every period.
      scheduler: { start: async () => {}, stop: async () => {} },
      watchers: { load: async () => savedWatchers, save: async (l) => void (savedWatchers = l) },
      meta: new MetaStore(area),
      log: (msg, err) => {
        this.logged += 1;
        this.lastLog.push(`${(Date.now() - START) / 1000}s ${msg} ${err instanceof Error ? err.message : String(err ?? '')}`.trim());
        if (this.lastLog.length > 5) this.lastLog.shift();
      },
    };
    this.hub = new MarketHub(this.deps);
    for (const t of LOAD_TABS) this.tabs.set(t.tabId, { view: null, pushes: 0, pending: [] });
  }

  /** Every tab opens its page at once (a browser restoring its session). */
  openTabs(): Promise<MarketView[]> {
    this.openedAt = Date.now();
    return Promise.all(LOAD_TABS.map((t) => this.hub.watch(t.tabId, t.req)));
  }

  /** Every tab's view has data from all four exchanges. */
  allLoaded(): boolean {
    return [...this.tabs.values()].every((t) => t.view !== null && EXCHANGES.every((e) => t.view!.health[e]?.fetchedAt !== undefined));
  }

  /** When every tab first had data from all four exchanges (the cold load), in ms since the tabs opened. */
  coldLoadMs: number | undefined;
  private openedAt = 0;

  /** The refresh alarm fires: close the period that ends here, then refresh as the service worker does. */
  alarm(): Promise<void> {
    this.closePeriod();
    this.periodCount += 1;
    // Alarms are followed up once the cold load is over (a cold load takes longer than one period on OKX).
    if (this.measuring) for (const t of this.tabs.values()) t.pending.push({ alarmAt: Date.now() });
    return this.hub.onAlarm();
  }

  /** The period ending now: did every tab get a view, was every alarm of a period ago served? */
  closePeriod(): void {
    const now = Date.now();
    if (this.periodCount > 0) {
      for (const t of this.tabs.values()) {
        if (t.pushes === 0) this.silent += 1;
        t.pushes = 0;
        // An alarm a whole period ago whose data never fully arrived: late.
        const lateOnes = t.pending.filter((p) => now - p.alarmAt >= this.periodMs);
        this.late += lateOnes.length;
        t.pending = t.pending.filter((p) => now - p.alarmAt < this.periodMs);
      }
    }
  }

  /** The popup is opened on one of the tabs (in turn) and asks for its view. */
  async popup(): Promise<void> {
    const tab = LOAD_TABS[this.popupTurn++ % LOAD_TABS.length]!;
    const view = await this.hub.getView({ tabId: tab.tabId });
    this.popupAnswers += 1;
    if (view?.analysis) this.popupWithMap += 1;
  }

  /**
   * Check the windows of arrivals that no later arrival can reach any more (all but the last `tailMs`),
   * keep the fullest per limit and key, and drop the arrivals no unchecked window needs.
   */
  checkWindows(tailMs = 300_000): void {
    const until = Date.now() - tailMs;
    for (const ex of EXCHANGES) {
      const log = this.net.arrivals[ex];
      const { fullest, breaches } = windowUse(ex, log, this.checkedTo, until);
      this.breachList.push(...breaches);
      for (const f of fullest) {
        const id = `${f.limit} ${f.key}`;
        if ((this.fullestUse[ex].get(id)?.used ?? -1) < f.used) this.fullestUse[ex].set(id, f);
      }
      const keep = log.filter((a) => a.t >= until);
      this.requestCount[ex] += log.length - keep.length;
      log.splice(0, log.length, ...keep);
    }
    this.checkedTo = until;
  }

  figures(): LoadFigures {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const fullest = Object.fromEntries(EXCHANGES.map((e) => [e, [...this.fullestUse[e].values()]])) as Record<Exchange, WindowUse[]>;
    return {
      periods: this.periodCount,
      silentPeriods: this.silent,
      lateUpdates: this.late,
      latency: { max: sorted.at(-1) ?? NaN, p50: sorted[Math.floor(sorted.length / 2)] ?? NaN, count: sorted.length },
      requests: { ...this.requestCount },
      fullest,
      breaches: [...this.breachList],
      popupAnswers: this.popupAnswers,
      popupWithMap: this.popupWithMap,
      logged: this.logged,
      lastLog: [...this.lastLog],
    };
  }

  /** Element counts of every structure the hub holds that could grow with time (see sizes()). */
  sizes(): Record<string, number> {
    return structureSizes(this.hub, this.deps);
  }

  private onPush(tabId: number, view: MarketView): void {
    const t = this.tabs.get(tabId);
    if (!t) throw new Error(`view pushed to tab ${tabId}, which never watched`);
    if (view.symbol !== LOAD_TABS.find((x) => x.tabId === tabId)!.req.symbol) throw new Error(`tab ${tabId} got a view of ${view.symbol}`);
    t.view = view;
    t.pushes += 1;
    if (!this.measuring && this.allLoaded()) {
      this.measuring = true;
      this.coldLoadMs = Date.now() - this.openedAt;
    }
    if (t.pending.length === 0) return;
    // The oldest data behind this view: the least recently fetched exchange.
    const oldest = Math.min(...EXCHANGES.map((e) => view.health[e]?.fetchedAt ?? -Infinity));
    const now = Date.now();
    t.pending = t.pending.filter((p) => {
      if (oldest < p.alarmAt) return true;
      this.latencies.push((now - p.alarmAt) / this.periodMs);
      return false;
    });
  }
}

/** Private parts of the hub, read for their sizes only (test access). */
function structureSizes(hub: MarketHub, deps: HubDeps): Record<string, number> {
  const cache = hub['cache'];
  const views = hub['views'];
  const loader = hub['loader'];
  const states = [...cache['states'].values()];
  const models = [...views['models'].values()];
  const sizes: Record<string, number> = {
    'cache.states': cache['states'].size,
    'cache.statuses': cache['statuses'].size,
    'cache.generations': cache['generations'].size,
    'cache.hydrating': cache['hydrating'].size,
    'cache.heals': cache['heals'].size,
    'cache candles (all series)': sum(states.map((s) => s.series.candles.length)),
    'cache candles (longest series)': Math.max(0, ...states.map((s) => s.series.candles.length)),
    'cache OI points': sum(states.map((s) => s.series.openInterest.length)),
    'cache long/short points': sum(states.map((s) => s.series.longShort?.length ?? 0)),
    'cache depth levels': sum(states.map((s) => (s.series.depth?.bids.length ?? 0) + (s.series.depth?.asks.length ?? 0))),
    'loader.inFlight': loader['inFlight'].size,
    'views.views': views['views'].size,
    'views.lastGood': views['lastGood'].size,
    'views.models (symbols)': views['models'].size,
    'views.models (exchange states, deep elements)': sum(models.map((m) => deepCount(m))),
    'asymmetry history values': sum([...hub['asymmetry']['history'].values()].map((h) => h.values.length)),
    'entry LFR book': hub['entryLfr']['book'].size,
    'watchers.tabs': hub['watchers']['tabs'].size,
    'store.saved': deps.store['saved'].size,
    'view listeners': hub['viewListeners'].length,
  };
  for (const [ex, src] of Object.entries(deps.sources)) {
    sizes[`${ex} budget entries`] = src.fetcher.budget['spent'].length;
    sizes[`${ex} budget waiters`] = src.fetcher.budget['waiters'].length;
    sizes[`${ex} fetcher in flight`] = src.fetcher['inFlight'].size;
    sizes[`${ex} stats paths`] = Object.keys(src.fetcher.stats.byPath).length;
  }
  return sizes;
}

/** Storage the hub wrote: keys and JSON bytes of browser.storage.local. */
export async function storageSize(): Promise<{ keys: number; bytes: number }> {
  const all = await fakeBrowser.storage.local.get(null);
  return { keys: Object.keys(all).length, bytes: JSON.stringify(all).length };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Array elements, map and set entries and object keys reachable from `x` (each object once). */
export function deepCount(x: unknown, seen = new Set<object>()): number {
  if (typeof x !== 'object' || x === null || seen.has(x)) return 0;
  seen.add(x);
  if (ArrayBuffer.isView(x)) return (x as unknown as { length: number }).length ?? 0;
  let n = 0;
  if (x instanceof Map) for (const [k, val] of x) n += 1 + deepCount(k, seen) + deepCount(val, seen);
  else if (x instanceof Set) for (const val of x) n += 1 + deepCount(val, seen);
  else if (Array.isArray(x)) for (const val of x) n += 1 + deepCount(val, seen);
  else for (const val of Object.values(x)) n += 1 + deepCount(val, seen);
  return n;
}
