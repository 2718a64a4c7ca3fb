/**
 * Carries each exchange fetcher's rate-limit back-off and request budget across a service-worker restart
 * (a restarted worker must not hit a banned API early, nor spend a window its predecessor already
 * spent). The fetchers own the state; this only copies it in and out. Read back as untrusted: the
 * schema drops a malformed value, the fetcher clamps what remains.
 */
import * as v from 'valibot';
import type { Exchange } from '../engine/types';
import { EXCHANGES } from '../sites';
import type { Backoff } from '../sites/shared/backoff';
import type { BudgetSnapshot } from '../sites/shared/budget';
import type { MarketSource } from '../sites/shared/source';
import { BackoffSchema, type MetaStore } from './meta';

const KEY = 'backoff';
const BUDGET_KEY = 'budget';

const finite = v.pipe(v.number(), v.finite());
const BudgetSchema = v.record(
  v.string(),
  v.object({ entries: v.pipe(v.array(v.object({ end: finite, costs: v.array(finite), keys: v.array(v.string()) })), v.maxLength(5_000)) }),
);

/** No stored back-off is believed beyond this: the longest any exchange asks for is minutes (a 418 ban, hours at worst). */
export const MAX_STORED_BACKOFF_MS = 3_600_000;

/**
 * A stored back-off as the fetcher may take it: only for a registered exchange, only one still in force,
 * and never longer than MAX_STORED_BACKOFF_MS from now (a tampered store once read "retrying in 31535990 s").
 */
export function saneBackoff(b: Backoff, now: number): Backoff | null {
  if (!Number.isFinite(b.until) || b.until <= now) return null;
  const status = b.status !== undefined && Number.isInteger(b.status) && b.status >= 100 && b.status <= 599 ? { status: b.status } : {};
  // The exchange's rate-limit code (OKX 50011 in an HTTP 200 body) keeps its name across a restart.
  const code = b.code !== undefined && /^-?\d{1,8}$/.test(b.code) ? { code: b.code } : {};
  return { until: Math.min(b.until, now + MAX_STORED_BACKOFF_MS), ...status, ...code };
}

export async function restoreBackoffs(meta: MetaStore, sources: Record<Exchange, MarketSource>, now = Date.now()): Promise<void> {
  const saved = await meta.load(KEY, BackoffSchema).catch(() => null);
  for (const [ex, b] of Object.entries(saved ?? {})) {
    if (!(EXCHANGES as readonly string[]).includes(ex)) continue;
    const sane = saneBackoff(b, now);
    if (sane) sources[ex as Exchange].fetcher.restoreBackoff(sane);
  }
  const budgets = await meta.load(BUDGET_KEY, BudgetSchema).catch(() => null);
  for (const [ex, snap] of Object.entries(budgets ?? {})) sources[ex as Exchange]?.fetcher.restoreBudget(snap);
}

export async function saveBackoffs(meta: MetaStore, sources: Record<Exchange, MarketSource>, log?: (msg: string, err?: unknown) => void): Promise<void> {
  const out: Partial<Record<Exchange, Backoff>> = {};
  const budgets: Partial<Record<Exchange, BudgetSnapshot>> = {};
  for (const e of EXCHANGES) {
    const b = sources[e].fetcher.backoff();
    if (b) out[e] = b;
    const snap = sources[e].fetcher.budgetSnapshot();
    if (snap.entries.length > 0) budgets[e] = snap;
  }
  await meta.save(KEY, out).catch((err) => log?.('could not save back-offs', err));
  await meta.save(BUDGET_KEY, budgets).catch((err) => log?.('could not save request budgets', err));
}
