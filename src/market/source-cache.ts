/**
 * What the hub holds per (exchange, symbol): the source state (read once from storage per
 * service-worker life, then replaced by each load) and the exchange's health status. Every change bumps
 * the symbol's generation, which keys the view cache.
 */
import type { Exchange, MarketSeries, Symbol } from '../engine/types';
import { EXCHANGES } from '../sites';
import type { ExchangeHealth } from '../messaging';
import type { Settings } from '../settings';
import type { SourceState } from '../sites/shared/source';
import { exchangeHealth, usable, type ExchangeStatus } from './health';
import { cacheHealNote } from './health-notes';
import type { MarketStore } from './store';

export type Key = string;
export const keyOf = (exchange: Exchange, symbol: Symbol): Key => `${exchange}:${symbol}`;

export interface Aggregate {
  health: Partial<Record<Exchange, ExchangeHealth>>;
  series: MarketSeries[];
  /** No enabled exchange is usable: `series` is the last good data of each. */
  stale: boolean;
}

export class SourceCache {
  private readonly states = new Map<Key, SourceState>();
  private readonly statuses = new Map<Key, ExchangeStatus>();
  private readonly hydrating = new Map<Key, Promise<void>>();
  private readonly generations = new Map<Symbol, number>();
  /** What the cache healed on read per key: how often and the last reason (health-notes.ts words it). */
  private readonly heals = new Map<Key, { count: number; what: string }>();

  constructor(
    private readonly store: MarketStore,
    private readonly log?: (msg: string, err?: unknown) => void,
  ) {}

  state(exchange: Exchange, symbol: Symbol): SourceState | null {
    return this.states.get(keyOf(exchange, symbol)) ?? null;
  }

  has(exchange: Exchange, symbol: Symbol): boolean {
    return this.states.has(keyOf(exchange, symbol));
  }

  /** A load succeeded. */
  setState(exchange: Exchange, symbol: Symbol, state: SourceState): void {
    this.states.set(keyOf(exchange, symbol), state);
    this.bump(symbol);
  }

  status(exchange: Exchange, symbol: Symbol): ExchangeStatus | undefined {
    return this.statuses.get(keyOf(exchange, symbol));
  }

  setStatus(exchange: Exchange, symbol: Symbol, s: ExchangeStatus): void {
    this.statuses.set(keyOf(exchange, symbol), s);
    this.bump(symbol);
  }

  /** The status fields that outlive an attempt: last success and OI coverage. */
  baseStatus(exchange: Exchange, symbol: Symbol): ExchangeStatus {
    const st = this.status(exchange, symbol);
    const fetchedAt = this.state(exchange, symbol)?.series.fetchedAt;
    const cacheNote = this.healNote(exchange, symbol);
    return {
      loading: false,
      oiPartial: st?.oiPartial ?? false,
      ...(fetchedAt !== undefined && fetchedAt > 0 ? { fetchedAt } : {}),
      ...(st?.partialReason ? { partialReason: st.partialReason } : {}),
      ...(st?.skippedNote ? { skippedNote: st.skippedNote } : {}),
      ...(cacheNote ? { cacheNote } : {}),
    };
  }

  /** The counted note for what the cache dropped on read for this key, if anything. */
  healNote(exchange: Exchange, symbol: Symbol): string | undefined {
    const h = this.heals.get(keyOf(exchange, symbol));
    return h ? cacheHealNote(h.count, h.what) : undefined;
  }

  private noteHeal(key: Key, what: string): void {
    const h = this.heals.get(key);
    this.heals.set(key, { count: (h?.count ?? 0) + 1, what });
    this.log?.(`stored ${key} ${what}: dropped, re-fetching`);
  }

  /** Changes whenever the symbol's data or health (or, via bump, the settings) change. */
  generation(symbol: Symbol): number {
    return this.generations.get(symbol) ?? 0;
  }

  bump(symbol: Symbol): void {
    this.generations.set(symbol, this.generation(symbol) + 1);
  }

  /**
   * Read the persisted entry once per (exchange, symbol) per service-worker life, checked like a network
   * response (store-check.ts). A dropped or healed entry is counted in the exchange's health; a healed one
   * is due at once (its fetchedAt is cleared), so the load re-fetches the window it lost. Data already in
   * memory (the last good map) is never replaced by stored data.
   */
  hydrate(exchange: Exchange, symbol: Symbol, now = Date.now()): Promise<void> {
    const key = keyOf(exchange, symbol);
    let p = this.hydrating.get(key);
    if (!p) {
      p = this.store
        .loadChecked(exchange, symbol, now)
        .then(({ state, dropped, healed }) => {
          if (dropped) this.noteHeal(key, dropped);
          if (healed) this.noteHeal(key, healed);
          if (dropped || healed) this.bump(symbol);
          if (state && !this.states.has(key)) {
            this.states.set(key, state);
            this.bump(symbol);
            const cacheNote = this.healNote(exchange, symbol);
            this.statuses.set(key, {
              ...(state.series.fetchedAt > 0 ? { fetchedAt: state.series.fetchedAt } : {}),
              loading: false,
              oiPartial: state.series.oiPartial,
              ...(cacheNote ? { cacheNote } : {}),
            });
          }
        })
        .catch((e) => this.log?.(`could not read ${key}`, e));
      this.hydrating.set(key, p);
    }
    return p;
  }

  /** Series of the enabled exchanges: the usable ones, or every cached one when none is (the last good map). */
  aggregate(symbol: Symbol, settings: Settings): Aggregate {
    const health: Partial<Record<Exchange, ExchangeHealth>> = {};
    const good: MarketSeries[] = [];
    const cached: MarketSeries[] = [];
    for (const e of EXCHANGES) {
      const h = exchangeHealth(this.status(e, symbol), settings.exchanges[e]);
      health[e] = h;
      const state = this.state(e, symbol);
      if (!settings.exchanges[e] || !state) continue;
      cached.push(state.series);
      if (usable(h)) good.push(state.series);
    }
    return good.length > 0 ? { health, series: good, stale: false } : { health, series: cached, stale: cached.length > 0 };
  }
}
