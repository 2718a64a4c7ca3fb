/**
 * The market hub (service-worker side, DESIGN §6): per (exchange, symbol) cache persisted in storage,
 * de-duplicated loads, cold load of the map window then warm refreshes of only what is new, at most
 * every settings.refreshSec while a trading tab or the popup is watching (paused otherwise), health
 * per exchange, and the aggregated Analysis pushed to watching tabs. All I/O is injected (HubDeps) so
 * the behaviour is tested with fake timers and in-process fixtures; src/market/index.ts wires it to
 * the browser.
 */
import type { AnalyzeInput, ModelCache } from '../engine';
import { type Analysis, type Exchange, type MarketSeries, type Symbol } from '../engine/types';
import { EXCHANGES, siteOf } from '../sites';
import type { ExchangeHealth, MarketView, WatchRequest } from '../messaging';
import { engineConfigFromSettings, type Settings } from '../settings';
import { ApiError, describeError } from '../sites/shared/errors';
import type { MarketSource, SourceState } from '../sites/shared/source';
import { exchangeHealth, overallState, usable, type ExchangeStatus } from './health';
import { AsymmetrySchema, BackoffSchema, EntryLfrSchema, type MetaStore } from './meta';
import type { MarketStore } from './store';

const DAY_MS = 86_400_000;
/** Chrome alarms fire no more often than every 30 s; the design floor for refreshes is 60 s. */
export const MIN_REFRESH_SEC = 60;
/** A failing exchange is retried at most this often, however often tabs or the popup ask. */
export const RETRY_MS = 15_000;
/** A symbol an exchange does not list is asked about again after this long. */
export const UNLISTED_RETRY_MS = 6 * 3_600_000;
/** Warm data is written to storage at most this often (see shouldPersist). */
export const PERSIST_EVERY_MS = 5 * 60_000;
/** A computed view is reused this long while its data is unchanged. */
export const VIEW_TTL_MS = 10_000;

export interface Scheduler {
  /** Start (or re-period) the repeating refresh tick. */
  start(periodSec: number): Promise<void>;
  stop(): Promise<void>;
}

export interface WatcherStore {
  load(): Promise<[number, WatchRequest][]>;
  save(list: [number, WatchRequest][]): Promise<void>;
}

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
}

type Key = string;
const keyOf = (exchange: Exchange, symbol: Symbol): Key => `${exchange}:${symbol}`;

export class MarketHub {
  private readonly states = new Map<Key, SourceState>();
  private readonly status = new Map<Key, ExchangeStatus>();
  private readonly hydrating = new Map<Key, Promise<void>>();
  private readonly inFlight = new Map<Key, Promise<void>>();
  private readonly watchers = new Map<number, WatchRequest>();
  private readonly models = new Map<Symbol, ModelCache>();
  private readonly asymmetryHistory = new Map<Symbol, { asOf: number; values: number[] }>();
  private readonly entryLfr = new Map<string, number | null>();
  private readonly viewListeners: ((view: MarketView, tabId?: number) => void)[] = [];
  private popup: { symbol: Symbol; exchange: Exchange; seenAt: number } | null = null;
  private scheduledSec: number | null = null;
  private readonly asymmetryLoaded = new Set<Symbol>();
  /** Bumped whenever a symbol's data, health or the settings change: keys the view cache. */
  private readonly generation = new Map<Symbol, number>();
  private readonly viewCache = new Map<string, { gen: number; at: number; view: MarketView }>();
  /** Resolves once persisted back-offs are restored: no request may leave before that. */
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly deps: HubDeps) {}

  /* ------------------------------------------------------------------ public API */

  /** After a service-worker restart: restore watchers and resume refreshing for them. */
  async start(): Promise<void> {
    this.ready = this.restoreMeta();
    await this.ready;
    const saved = (await this.deps.watchers?.load().catch(() => [])) ?? [];
    // A watch that arrived while restoring is newer than the saved one for the same tab.
    for (const [tabId, req] of saved) if (!this.watchers.has(tabId)) this.watchers.set(tabId, req);
    await this.ensureSchedule();
    for (const symbol of this.watchedSymbols()) void this.refreshSymbol(symbol);
  }

  /** A tab shows `req.symbol`: answer at once from the cache (persisted or live), then refresh and push. */
  async watch(tabId: number, req: WatchRequest): Promise<MarketView> {
    this.watchers.set(tabId, req);
    await this.saveWatchers();
    await this.ensureSchedule();
    await this.hydrateSymbol(req.symbol);
    const view = await this.computeView(req.exchange, req.symbol, req);
    void this.refreshSymbol(req.symbol);
    return view;
  }

  async unwatch(tabId: number): Promise<void> {
    if (!this.watchers.delete(tabId)) return;
    await this.saveWatchers();
    if (!this.active()) await this.pause();
  }

  /** The popup asks for a tab's view or a hand-picked market; it counts as "open" for refresh purposes. */
  async getView(req: { tabId?: number; exchange?: Exchange; symbol?: Symbol }): Promise<MarketView | null> {
    const w = req.tabId !== undefined ? this.watchers.get(req.tabId) : undefined;
    const exchange = w?.exchange ?? req.exchange;
    const symbol = w?.symbol ?? req.symbol;
    if (!exchange || !symbol) return null;
    this.popup = { exchange, symbol, seenAt: this.deps.now() };
    await this.ensureSchedule();
    await this.hydrateSymbol(symbol);
    const view = await this.computeView(exchange, symbol, w ?? null);
    void this.refreshSymbol(symbol);
    return view;
  }

  /** The refresh alarm fired: refresh what is watched, or pause when nothing is. */
  async onAlarm(): Promise<void> {
    if (!this.active()) return this.pause();
    const symbols = new Set(this.watchedSymbols());
    if (this.popup && this.popupActive(await this.deps.settings())) symbols.add(this.popup.symbol);
    await Promise.all([...symbols].map((s) => this.refreshSymbol(s)));
  }

  /** Called for every view pushed (alerts evaluate them). */
  onView(listener: (view: MarketView, tabId?: number) => void): void {
    this.viewListeners.push(listener);
  }

  /** Settings changed: re-period the alarm, recompute and push every watched view, refresh. */
  async settingsChanged(): Promise<void> {
    this.viewCache.clear();
    this.scheduledSec = null;
    await this.ensureSchedule();
    for (const symbol of this.watchedSymbols()) {
      await this.publish(symbol);
      void this.refreshSymbol(symbol);
    }
  }

  marketOfTab(tabId: number): { exchange: Exchange; symbol: Symbol } | null {
    const w = this.watchers.get(tabId);
    return w ? { exchange: w.exchange, symbol: w.symbol } : null;
  }

  /** Series of the enabled exchanges for a symbol: usable ones, or every cached one when none is. */
  async seriesFor(_exchange: Exchange, symbol: Symbol): Promise<readonly MarketSeries[]> {
    await this.hydrateSymbol(symbol);
    const settings = await this.deps.settings();
    const { series } = this.aggregateInputs(symbol, settings);
    if (series.length === 0) throw new Error(`no market data cached for ${symbol} yet`);
    return series;
  }

  /** Resolves when no load is in flight (tests; a clean shutdown). */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Health of one exchange for a symbol (tests, debugging). */
  health(exchange: Exchange, symbol: Symbol, enabled = true): ExchangeHealth {
    return exchangeHealth(this.status.get(keyOf(exchange, symbol)), enabled);
  }

  /** Refresh every enabled exchange for `symbol` (each at most once per refreshSec unless forced). */
  async refreshSymbol(symbol: Symbol, opts: { force?: boolean } = {}): Promise<void> {
    const settings = await this.deps.settings();
    await Promise.all(EXCHANGES.filter((e) => settings.exchanges[e]).map((e) => this.refreshOne(e, symbol, settings, opts.force ?? false)));
  }

  /* ------------------------------------------------------------------ loading */

  private refreshOne(exchange: Exchange, symbol: Symbol, settings: Settings, force: boolean): Promise<void> {
    const key = keyOf(exchange, symbol);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const p = this.load(exchange, symbol, settings, force).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  private async load(exchange: Exchange, symbol: Symbol, settings: Settings, force: boolean): Promise<void> {
    const key = keyOf(exchange, symbol);
    await this.ready;
    await this.hydrate(exchange, symbol);
    const now = this.deps.now();
    const refreshMs = Math.max(MIN_REFRESH_SEC, settings.refreshSec) * 1000;
    const windowMs = settings.windowDays * DAY_MS;
    let prev = this.states.get(key) ?? null;
    const st = this.status.get(key);
    const covered = prev !== null && coversWindow(prev, now, windowMs);
    if (!force) {
      // Not more often than refreshSec (with slack so an alarm that fires a little early still refreshes)
      // unless the cache no longer covers the window, and a failing exchange is retried at most every
      // RETRY_MS however often tabs or the popup ask.
      if (covered && prev && !st?.error && now - prev.series.fetchedAt < refreshMs - 5_000) return;
      if (st?.attemptAt !== undefined && now - st.attemptAt < RETRY_MS && (covered || st.error)) return;
      if (st?.unlisted && st.attemptAt !== undefined && now - st.attemptAt < UNLISTED_RETRY_MS) return;
    }
    const source = this.deps.sources[exchange];
    if (source.fetcher.blockedUntil > now) {
      const blocked = source.fetcher.blockedStatus;
      const err = new ApiError(exchange, '(all endpoints)', 'backoff', 'rate limited', blocked !== undefined ? { status: blocked } : {});
      this.setStatus(key, { ...this.baseStatus(key), attemptAt: now, error: describeError(err, now, source.fetcher.blockedUntil) });
      await this.publish(symbol);
      return;
    }
    if (prev && !covered) prev = withoutHistory(prev);
    this.setStatus(key, { ...this.baseStatus(key), ...(st?.error ? { error: st.error } : {}), attemptAt: now, loading: true });
    try {
      const next: SourceState = { ...(await source.load({ symbol, now, windowMs, prev })), windowMs };
      this.states.set(key, next);
      this.bump(symbol);
      this.setStatus(key, {
        fetchedAt: next.series.fetchedAt,
        attemptAt: now,
        loading: false,
        oiPartial: next.series.oiPartial,
        ...(next.series.oiPartial ? { partialReason: oiCoverage(next.series, windowMs) } : {}),
      });
      if (this.shouldPersist(exchange, symbol, prev, covered, now)) {
        await this.deps.store.save(next, this.deps.now()).catch((e) => this.deps.log?.(`could not persist ${key}`, e));
      }
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'unlisted' && !this.states.has(key)) {
        this.setStatus(key, { loading: false, oiPartial: false, attemptAt: now, unlisted: `${symbol} is not listed on ${exchange}` });
        await this.publish(symbol);
        return;
      }
      this.setStatus(key, { ...this.baseStatus(key), attemptAt: now, error: describeError(e, this.deps.now(), source.fetcher.blockedUntil) });
      this.deps.log?.(`${key} refresh failed`, e);
    }
    await this.saveBackoffs();
    await this.publish(symbol);
  }

  /**
   * A week of bars is a few hundred kB per exchange: rewriting it every minute would churn the disk.
   * Persist cold loads at once and warm data every PERSIST_EVERY_MS (a restart then re-fetches a few
   * bars), except Bitget's polled OI, which cannot be fetched again and is written every time.
   */
  private shouldPersist(exchange: Exchange, symbol: Symbol, prev: SourceState | null, covered: boolean, now: number): boolean {
    const last = this.deps.store.savedAt(exchange, symbol);
    return !siteOf(exchange).capabilities.oiHistory || prev === null || !covered || last === undefined || now - last >= PERSIST_EVERY_MS;
  }

  private baseStatus(key: Key): ExchangeStatus {
    const st = this.status.get(key);
    const fetchedAt = this.states.get(key)?.series.fetchedAt;
    return { loading: false, oiPartial: st?.oiPartial ?? false, ...(fetchedAt !== undefined ? { fetchedAt } : {}), ...(st?.partialReason ? { partialReason: st.partialReason } : {}) };
  }

  private setStatus(key: Key, s: ExchangeStatus): void {
    this.status.set(key, s);
    this.bump(key.slice(key.indexOf(':') + 1));
  }

  private bump(symbol: Symbol): void {
    this.generation.set(symbol, (this.generation.get(symbol) ?? 0) + 1);
  }

  private async hydrateSymbol(symbol: Symbol): Promise<void> {
    await Promise.all(EXCHANGES.map((e) => this.hydrate(e, symbol)));
    if (!this.asymmetryLoaded.has(symbol)) {
      this.asymmetryLoaded.add(symbol);
      const h = await this.deps.meta?.load(`asym:${symbol}`, AsymmetrySchema).catch(() => null);
      if (h && !this.asymmetryHistory.has(symbol)) this.asymmetryHistory.set(symbol, h);
    }
  }

  private async restoreMeta(): Promise<void> {
    const meta = this.deps.meta;
    if (!meta) return;
    const now = this.deps.now();
    const backoffs = await meta.load('backoff', BackoffSchema).catch(() => null);
    for (const [ex, b] of Object.entries(backoffs ?? {})) {
      const fetcher = this.deps.sources[ex as Exchange]?.fetcher;
      if (!fetcher || b.until <= now) continue;
      fetcher.blockedUntil = Math.max(fetcher.blockedUntil, b.until);
      if (b.status !== undefined) fetcher.blockedStatus = b.status;
    }
    const lfr = await meta.load('entry-lfr', EntryLfrSchema).catch(() => null);
    for (const [k, val] of Object.entries(lfr ?? {})) if (!this.entryLfr.has(k)) this.entryLfr.set(k, val);
  }

  private async saveBackoffs(): Promise<void> {
    if (!this.deps.meta) return;
    const now = this.deps.now();
    const out: Record<string, { until: number; status?: number }> = {};
    for (const e of EXCHANGES) {
      const f = this.deps.sources[e].fetcher;
      if (f.blockedUntil > now) out[e] = { until: f.blockedUntil, ...(f.blockedStatus !== undefined ? { status: f.blockedStatus } : {}) };
    }
    await this.deps.meta.save('backoff', out).catch((err) => this.deps.log?.('could not save back-offs', err));
  }

  /** Read the persisted entry once per (exchange, symbol) per service-worker life. */
  private hydrate(exchange: Exchange, symbol: Symbol): Promise<void> {
    const key = keyOf(exchange, symbol);
    let p = this.hydrating.get(key);
    if (!p) {
      p = this.deps.store
        .load(exchange, symbol)
        .then((state) => {
          if (state && !this.states.has(key)) {
            this.states.set(key, state);
            this.bump(symbol);
            this.status.set(key, { fetchedAt: state.series.fetchedAt, loading: false, oiPartial: state.series.oiPartial });
          }
        })
        .catch((e) => this.deps.log?.(`could not read ${key}`, e));
      this.hydrating.set(key, p);
    }
    return p;
  }

  /* ------------------------------------------------------------------ views */

  private aggregateInputs(symbol: Symbol, settings: Settings): { health: Partial<Record<Exchange, ExchangeHealth>>; series: MarketSeries[]; stale: boolean } {
    const health: Partial<Record<Exchange, ExchangeHealth>> = {};
    const good: MarketSeries[] = [];
    const cached: MarketSeries[] = [];
    for (const e of EXCHANGES) {
      const h = exchangeHealth(this.status.get(keyOf(e, symbol)), settings.exchanges[e]);
      health[e] = h;
      const state = this.states.get(keyOf(e, symbol));
      if (!settings.exchanges[e] || !state) continue;
      cached.push(state.series);
      if (usable(h)) good.push(state.series);
    }
    // Every enabled exchange failing: the last good data of each (kept in the cache) is the last good map.
    return good.length > 0 ? { health, series: good, stale: false } : { health, series: cached, stale: cached.length > 0 };
  }

  /**
   * The view for (page exchange, symbol, position), reused while nothing changed for up to VIEW_TTL_MS
   * (the popup asks every few seconds; time-dependent signals need a recompute now and then).
   */
  private async computeView(exchange: Exchange, symbol: Symbol, req: WatchRequest | null): Promise<MarketView> {
    const cacheKey = JSON.stringify([exchange, symbol, req?.position ?? null, req?.plannedSide ?? null]);
    const gen = this.generation.get(symbol) ?? 0;
    const now = this.deps.now();
    const hit = this.viewCache.get(cacheKey);
    if (hit && hit.gen === gen && now - hit.at < VIEW_TTL_MS) return hit.view;
    const view = await this.buildView(exchange, symbol, req);
    if (this.viewCache.size > 50) this.viewCache.clear();
    this.viewCache.set(cacheKey, { gen, at: now, view });
    return view;
  }

  private async buildView(exchange: Exchange, symbol: Symbol, req: WatchRequest | null): Promise<MarketView> {
    const settings = await this.deps.settings();
    const { health, series, stale } = this.aggregateInputs(symbol, settings);
    const overall = overallState(health, stale);
    const base: MarketView = { exchange, symbol, state: overall.state, analysis: null, health, asOf: null, ...(overall.reason ? { reason: overall.reason } : {}) };
    if (series.length === 0) return base;
    const now = this.deps.now();
    let models = this.models.get(symbol);
    if (!models) this.models.set(symbol, (models = new Map()));
    const position = req?.position ?? null;
    try {
      const analysis = this.deps.analyze({
        series,
        position,
        ...(req?.plannedSide ? { plannedSide: req.plannedSide } : {}),
        account: { sizeUsd: settings.accountUsd, riskPct: settings.riskPct },
        config: engineConfigFromSettings(settings),
        macroEvents: settings.macroEvents,
        asymmetryHistory: this.asymmetryHistory.get(symbol)?.values ?? [],
        now,
        ...(series.some((s) => s.exchange === exchange) ? { referenceExchange: exchange } : {}),
        models,
      });
      const asOf = Math.max(...series.map((s) => s.candles[s.candles.length - 1]?.t ?? 0));
      this.recordAsymmetry(symbol, analysis, asOf);
      const view: MarketView = { ...base, analysis, asOf };
      // The entry LFR is only taken from a complete map, so "LFR since entry" compares like with like.
      if (position) view.entryLfr = this.entryLfrFor(position, overall.state === 'ok' ? analysis : null);
      return view;
    } catch (e) {
      return { ...base, state: 'error', reason: `Could not compute the map: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /** Push fresh views to every tab watching `symbol` (and tell listeners). Dead tabs are dropped. */
  private async publish(symbol: Symbol): Promise<void> {
    const tabs = [...this.watchers.entries()].filter(([, w]) => w.symbol === symbol);
    await Promise.all(
      tabs.map(async ([tabId, w]) => {
        const view = await this.computeView(w.exchange, w.symbol, w);
        for (const l of this.viewListeners) l(view, tabId);
        try {
          await this.deps.push(tabId, view);
        } catch {
          this.watchers.delete(tabId);
          await this.saveWatchers();
        }
      }),
    );
  }

  /** Asymmetry percentile needs the map's own history: one value per new bar, a window's worth. */
  private recordAsymmetry(symbol: Symbol, analysis: Analysis, asOf: number): void {
    const r = analysis.asymmetry.ratio;
    if (r.kind !== 'ratio') return;
    let h = this.asymmetryHistory.get(symbol);
    if (!h) this.asymmetryHistory.set(symbol, (h = { asOf: 0, values: [] }));
    if (asOf <= h.asOf) return;
    h.asOf = asOf;
    h.values.push(r.value);
    if (h.values.length > 2016) h.values.splice(0, h.values.length - 2016);
    void this.deps.meta?.save(`asym:${symbol}`, h).catch((e) => this.deps.log?.('could not save asymmetry history', e));
  }

  /** The LFR when a position was first seen, kept for "LFR since entry". */
  private entryLfrFor(p: NonNullable<WatchRequest['position']>, analysis: Analysis | null): number | null {
    const k = `${p.exchange}:${p.symbol}:${p.side}:${p.entry}`;
    if (!this.entryLfr.has(k) && analysis) {
      this.entryLfr.set(k, analysis.lfr.kind === 'ratio' ? analysis.lfr.value : null);
      // Keep the most recent positions only.
      while (this.entryLfr.size > 200) this.entryLfr.delete(this.entryLfr.keys().next().value as string);
      void this.deps.meta?.save('entry-lfr', Object.fromEntries(this.entryLfr)).catch((e) => this.deps.log?.('could not save entry LFRs', e));
    }
    return this.entryLfr.get(k) ?? null;
  }

  /* ------------------------------------------------------------------ scheduling */

  private watchedSymbols(): Symbol[] {
    return [...new Set([...this.watchers.values()].map((w) => w.symbol))];
  }

  private popupActive(settings: Settings): boolean {
    return this.popup !== null && this.deps.now() - this.popup.seenAt < 2 * Math.max(MIN_REFRESH_SEC, settings.refreshSec) * 1000;
  }

  /** Something is watching: a trading tab, or the popup within the last two refresh periods. */
  private active(): boolean {
    const periodMs = (this.scheduledSec ?? MIN_REFRESH_SEC) * 1000;
    return this.watchers.size > 0 || (this.popup !== null && this.deps.now() - this.popup.seenAt < 2 * periodMs);
  }

  private async ensureSchedule(): Promise<void> {
    if (this.watchers.size === 0 && this.popup === null) return;
    const sec = Math.max(MIN_REFRESH_SEC, (await this.deps.settings()).refreshSec);
    if (this.scheduledSec === sec) return;
    this.scheduledSec = sec;
    await this.deps.scheduler.start(sec);
  }

  private async pause(): Promise<void> {
    if (this.scheduledSec === null) return;
    this.scheduledSec = null;
    await this.deps.scheduler.stop();
  }

  private async saveWatchers(): Promise<void> {
    await this.deps.watchers?.save([...this.watchers.entries()]).catch((e) => this.deps.log?.('could not save watchers', e));
  }
}

/**
 * Whether cached history serves the window: it must reach the window (no hole since the last bar) and
 * have been loaded for a window at least this long (the options may have grown it). A symbol younger
 * than the window is not reloaded every time: coverage is judged by the window asked for, not by the
 * first bar.
 */
function coversWindow(prev: SourceState, now: number, windowMs: number): boolean {
  const last = prev.series.candles[prev.series.candles.length - 1];
  return last !== undefined && last.t >= now - windowMs && (prev.windowMs ?? 0) >= windowMs;
}

/** Drop the history so the source reloads it, except Bitget's polled OI, which cannot be reloaded. */
function withoutHistory(prev: SourceState): SourceState {
  const keepOi = !siteOf(prev.series.exchange).capabilities.oiHistory;
  return { ...prev, series: { ...prev.series, candles: [], openInterest: keepOi ? prev.series.openInterest : [] } };
}

function oiCoverage(s: MarketSeries, windowMs: number): string {
  const first = s.openInterest[0];
  const last = s.openInterest[s.openInterest.length - 1];
  const spanH = first && last ? (last.t - first.t) / 3_600_000 : 0;
  const fmt = spanH < 1 ? `${Math.round(spanH * 60)} min` : `${spanH.toFixed(1)} h`;
  const of = `${fmt} of ${Math.round(windowMs / DAY_MS)} d`;
  return !siteOf(s.exchange).capabilities.oiHistory ? `open interest is polled (no history on ${s.exchange}): ${of} so far` : `open-interest history covers only ${of}`;
}
