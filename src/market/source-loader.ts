/**
 * Loads one exchange's data for one symbol into the SourceCache: de-duplicated per (exchange, symbol),
 * cold load of the window then warm refreshes of only what is new (refresh-policy says when), health
 * status after each attempt, and the write to storage when persist-policy says so. The exchange's
 * fetcher owns its back-off: while one is in force nothing is sent and the health says why.
 */
import type { Exchange, Symbol } from '../engine/types';
import type { Settings } from '../settings';
import { ApiError, describeError } from '../sites/shared/errors';
import type { MarketSource, SourceState } from '../sites/shared/source';
import { saveBackoffs } from './backoff-store';
import type { MetaStore } from './meta';
import { skippedBarsNote } from './health-notes';
import { oiCoverage } from './oi-coverage';
import { shouldPersist } from './persist-policy';
import { refreshSec, tooSoon } from './refresh-policy';
import { keyOf, type SourceCache } from './source-cache';
import type { MarketStore } from './store';
import { coversWindow, withoutHistory } from './window-coverage';

const DAY_MS = 86_400_000;

export interface LoaderDeps {
  sources: Record<Exchange, MarketSource>;
  store: MarketStore;
  cache: SourceCache;
  now: () => number;
  meta?: MetaStore;
  log?: (msg: string, err?: unknown) => void;
  /** The symbol's data or health changed: push views. */
  publish: (symbol: Symbol) => Promise<void>;
}

export class SourceLoader {
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Resolves once persisted back-offs are restored: no request may leave before that. */
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LoaderDeps) {}

  /** Hold every load until `p` (the restore of persisted back-offs) resolves. */
  gate(p: Promise<void>): void {
    this.ready = p;
  }

  /** Load (exchange, symbol) unless a load of it is already running, which is then shared. */
  refresh(exchange: Exchange, symbol: Symbol, settings: Settings, force: boolean): Promise<void> {
    const key = keyOf(exchange, symbol);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const p = this.load(exchange, symbol, settings, force).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  /** Resolves when no load is in flight. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  private async load(exchange: Exchange, symbol: Symbol, settings: Settings, force: boolean): Promise<void> {
    const { cache } = this.deps;
    const key = keyOf(exchange, symbol);
    await this.ready;
    await cache.hydrate(exchange, symbol, this.deps.now());
    const now = this.deps.now();
    const windowMs = settings.windowDays * DAY_MS;
    let prev = cache.state(exchange, symbol);
    const st = cache.status(exchange, symbol);
    const covered = prev !== null && coversWindow(prev, now, windowMs);
    if (!force && tooSoon({ prev, status: st, covered, now, refreshMs: refreshSec(settings) * 1000 })) return;
    const source = this.deps.sources[exchange];
    const blocked = source.fetcher.blockedError('(all endpoints)');
    if (blocked) {
      cache.setStatus(exchange, symbol, { ...cache.baseStatus(exchange, symbol), attemptAt: now, error: describeError(blocked, now, source.fetcher.blockedUntil) });
      await this.deps.publish(symbol);
      return;
    }
    if (prev && !covered) prev = withoutHistory(prev);
    cache.setStatus(exchange, symbol, { ...cache.baseStatus(exchange, symbol), ...(st?.error ? { error: st.error } : {}), attemptAt: now, loading: true });
    try {
      const next: SourceState = { ...(await source.load({ symbol, now, windowMs, prev })), windowMs };
      cache.setState(exchange, symbol, next);
      const skippedNote = skippedBarsNote(next.skipped ?? []);
      const cacheNote = cache.healNote(exchange, symbol);
      cache.setStatus(exchange, symbol, {
        fetchedAt: next.series.fetchedAt,
        attemptAt: now,
        loading: false,
        oiPartial: next.series.oiPartial,
        ...(next.series.oiPartial ? { partialReason: oiCoverage(next.series, windowMs) } : {}),
        ...(skippedNote ? { skippedNote } : {}),
        ...(cacheNote ? { cacheNote } : {}),
      });
      if (shouldPersist(exchange, prev, covered, this.deps.store.savedAt(exchange, symbol), now)) {
        await this.deps.store.save(next, this.deps.now()).catch((e) => this.deps.log?.(`could not persist ${key}`, e));
      }
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'unlisted' && !cache.has(exchange, symbol)) {
        cache.setStatus(exchange, symbol, { loading: false, oiPartial: false, attemptAt: now, unlisted: `${symbol} is not listed on ${exchange}` });
        await this.deps.publish(symbol);
        return;
      }
      cache.setStatus(exchange, symbol, { ...cache.baseStatus(exchange, symbol), attemptAt: now, error: describeError(e, this.deps.now(), source.fetcher.blockedUntil) });
      this.deps.log?.(`${key} refresh failed`, e);
    }
    if (this.deps.meta) await saveBackoffs(this.deps.meta, this.deps.sources, this.deps.log);
    await this.deps.publish(symbol);
  }
}
