/**
 * The market hub (service-worker side, docs/design.md §6): per (exchange, symbol) cache persisted in storage,
 * de-duplicated loads, cold load of the map window then warm refreshes of only what is new, at most
 * every settings.refreshSec while a trading tab or the popup is watching (paused otherwise), health
 * per exchange, and the aggregated Analysis pushed to watching tabs. All I/O is injected (HubDeps) so
 * the behaviour is tested with fake timers and in-process fixtures; src/market/index.ts wires it to
 * the browser.
 *
 * This class only wires its parts and broadcasts views: who is watching (watchers.ts), the refresh
 * tick (schedule.ts), when to refresh and persist (refresh-policy.ts, persist-policy.ts), the source
 * cache and its loads (source-cache.ts, source-loader.ts), and building views (view-builder.ts with
 * asymmetry-history.ts and the entry-LFR book, entry-lfr.ts).
 */
import type { AnalyzeInput } from '../engine';
import { type Analysis, type Exchange, type MarketSeries, type Symbol } from '../engine/types';
import { EXCHANGES } from '../sites';
import type { ExchangeHealth, MarketView, WatchRequest } from '../messaging';
import type { Settings } from '../settings';
import type { MarketSource } from '../sites/shared/source';
import { AsymmetryHistory } from './asymmetry-history';
import { restoreBackoffs } from './backoff-store';
import { EntryLfrBook } from './entry-lfr';
import { exchangeHealth } from './health';
import type { MetaStore } from './meta';
import { refreshSec } from './refresh-policy';
import { RefreshSchedule, type Scheduler } from './schedule';
import { SourceCache } from './source-cache';
import { SourceLoader } from './source-loader';
import type { MarketStore } from './store';
import { ViewBuilder } from './view-builder';
import { Watchers, type WatcherStore } from './watchers';
import { livePairs, type LiveFeed } from './live-feed';
import type { LiveTick } from '../messaging';

export { MIN_REFRESH_SEC, RETRY_MS, UNLISTED_RETRY_MS } from './refresh-policy';
export { PERSIST_EVERY_MS } from './persist-policy';
export { VIEW_TTL_MS } from './view-builder';
export type { Scheduler } from './schedule';
export type { WatcherStore } from './watchers';

export interface HubDeps {
  sources: Record<Exchange, MarketSource>;
  store: MarketStore;
  analyze: (input: AnalyzeInput) => Analysis;
  now: () => number;
  settings: () => Promise<Settings>;
  /** Deliver a view to a watching tab; a rejection means the tab is gone. */
  push: (tabId: number, view: MarketView) => Promise<void>;
  scheduler: Scheduler;
  /** Keeps the watcher list across service-worker restarts (browser.storage.session). */
  watchers?: WatcherStore;
  /** Back-offs, asymmetry history and entry LFRs across service-worker restarts. */
  meta?: MetaStore;
  log?: (msg: string, err?: unknown) => void;
  /** The live stream (issue #12); without it the hub polls REST only and views carry no `live`. */
  live?: LiveFeed;
  /** Deliver a live tick to a watching tab (light: the live part only). */
  pushLive?: (tabId: number, tick: LiveTick) => Promise<void>;
}

export class MarketHub {
  private readonly watchers: Watchers;
  private readonly schedule: RefreshSchedule;
  private readonly cache: SourceCache;
  private readonly loader: SourceLoader;
  private readonly asymmetry: AsymmetryHistory;
  private readonly entryLfr: EntryLfrBook;
  private readonly views: ViewBuilder;
  private readonly viewListeners: ((view: MarketView, tabId?: number) => void)[] = [];

  constructor(private readonly deps: HubDeps) {
    this.watchers = new Watchers(deps);
    this.schedule = new RefreshSchedule(deps.scheduler, deps.settings);
    this.cache = new SourceCache(deps.store, deps.log);
    this.loader = new SourceLoader({ ...deps, cache: this.cache, publish: (symbol) => this.publish(symbol) });
    this.asymmetry = new AsymmetryHistory(deps.meta, deps.log);
    this.entryLfr = new EntryLfrBook(deps.meta, deps.log);
    this.views = new ViewBuilder({ ...deps, cache: this.cache, asymmetry: this.asymmetry, entryLfr: this.entryLfr });
  }

  /* ------------------------------------------------------------------ public API */

  /** After a service-worker restart: restore watchers and resume refreshing for them. */
  async start(): Promise<void> {
    // Read the saved watchers at once: a watch arriving meanwhile must not overwrite them unread.
    const restoring = this.watchers.restore();
    const ready = this.restoreMeta();
    this.loader.gate(ready);
    await ready;
    await restoring;
    await this.ensureSchedule();
    for (const symbol of this.watchers.symbols()) void this.refreshSymbol(symbol);
    void this.syncLive();
  }

  /**
   * The stream flushed new events for `symbol`: every tab watching it gets the live part of its view (the
   * newest mark, markers, realised per band, order flow) and the view listeners (alerts) see the view with
   * it, so a cluster edge crossed by the streamed mark alerts within a flush, not a refresh.
   */
  async liveTick(symbol: Symbol): Promise<void> {
    if (!this.deps.live) return;
    await Promise.all(
      this.watchers.tabsOf(symbol).map(async ([tabId, w]) => {
        const view = this.withLive(await this.views.view(w.exchange, w.symbol, w));
        if (!view.live) return;
        for (const l of this.viewListeners) l(view, tabId);
        await this.deps.pushLive?.(tabId, { exchange: w.exchange, symbol: w.symbol, live: view.live }).catch(() => undefined);
      }),
    );
  }

  /** A tab shows `req.symbol`: answer at once from the cache (persisted or live), then refresh and push. */
  async watch(tabId: number, req: WatchRequest): Promise<MarketView> {
    await this.watchers.watch(tabId, req);
    await this.ensureSchedule();
    await this.hydrateSymbol(req.symbol);
    void this.syncLive();
    const view = this.withLive(await this.views.view(req.exchange, req.symbol, req));
    void this.refreshSymbol(req.symbol);
    return view;
  }

  async unwatch(tabId: number): Promise<void> {
    if (!(await this.watchers.unwatch(tabId))) return;
    void this.syncLive();
    if (!this.watchers.active(this.schedule.periodSec())) await this.schedule.pause();
  }

  /** The popup asks for a tab's view or a hand-picked market; it counts as "open" for refresh purposes. */
  async getView(req: { tabId?: number; exchange?: Exchange; symbol?: Symbol }): Promise<MarketView | null> {
    const w = req.tabId !== undefined ? this.watchers.tab(req.tabId) : undefined;
    const exchange = w?.exchange ?? req.exchange;
    const symbol = w?.symbol ?? req.symbol;
    if (!exchange || !symbol) return null;
    this.watchers.popupSeen(exchange, symbol);
    await this.ensureSchedule();
    await this.hydrateSymbol(symbol);
    void this.syncLive();
    const view = this.withLive(await this.views.view(exchange, symbol, w ?? null));
    void this.refreshSymbol(symbol);
    return view;
  }

  /** The refresh alarm fired: refresh what is watched, or pause when nothing is. */
  async onAlarm(): Promise<void> {
    void this.syncLive();
    if (!this.watchers.active(this.schedule.periodSec())) return this.schedule.pause();
    const symbols = new Set(this.watchers.symbols());
    const popup = this.watchers.popupSymbol(refreshSec(await this.deps.settings()));
    if (popup) symbols.add(popup);
    await Promise.all([...symbols].map((s) => this.refreshSymbol(s)));
  }

  /** Called for every view pushed (alerts evaluate them). */
  onView(listener: (view: MarketView, tabId?: number) => void): void {
    this.viewListeners.push(listener);
  }

  /** Settings changed: re-period the alarm, recompute and push every watched view, refresh. */
  async settingsChanged(): Promise<void> {
    this.views.clear();
    this.schedule.forget();
    await this.ensureSchedule();
    void this.syncLive();
    for (const symbol of this.watchers.symbols()) {
      await this.publish(symbol);
      void this.refreshSymbol(symbol);
    }
  }

  marketOfTab(tabId: number): { exchange: Exchange; symbol: Symbol } | null {
    const w = this.watchers.tab(tabId);
    return w ? { exchange: w.exchange, symbol: w.symbol } : null;
  }

  /** Series of the enabled exchanges for a symbol: usable ones, or every cached one when none is. */
  async seriesFor(_exchange: Exchange, symbol: Symbol): Promise<readonly MarketSeries[]> {
    await this.hydrateSymbol(symbol);
    const { series } = this.cache.aggregate(symbol, await this.deps.settings());
    if (series.length === 0) throw new Error(`no market data cached for ${symbol} yet`);
    return series;
  }

  /** Resolves when no load is in flight (tests; a clean shutdown). */
  whenIdle(): Promise<void> {
    return this.loader.whenIdle();
  }

  /** Health of one exchange for a symbol (tests, debugging). */
  health(exchange: Exchange, symbol: Symbol, enabled = true): ExchangeHealth {
    return exchangeHealth(this.cache.status(exchange, symbol), enabled);
  }

  /** Refresh every enabled exchange for `symbol` (each at most once per refreshSec unless forced). */
  async refreshSymbol(symbol: Symbol, opts: { force?: boolean } = {}): Promise<void> {
    const settings = await this.deps.settings();
    await Promise.all(EXCHANGES.filter((e) => settings.exchanges[e]).map((e) => this.loader.refresh(e, symbol, settings, opts.force ?? false)));
  }

  /* ------------------------------------------------------------------ internals */

  /** Push fresh views to every tab watching `symbol` (and tell listeners). Dead tabs are dropped. */
  private async publish(symbol: Symbol): Promise<void> {
    await Promise.all(
      this.watchers.tabsOf(symbol).map(async ([tabId, w]) => {
        const view = this.withLive(await this.views.view(w.exchange, w.symbol, w));
        for (const l of this.viewListeners) l(view, tabId);
        try {
          await this.deps.push(tabId, view);
        } catch {
          await this.watchers.unwatch(tabId);
        }
      }),
    );
  }

  /** The live part, computed now (never cached with the view: it changes every flush). */
  private withLive(view: MarketView): MarketView {
    if (!this.deps.live || !view.analysis) return view;
    return { ...view, live: this.deps.live.view(view.exchange, view.symbol, view.analysis.clusters, this.deps.now()) };
  }

  /** Tell the stream what is watched: every enabled exchange of each watched symbol (tabs and the popup). */
  private async syncLive(): Promise<void> {
    if (!this.deps.live) return;
    const settings = await this.deps.settings();
    const symbols = new Set(this.watchers.symbols());
    const popup = this.watchers.popupSymbol(refreshSec(settings));
    if (popup) symbols.add(popup);
    try {
      this.deps.live.sync(livePairs(symbols, settings));
    } catch (e) {
      this.deps.log?.('live stream sync failed', e);
    }
  }

  private async hydrateSymbol(symbol: Symbol): Promise<void> {
    await Promise.all(EXCHANGES.map((e) => this.cache.hydrate(e, symbol, this.deps.now())));
    await this.asymmetry.hydrate(symbol);
  }

  /** Back-offs first: no request may leave before they are restored. */
  private async restoreMeta(): Promise<void> {
    if (!this.deps.meta) return;
    await restoreBackoffs(this.deps.meta, this.deps.sources, this.deps.now());
    await this.entryLfr.restore();
  }

  private async ensureSchedule(): Promise<void> {
    if (!this.watchers.any()) return;
    await this.schedule.ensure();
  }
}
