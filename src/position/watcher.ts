/**
 * Position watcher: combines a page adapter and the manual store into the current PositionState and
 * reports every change. The parts, one per file:
 * - ./panel-observer.ts: a MutationObserver scoped to the adapter's panel (never the whole body);
 * - ./read-scheduler.ts: debounced with a max wait, so a continuously re-rendering panel still reports
 *   within 300 ms;
 * - ./precedence.ts (+ ./hedge.ts): manual > page (hedge: the user's pick, else the larger leg) > none;
 * - ./gap-grace.ts: a re-render gap keeps the last good read for a moment;
 * - ./manual-source.ts: manual entries and hedge picks per symbol;
 * - ./dedupe.ts: only real changes are reported.
 * This file wires them to the page: SPA navigation (URL changes by history.pushState / replaceState, which
 * fire no popstate) is followed through the Navigation API where the browser has it, panel mutations and a
 * light poll; the poll also catches a panel root that React replaced wholesale.
 */
import type { Position, Side, Symbol } from '../engine/types';
import type { PositionRead, ReadContext, SiteAdapter } from './page-adapter';
import { dedupe } from './dedupe';
import { gapGrace } from './gap-grace';
import type { ManualStore } from './manual-store';
import { manualSource } from './manual-source';
import { panelObserver } from './panel-observer';
import { noSymbolState, resolveState } from './precedence';
import { readScheduler } from './read-scheduler';
import type { PositionState } from './state';

export type { PositionState } from './state';

export interface WatchOptions {
  adapter: SiteAdapter;
  doc: Document;
  getUrl: () => string | URL;
  onChange: (state: PositionState) => void;
  /** What the background knows about the symbol's instrument (coin per contract), for each read; call refresh() when it changes. */
  context?: (symbol: Symbol) => ReadContext | undefined;
  /** Manual entries and hedge picks; without one, manual entries are kept in memory only. */
  store?: ManualStore;
  /** Quiet time after the last mutation before reading (ms). */
  debounceMs?: number;
  /** Upper bound from the first pending mutation to the read (ms), so constant re-renders still report. */
  maxWaitMs?: number;
  /** URL / panel-root poll interval (ms). */
  pollMs?: number;
}

export interface PositionWatch {
  /** Stops observing (same as .stop()). */
  (): void;
  stop(): void;
  /** Hedge mode: analyse this side's leg, remembered per exchange + symbol (null forgets the pick: the larger leg). */
  pickHedge(side: Side | null): Promise<void>;
  saveManual(position: Position): Promise<void>;
  clearManual(): Promise<void>;
  /** Re-reads now. */
  refresh(): void;
  current(): PositionState | null;
}

export function watchPosition(opts: WatchOptions): PositionWatch {
  const { adapter, doc, getUrl, store } = opts;
  const pollMs = opts.pollMs ?? 200;
  const view = doc.defaultView;

  let stopped = false;
  let symbol: Symbol | null = null;
  let href = '';
  let manual: Position | null = null;
  let pick: Side | null = null;
  let loaded = false;

  const out = dedupe(opts.onChange);
  const scheduler = readScheduler(() => evaluate(), opts.debounceMs ?? 60, opts.maxWaitMs ?? 180);
  const panel = panelObserver(adapter, doc, () => {
    if (stopped) return;
    // A symbol switch changes the URL from the page's own world (history.pushState: no popstate, and an
    // isolated content script cannot patch the page's history): a panel mutation is a cheap moment to look.
    checkUrl();
    scheduler.schedule();
  });
  const grace = gapGrace(() => evaluate());
  const saved = manualSource(adapter.exchange, store);

  const readUrl = (): URL | null => {
    try {
      const u = getUrl();
      return u instanceof URL ? u : new URL(u);
    } catch {
      return null;
    }
  };

  function read(sym: Symbol): PositionRead {
    try {
      return adapter.readPosition(doc, sym, opts.context?.(sym));
    } catch (err) {
      return { kind: 'invalid', reason: `${adapter.exchange}: reading the page failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  function compose(): PositionState {
    if (symbol === null) return noSymbolState(adapter.exchange);
    const r = read(symbol);
    const state = resolveState(adapter.exchange, symbol, r, manual, pick);
    if (manual) return state;
    if (r.kind === 'position' || r.kind === 'hedge') grace.remember(symbol, state);
    if (r.kind === 'none' || r.kind === 'invalid') return grace.keep(symbol, r, panel.observed() === null) ?? state;
    return state;
  }

  function evaluate() {
    if (stopped || !loaded) return;
    scheduler.cancel();
    panel.attach();
    out.emit(compose());
  }

  async function loadFor(sym: Symbol | null) {
    loaded = false;
    const pending = saved.load(sym);
    const choice = pending instanceof Promise ? await pending : pending;
    if (choice === null || stopped) return;
    manual = choice.manual;
    pick = choice.pick;
    loaded = true;
    evaluate();
  }

  function checkUrl() {
    const url = readUrl();
    const next = url?.href ?? '';
    if (next === href) return;
    href = next;
    const sym = url ? adapter.symbolFromUrl(url) : null;
    if (sym !== symbol || !loaded) {
      symbol = sym;
      void loadFor(sym);
    } else {
      evaluate();
    }
  }

  function tick() {
    if (stopped) return;
    checkUrl();
    if (panel.attach()) evaluate();
  }

  const onNav = () => tick();
  view?.addEventListener('popstate', onNav);
  view?.addEventListener('wxt:locationchange', onNav);
  // The Navigation API (Chromium) reports every same-document URL change, pushState included, to every
  // world; where it is missing the poll below and panel mutations catch the change.
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)?.navigation;
  navigation?.addEventListener?.('currententrychange', onNav);
  // The poll walks the page's DOM: skip it while the tab is hidden (the panel's MutationObserver still
  // reports position changes) and catch up the moment the tab is shown again.
  const hidden = () => doc.visibilityState === 'hidden';
  const onVisibility = () => {
    if (!hidden()) tick();
  };
  doc.addEventListener('visibilitychange', onVisibility);
  const poll = setInterval(() => {
    if (!hidden()) tick();
  }, pollMs);
  const unsubscribe = store?.subscribe((ex, sym) => {
    if (ex === adapter.exchange && sym === symbol) void loadFor(symbol);
  });

  panel.attach();
  checkUrl();

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(poll);
    scheduler.cancel();
    grace.stop();
    panel.disconnect();
    view?.removeEventListener('popstate', onNav);
    view?.removeEventListener('wxt:locationchange', onNav);
    navigation?.removeEventListener?.('currententrychange', onNav);
    doc.removeEventListener('visibilitychange', onVisibility);
    unsubscribe?.();
  };

  return Object.assign(() => stop(), {
    stop,
    async pickHedge(side: Side | null) {
      pick = side;
      if (symbol) await saved.savePick(symbol, side);
      evaluate();
    },
    async saveManual(position: Position) {
      await saved.save(position);
      if (position.symbol === symbol) {
        manual = { ...position, source: 'manual' };
        evaluate();
      }
    },
    async clearManual() {
      if (!symbol) return;
      await saved.clear(symbol);
      manual = null;
      evaluate();
    },
    refresh() {
      tick();
      evaluate();
    },
    current: () => out.last(),
  });
}
