/**
 * Manual positions and hedge picks, per exchange + symbol, in browser.storage.local. What is read back is
 * validated again (storage is not trusted); a broken entry is ignored, never half-used.
 */
import type { Exchange, Position, Side, Symbol } from '../engine/types';
import { positionIssue } from '../engine/position-check';

export interface ManualStore {
  load(exchange: Exchange, symbol: Symbol): Promise<Position | null>;
  save(position: Position): Promise<void>;
  clear(exchange: Exchange, symbol: Symbol): Promise<void>;
  loadHedgePick(exchange: Exchange, symbol: Symbol): Promise<Side | null>;
  saveHedgePick(exchange: Exchange, symbol: Symbol, side: Side | null): Promise<void>;
  /** Calls `cb` when any manual entry or pick changes (e.g. saved from another tab). Returns unsubscribe. */
  subscribe(cb: (exchange: Exchange, symbol: Symbol) => void): () => void;
}

export const MANUAL_PREFIX = 'manualPosition:';
export const HEDGE_PREFIX = 'hedgePick:';
export const manualKey = (exchange: Exchange, symbol: Symbol) => `${MANUAL_PREFIX}${exchange}:${symbol.toUpperCase()}`;
export const hedgeKey = (exchange: Exchange, symbol: Symbol) => `${HEDGE_PREFIX}${exchange}:${symbol.toUpperCase()}`;

/** Which exchange ids the store answers for: the registry's (extension pages) or the content script's own. */
export type KnownExchange = (id: string) => id is Exchange;

function parseKey(key: string, known: KnownExchange): { exchange: Exchange; symbol: Symbol } | null {
  const m = /^(?:manualPosition|hedgePick):([a-z0-9]+):([A-Z0-9]+)$/.exec(key);
  return m && known(m[1]!) ? { exchange: m[1], symbol: m[2]! } : null;
}

/** The minimal storage surface used (browser.storage.local fits it). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ChangeSource {
  addListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
  removeListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
}

/**
 * A position as stored (numbers only, as the form saved it) or the reason it is not one. The form's own
 * field-by-field wording is for typed text (src/position/manual-entry.ts); storage needs only the engine's
 * position check, which the content script carries anyway.
 */
export function storedPosition(raw: unknown, exchange: Exchange, symbol: Symbol): { position: Position } | { error: string } {
  if (!raw || typeof raw !== 'object') return { error: 'not an object' };
  const { side, entry, size, leverage, marginMode, liqPrice } = raw as Record<string, unknown>;
  if (marginMode !== 'cross' && marginMode !== 'isolated') return { error: 'margin mode must be cross or isolated' };
  // A liquidation price of 0 or none is "not known" (the form's convention).
  const liq = liqPrice === undefined || liqPrice === null || liqPrice === 0 ? undefined : liqPrice;
  const position = { exchange, symbol, side, entry, size, leverage, marginMode, source: 'manual', ...(liq !== undefined ? { liqPrice: liq } : {}) } as Position;
  const problem = positionIssue(position);
  return problem ? { error: problem.message } : { position };
}

export function createManualStore(known: KnownExchange, area: KeyValueArea, changes?: ChangeSource): ManualStore {
  return {
    async load(exchange, symbol) {
      const key = manualKey(exchange, symbol);
      const raw = (await area.get(key))[key];
      const r = storedPosition(raw, exchange, symbol.toUpperCase());
      return 'position' in r ? r.position : null;
    },
    async save(position) {
      const { exchange, symbol, side, entry, size, leverage, marginMode, liqPrice } = position;
      const r = storedPosition({ side, entry, size, leverage, marginMode, liqPrice }, exchange, symbol);
      if ('error' in r) throw new Error(`manual position for ${exchange} ${symbol}: ${r.error}`);
      await area.set({ [manualKey(exchange, symbol)]: r.position });
    },
    async clear(exchange, symbol) {
      await area.remove(manualKey(exchange, symbol));
    },
    async loadHedgePick(exchange, symbol) {
      const key = hedgeKey(exchange, symbol);
      const v = (await area.get(key))[key];
      return v === 'long' || v === 'short' ? v : null;
    },
    async saveHedgePick(exchange, symbol, side) {
      if (side === null) await area.remove(hedgeKey(exchange, symbol));
      else await area.set({ [hedgeKey(exchange, symbol)]: side });
    },
    subscribe(cb) {
      if (!changes) return () => {};
      const listener = (c: Record<string, unknown>, areaName: string) => {
        if (areaName !== 'local') return;
        for (const key of Object.keys(c)) {
          const k = parseKey(key, known);
          if (k) cb(k.exchange, k.symbol);
        }
      };
      changes.addListener(listener);
      return () => changes.removeListener(listener);
    },
  };
}

/** The store over the extension's browser.storage.local. */
export function browserManualStore(known: KnownExchange): ManualStore {
  return createManualStore(known, browser.storage.local as unknown as KeyValueArea, browser.storage.onChanged as unknown as ChangeSource);
}

/** An in-memory store (tests, and pages where storage is unavailable). */
export function memoryManualStore(known: KnownExchange): ManualStore {
  const data = new Map<string, unknown>();
  const listeners = new Set<(c: Record<string, unknown>, area: string) => void>();
  const notify = (key: string) => listeners.forEach((l) => l({ [key]: {} }, 'local'));
  return createManualStore(
    known,
    {
      get: async (key) => (data.has(key) ? { [key]: data.get(key) } : {}),
      set: async (items) => {
        for (const [k, v] of Object.entries(items)) {
          data.set(k, structuredClone(v));
          notify(k);
        }
      },
      remove: async (key) => {
        data.delete(key);
        notify(key);
      },
    },
    { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  );
}
