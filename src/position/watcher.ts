/**
 * Position watcher: combines a page adapter and the manual store into the current PositionState and
 * reports every change. A MutationObserver scoped to the adapter's panel (never the whole body), debounced
 * with a max wait so a continuously re-rendering panel still reports within 300 ms; a light poll follows
 * SPA navigation (URL changes) and a panel root that React replaced wholesale.
 *
 * Precedence: a saved manual entry for (exchange, symbol) wins (the user said so explicitly; clearing it
 * returns to the page); else the page's position; in hedge mode the user's pick (none → no position until
 * picked); else none (planned-trade mode) with the reason as health.
 */
import type { Exchange, Position, Side, Symbol } from '../engine/types';
import type { PositionDraft, PositionRead, SiteAdapter } from '../sites/page-adapter';
import type { ManualStore } from './manual-store';
import { describePosition } from './describe';

export interface PositionState {
  exchange: Exchange;
  /** Canonical symbol of the current URL; null when the SPA navigated away from a trading page. */
  symbol: Symbol | null;
  /** The position to analyse, or null (planned-trade mode, hedge not yet picked, or nothing valid). */
  position: Position | null;
  source: 'page' | 'manual' | 'none';
  /** Selector health: which strategy found the position, or why none was used. */
  health: string;
  /** Mark price shown in the position row, when read from the page. */
  mark?: number;
  /** Hedge mode: every position on the symbol, for the user to pick from. */
  hedge?: Position[];
  hedgePick?: Side | null;
  /** What was read when the read failed: prefill for the manual panel. */
  draft?: PositionDraft;
  /** The raw page read's kind, so the UI can offer the manual panel on 'none' / 'invalid'. */
  pageRead: PositionRead['kind'] | 'no-symbol';
}

export interface WatchOptions {
  adapter: SiteAdapter;
  doc: Document;
  getUrl: () => string | URL;
  onChange: (state: PositionState) => void;
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
  /** Hedge mode: analyse this side's position (null forgets the pick). */
  pickHedge(side: Side | null): Promise<void>;
  saveManual(position: Position): Promise<void>;
  clearManual(): Promise<void>;
  /** Re-reads now. */
  refresh(): void;
  current(): PositionState | null;
}

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['aria-selected', 'aria-hidden', 'hidden', 'style', 'aria-colindex', 'data-testid'],
};

const ANCESTOR_LEVELS = 3;
/** How long a vanished or placeholder panel may keep the last good read (ms). */
const GAP_GRACE_MS = 1500;

export function watchPosition(opts: WatchOptions): PositionWatch {
  const { adapter, doc, getUrl, onChange, store } = opts;
  const debounceMs = opts.debounceMs ?? 60;
  const maxWaitMs = opts.maxWaitMs ?? 180;
  const pollMs = opts.pollMs ?? 200;
  const view = doc.defaultView;

  let stopped = false;
  let symbol: Symbol | null = null;
  let href = '';
  let manual: Position | null = null;
  const memoryManual = new Map<string, Position>();
  let pick: Side | null = null;
  let loadGen = 0;
  let loaded = false;
  let observed: Element | null = null;
  let observer: MutationObserver | null = null;
  let debounceTimer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt: number | null = null;
  let last: PositionState | null = null;
  let lastGood: { symbol: Symbol; state: PositionState; at: number } | null = null;
  let graceTimer: ReturnType<typeof setTimeout> | null = null;
  let lastJson = '';

  const readUrl = (): URL | null => {
    try {
      const u = getUrl();
      return u instanceof URL ? u : new URL(u);
    } catch {
      return null;
    }
  };

  function emit(state: PositionState) {
    const json = JSON.stringify(state);
    if (json === lastJson) return;
    lastJson = json;
    last = state;
    onChange(state);
  }

  function compose(): PositionState {
    const base = { exchange: adapter.exchange, symbol };
    if (symbol === null) {
      return { ...base, position: null, source: 'none', health: 'not a trading page (no symbol in the URL)', pageRead: 'no-symbol' };
    }
    let read: PositionRead;
    try {
      read = adapter.readPosition(doc, symbol);
    } catch (err) {
      read = { kind: 'invalid', reason: `${adapter.exchange}: reading the page failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    const pageSummary = summarise(read);
    if (manual) {
      return { ...base, position: manual, source: 'manual', health: `manual entry (clear it to use the page); page: ${pageSummary}`, pageRead: read.kind };
    }
    switch (read.kind) {
      case 'position': {
        const s: PositionState = { ...base, position: read.position, source: 'page', health: `page: ${read.strategy}`, pageRead: read.kind };
        if (read.mark !== undefined) s.mark = read.mark;
        lastGood = { symbol, state: s, at: Date.now() };
        return s;
      }
      case 'hedge': {
        const i = pick ? read.positions.findIndex((p) => p.side === pick) : -1;
        const chosen = i >= 0 ? read.positions[i]! : null;
        const s: PositionState = {
          ...base,
          position: chosen,
          source: chosen ? 'page' : 'none',
          health: chosen ? `page (hedge mode, ${pick} picked): ${read.strategy}` : `hedge mode: ${read.positions.map((p) => p.side).join(' and ')} open on ${symbol}: pick one`,
          hedge: read.positions,
          hedgePick: chosen ? pick : null,
          pageRead: read.kind,
        };
        const mark = i >= 0 ? read.marks[i] : read.marks.find((m) => m !== undefined);
        if (mark !== undefined) s.mark = mark;
        return s;
      }
      case 'none':
      case 'invalid': {
        const kept = keepThroughGap(read);
        if (kept) return kept;
        const s: PositionState = {
          ...base,
          position: null,
          source: 'none',
          health: read.kind === 'none' ? `no position read (planned trade): ${read.reason}` : `position not used: ${read.reason}`,
          pageRead: read.kind,
        };
        if (read.draft && Object.keys(read.draft).length > 0) s.draft = read.draft;
        return s;
      }
    }
  }

  /**
   * A panel that vanishes (React remounting it) or shows placeholders ("--" while loading) right after a
   * good read is usually a re-render, not a closed position: keep the last good read for GAP_GRACE_MS so the
   * overlay and the background do not flicker to planned-trade mode and back. A read that finds the table
   * but no row for the symbol (the position closed) is reported at once.
   */
  function keepThroughGap(read: Extract<PositionRead, { kind: 'none' | 'invalid' }>): PositionState | null {
    if (!lastGood || lastGood.symbol !== symbol) return null;
    const panelGone = read.kind === 'none' && observed === null;
    if (read.kind !== 'invalid' && !panelGone) return null;
    const age = Date.now() - lastGood.at;
    if (age >= GAP_GRACE_MS) return null;
    if (graceTimer === null) {
      graceTimer = setTimeout(() => {
        graceTimer = null;
        evaluate();
      }, GAP_GRACE_MS - age + 1);
    }
    return { ...lastGood.state, health: `${lastGood.state.health} (kept for a moment: ${read.reason})` };
  }

  function evaluate() {
    if (stopped || !loaded) return;
    clearDebounce();
    attach();
    emit(compose());
  }

  function clearDebounce() {
    if (debounceTimer !== null) clearTimeout(debounceTimer);
    debounceTimer = null;
    firstPendingAt = null;
  }

  function schedule() {
    if (stopped) return;
    const now = Date.now();
    if (firstPendingAt === null) firstPendingAt = now;
    if (debounceTimer !== null) clearTimeout(debounceTimer);
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
    debounceTimer = setTimeout(evaluate, wait);
  }

  function attach() {
    const root = adapter.panelRoot(doc);
    if (root === observed && (root === null || root.isConnected)) return false;
    observer?.disconnect();
    observer = null;
    observed = root;
    if (root && view?.MutationObserver) {
      observer = new view.MutationObserver(() => schedule());
      observer.observe(root, OBSERVE);
      // React often replaces the panel wholesale: watch the few ancestors' child lists (not their subtrees)
      // so a replacement is read after the debounce instead of at the next poll.
      let up = root.parentElement;
      for (let i = 0; up && up !== doc.body && i < ANCESTOR_LEVELS; i++, up = up.parentElement) {
        observer.observe(up, { childList: true });
      }
    }
    return true;
  }

  async function loadFor(sym: Symbol | null) {
    const gen = ++loadGen;
    loaded = false;
    let m: Position | null = null;
    let p: Side | null = null;
    if (sym) {
      if (store) {
        try {
          [m, p] = await Promise.all([store.load(adapter.exchange, sym), store.loadHedgePick(adapter.exchange, sym)]);
        } catch {
          m = null;
          p = null;
        }
      } else {
        m = memoryManual.get(sym) ?? null;
      }
    }
    if (gen !== loadGen || stopped) return;
    manual = m;
    pick = p;
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
    if (attach()) evaluate();
  }

  const onNav = () => tick();
  view?.addEventListener('popstate', onNav);
  view?.addEventListener('wxt:locationchange', onNav);
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

  attach();
  checkUrl();

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(poll);
    clearDebounce();
    if (graceTimer !== null) clearTimeout(graceTimer);
    observer?.disconnect();
    observer = null;
    view?.removeEventListener('popstate', onNav);
    view?.removeEventListener('wxt:locationchange', onNav);
    doc.removeEventListener('visibilitychange', onVisibility);
    unsubscribe?.();
  };

  const watch = Object.assign(() => stop(), {
    stop,
    async pickHedge(side: Side | null) {
      pick = side;
      if (store && symbol) await store.saveHedgePick(adapter.exchange, symbol, side);
      evaluate();
    },
    async saveManual(position: Position) {
      if (store) await store.save(position);
      else memoryManual.set(position.symbol, { ...position, source: 'manual' as const });
      if (position.symbol === symbol) {
        manual = { ...position, source: 'manual' };
        evaluate();
      }
    },
    async clearManual() {
      if (!symbol) return;
      if (store) await store.clear(adapter.exchange, symbol);
      else memoryManual.delete(symbol);
      manual = null;
      evaluate();
    },
    refresh() {
      tick();
      evaluate();
    },
    current: () => last,
  });
  return watch;
}

function summarise(read: PositionRead): string {
  switch (read.kind) {
    case 'position':
      return `${describePosition(read.position)} via ${read.strategy}`;
    case 'hedge':
      return `hedge mode (${read.positions.map(describePosition).join('; ')})`;
    case 'none':
      return `no position (${read.reason})`;
    case 'invalid':
      return `unreadable (${read.reason})`;
  }
}
