/**
 * Persistence of the market cache in browser.storage.local, so a restarted service worker answers at
 * once. One key per (exchange, symbol), written with a single `set` of a complete, validated entry:
 * a write either lands whole or not at all, and an entry that does not validate on read is ignored
 * (and removed) rather than half-used. Candles and OI are stored as number tuples (about half the
 * size of objects); 7 days × 4 exchanges × a few symbols stays well inside the 10 MB quota, and the
 * least recently saved entries beyond MAX_ENTRIES are evicted.
 */
import * as v from 'valibot';
import { EXCHANGES, type Candle, type Exchange, type OpenInterestPoint } from '../engine/types';
import type { SourceState } from '../sites/shared/source';
import { dropUndefined } from '../sites/shared/util';

export const STORE_PREFIX = 'market:v1:';
export const MAX_ENTRIES = 12;

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

  async load(exchange: Exchange, symbol: string): Promise<SourceState | null> {
    const key = entryKey(exchange, symbol);
    const got = await this.area.get(key);
    if (!(key in got)) return null;
    const state = decodeEntry(got[key]);
    if (!state || state.series.exchange !== exchange || state.series.symbol !== symbol) {
      await this.area.remove(key);
      return null;
    }
    this.saved.set(key, (got[key] as { savedAt: number }).savedAt);
    return state;
  }

  /** Validates the encoded entry before the single write; an invalid one is never stored. */
  async save(state: SourceState, now: number): Promise<void> {
    const entry = encodeEntry(state, now);
    if (!v.safeParse(stored, entry).success) throw new Error(`refusing to persist an invalid ${state.series.exchange} ${state.series.symbol} entry`);
    const key = entryKey(state.series.exchange, state.series.symbol);
    await this.area.set({ [key]: entry });
    this.saved.set(key, now);
    await this.evict();
  }

  private async evict(): Promise<void> {
    const all = await this.area.get(null);
    const entries = Object.entries(all)
      .filter(([k]) => k.startsWith(STORE_PREFIX) && k.split(':').length === 4)
      .map(([k, val]) => ({ k, savedAt: typeof (val as { savedAt?: unknown })?.savedAt === 'number' ? (val as { savedAt: number }).savedAt : 0 }))
      .sort((a, z) => z.savedAt - a.savedAt);
    const stale = entries.slice(MAX_ENTRIES).map((e) => e.k);
    if (stale.length > 0) await this.area.remove(stale);
  }
}
