/**
 * Carries each exchange fetcher's rate-limit back-off across a service-worker restart (a restarted
 * worker must not hit a banned API early). The fetchers own the state; this only copies it in and out.
 */
import type { Exchange } from '../engine/types';
import { EXCHANGES } from '../sites';
import type { Backoff } from '../sites/shared/backoff';
import type { MarketSource } from '../sites/shared/source';
import { BackoffSchema, type MetaStore } from './meta';

const KEY = 'backoff';

export async function restoreBackoffs(meta: MetaStore, sources: Record<Exchange, MarketSource>): Promise<void> {
  const saved = await meta.load(KEY, BackoffSchema).catch(() => null);
  for (const [ex, b] of Object.entries(saved ?? {})) sources[ex as Exchange]?.fetcher.restoreBackoff(b);
}

export async function saveBackoffs(meta: MetaStore, sources: Record<Exchange, MarketSource>, log?: (msg: string, err?: unknown) => void): Promise<void> {
  const out: Partial<Record<Exchange, Backoff>> = {};
  for (const e of EXCHANGES) {
    const b = sources[e].fetcher.backoff();
    if (b) out[e] = b;
  }
  await meta.save(KEY, out).catch((err) => log?.('could not save back-offs', err));
}
