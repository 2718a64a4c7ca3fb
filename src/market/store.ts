/**
 * Persistence of the market cache in browser.storage.local, so a restarted service worker answers at
 * once. One key per (exchange, symbol), written with a single `set` of a complete, validated entry:
 * a write either lands whole or not at all, and an entry that does not validate on read is ignored
 * (and removed) rather than half-used. Candles and OI are stored as number tuples (about half the
 * size of objects); the least recently saved entries beyond MAX_ENTRIES are evicted, and when a write
 * still meets the storage quota (long windows: ~1 MB per entry at 30 days), the oldest others make room.
 * A small index (key → savedAt) is written with each entry, so eviction never reads the whole store.
 */
import * as v from 'valibot';
import { type Candle, type Exchange, type OpenInterestPoint } from '../engine/types';
import { EXCHANGES } from '../sites';
import type { SourceState } from '../sites/shared/source';
import { dropUndefined } from '../sites/shared/util';
import { checkStored, type StoredCheck } from './store-check';

export const STORE_PREFIX = 'market:v1:';
export const MAX_ENTRIES = 12;
/** Outside STORE_PREFIX so it is never mistaken for an entry. */
export const INDEX_KEY = 'market-index:v1';

export function entryKey(exchange: Exchange, symbol: string): string {
  return `${STORE_PREFIX}${exchange}:${symbol}`;
}

/** Minimal storage area (browser.storage.local satisfies it; tests may pass fakeBrowser's). */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const finite = v.pipe(v.number(), v.finite());
const level = v.tuple([finite, finite]);
const stored = v.object({
  v: v.literal(1),
  savedAt: finite,
  instrumentAt: finite,
  windowMs: v.optional(finite),
  instrument: v.object({ exchangeSymbol: v.string(), unitFactor: finite, contractSize: finite, tickSize: finite, fundingIntervalHours: finite }),
  series: v.object({
    exchange: v.picklist(EXCHANGES),
    symbol: v.string(),
    barMs: finite,
    // [t, open, high, low, close, baseVolume, quoteVolume, takerBuyBase | null]
    candles: v.array(v.tuple([finite, finite, finite, finite, finite, finite, finite, v.nullable(finite)])),
    // [t, coin, usd]
    oi: v.array(v.tuple([finite, finite, finite])),
    markPrice: finite,
    indexPrice: finite,
    funding: v.optional(v.object({ rate: finite, intervalHours: finite, nextTime: finite })),
    depth: v.optional(v.object({ t: finite, bids: v.array(level), asks: v.array(level) })),
    risk: v.object({ maintenanceRate: finite, maxLeverage: finite, source: v.picklist(['api', 'static-table']), asOf: v.optional(v.string()) }),
    oiPartial: v.boolean(),
    longShort: v.optional(v.array(v.object({ t: finite, longShare: finite, shortShare: finite }))),
    fetchedAt: finite,
  }),
});
export type StoredEntry = v.InferOutput<typeof stored>;

export function encodeEntry(state: SourceState, savedAt: number): StoredEntry {
  const { candles, openInterest, ...rest } = state.series;
  return {
    v: 1,
    savedAt,
    instrumentAt: state.instrumentAt,
    ...(state.windowMs !== undefined ? { windowMs: state.windowMs } : {}),
    instrument: { ...state.instrument },
    series: {
      ...rest,
      candles: candles.map((c) => [c.t, c.open, c.high, c.low, c.close, c.baseVolume, c.quoteVolume, c.takerBuyBase ?? null]),
      oi: openInterest.map((p) => [p.t, p.coin, p.usd]),
      depth: rest.depth ? { t: rest.depth.t, bids: rest.depth.bids.map((l) => [l[0], l[1]]), asks: rest.depth.asks.map((l) => [l[0], l[1]]) } : undefined,
      longShort: rest.longShort ? [...rest.longShort] : undefined,
    } as StoredEntry['series'],
  };
}

/** Decode a stored value, or null when it is not a valid entry (corrupt, older format). */
export function decodeEntry(raw: unknown): SourceState | null {
  const r = v.safeParse(stored, raw);
  if (!r.success) return null;
  const { candles, oi, ...rest } = r.output.series;
  return {
    instrument: r.output.instrument,
    instrumentAt: r.output.instrumentAt,
    ...(r.output.windowMs !== undefined ? { windowMs: r.output.windowMs } : {}),
    series: dropUndefined({
      ...rest,
      candles: candles.map(([t, open, high, low, close, baseVolume, quoteVolume, tb]): Candle => (tb === null ? { t, open, high, low, close, baseVolume, quoteVolume } : { t, open, high, low, close, baseVolume, quoteVolume, takerBuyBase: tb })),
      openInterest: oi.map(([t, coin, usd]): OpenInterestPoint => ({ t, coin, usd })),
    }),
  };
}

export class MarketStore {
  /** When each entry was last written (known from this worker's writes and reads). */
  private readonly saved = new Map<string, number>();
  constructor(private readonly area: StorageArea) {}

  /** Time the entry was last persisted, if known. */
  savedAt(exchange: Exchange, symbol: string): number | undefined {
    return this.saved.get(entryKey(exchange, symbol));
  }

  async load(exchange: Exchange, symbol: string, now = Date.now()): Promise<SourceState | null> {
    return (await this.loadChecked(exchange, symbol, now)).state;
  }

  /**
   * The entry checked like a network response (store-check.ts): absent → null; unusable → removed,
   * null and why; partly bad → the good part, the history from the first bad bar on to be re-fetched.
   */
  async loadChecked(exchange: Exchange, symbol: string, now: number): Promise<{ state: SourceState | null; dropped?: string; healed?: string }> {
    const key = entryKey(exchange, symbol);
    const got = await this.area.get(key);
    // Absent: no key, or (some storage areas, wxt's fake browser) the key with undefined. Never "unreadable".
    if (got[key] === undefined) return { state: null };
    const decoded = decodeEntry(got[key]);
    const checked: StoredCheck = !decoded
      ? { state: null, dropped: 'unreadable' }
      : decoded.series.exchange !== exchange || decoded.series.symbol !== symbol
        ? { state: null, dropped: 'for another market' }
        : checkStored(decoded, now);
    if (!checked.state) {
      await this.area.remove(key);
      return checked;
    }
    this.saved.set(key, (got[key] as { savedAt: number }).savedAt);
    return checked;
  }

  /** Validates the encoded entry before the single write; an invalid one is never stored. */
  async save(state: SourceState, now: number): Promise<void> {
    const entry = encodeEntry(state, now);
    if (!v.safeParse(stored, entry).success) throw new Error(`refusing to persist an invalid ${state.series.exchange} ${state.series.symbol} entry`);
    const key = entryKey(state.series.exchange, state.series.symbol);
    const index = await this.readIndex();
    index[key] = now;
    const byAge = Object.keys(index).sort((a, z) => index[z]! - index[a]!);
    await this.drop(index, byAge.slice(MAX_ENTRIES));
    // Entry and index in one set: both land or neither. A full store gives up its oldest other entries.
    for (;;) {
      try {
        await this.area.set({ [key]: entry, [INDEX_KEY]: index });
        break;
      } catch (err) {
        const oldest = Object.keys(index).filter((k) => k !== key).sort((a, z) => index[a]! - index[z]!)[0];
        if (!oldest || !/quota/i.test(String(err instanceof Error ? err.message : err))) throw err;
        await this.drop(index, [oldest]);
      }
    }
    this.saved.set(key, now);
  }

  private async drop(index: Record<string, number>, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    for (const k of keys) delete index[k];
    await this.area.remove([...keys]);
  }

  /** The index, or (first run, older version) one rebuilt once from the entries' own savedAt. */
  private async readIndex(): Promise<Record<string, number>> {
    const raw = (await this.area.get(INDEX_KEY))[INDEX_KEY];
    const isEntryKey = (k: string) => k.startsWith(STORE_PREFIX) && k.split(':').length === 4;
    if (raw && typeof raw === 'object') {
      return Object.fromEntries(Object.entries(raw).filter(([k, t]) => isEntryKey(k) && typeof t === 'number' && Number.isFinite(t)));
    }
    const all = await this.area.get(null);
    return Object.fromEntries(
      Object.entries(all)
        .filter(([k]) => isEntryKey(k))
        .map(([k, val]) => [k, typeof (val as { savedAt?: unknown })?.savedAt === 'number' ? (val as { savedAt: number }).savedAt : 0]),
    );
  }
}
