/**
 * Health, per exchange and overall (pure). An exchange whose last refresh failed drops out of the
 * aggregate ("partial"); when every enabled exchange fails, the last good map is kept and shown with
 * its age ("stale"). Reasons are short sentences for the overlay and popup badges.
 */
import type { Exchange } from '../engine/types';
import type { ExchangeHealth, MarketView } from '../messaging';

/** What the hub knows about one exchange for one symbol. */
export interface ExchangeStatus {
  /** Time of the last successful load (ms), if any. */
  fetchedAt?: number;
  /** Set when the last attempt failed; cleared by a success. */
  error?: string;
  loading: boolean;
  /** Time of the last attempt, successful or not (throttles retries). */
  attemptAt?: number;
  /** Bitget: its polled OI does not yet cover the window. */
  oiPartial: boolean;
  /** Where the window coverage stands for partial OI, e.g. "OI history 2 h of 7 d". */
  partialReason?: string;
  /** The exchange does not list the symbol: a lasting fact, not a failure (left out, retried rarely). */
  unlisted?: string;
  /** The last load skipped bad bars at the client's edge (health-notes.ts words it): the exchange is partial. */
  skippedNote?: string;
  /** What the cache healed on read (dropped and re-fetched), counted: shown beside an otherwise ok state. */
  cacheNote?: string;
}

export function exchangeHealth(s: ExchangeStatus | undefined, enabled: boolean): ExchangeHealth {
  if (!enabled) return { state: 'off' };
  if (s?.unlisted) return { state: 'off', reason: s.unlisted };
  if (!s || (s.fetchedAt === undefined && !s.error)) return { state: 'loading' };
  const at = s.fetchedAt !== undefined ? { fetchedAt: s.fetchedAt } : {};
  if (s.error) return s.fetchedAt !== undefined ? { state: 'stale', reason: s.error, ...at } : { state: 'error', reason: s.error };
  const notes = [s.skippedNote, s.oiPartial ? (s.partialReason ?? 'open-interest history still building') : undefined, s.cacheNote].filter((x): x is string => !!x);
  if (s.skippedNote || s.oiPartial) return { state: 'partial', reason: notes.join('; '), ...at };
  return { state: 'ok', ...(s.cacheNote ? { reason: s.cacheNote } : {}), ...at };
}

/** True when the exchange's data goes into the aggregate: loaded and its last refresh succeeded. */
export function usable(h: ExchangeHealth): boolean {
  return h.state === 'ok' || h.state === 'partial';
}

export interface Overall {
  state: MarketView['state'];
  reason?: string;
}

/**
 * Overall state from the enabled exchanges' health: ok when all are usable, partial when some are,
 * stale when none are but a last good map exists, loading while something is still on its first load,
 * else error.
 */
export function overallState(health: Partial<Record<Exchange, ExchangeHealth>>, hasLastGood: boolean): Overall {
  const all = Object.entries(health) as [Exchange, ExchangeHealth][];
  const enabled = all.filter(([, h]) => h.state !== 'off');
  if (enabled.length === 0) {
    const unlisted = all.filter(([, h]) => h.reason).map(([, h]) => h.reason);
    return { state: 'error', reason: unlisted.length > 0 ? unlisted.join('; ') : 'All exchanges are turned off in the options.' };
  }
  const good = enabled.filter(([, h]) => usable(h));
  const bad = enabled.filter(([, h]) => !usable(h));
  const describe = (list: [Exchange, ExchangeHealth][]) =>
    list.map(([e, h]) => (h.state === 'loading' ? `${e} still loading` : `${e}: ${h.reason ?? h.state}`)).join('; ');
  if (bad.length === 0) return { state: 'ok' };
  if (good.length > 0) return { state: 'partial', reason: `Map without ${describe(bad)}` };
  if (hasLastGood) return { state: 'stale', reason: `All exchanges failing: ${describe(bad)}` };
  if (bad.some(([, h]) => h.state === 'loading')) return { state: 'loading' };
  return { state: 'error', reason: `No market data: ${describe(bad)}` };
}
