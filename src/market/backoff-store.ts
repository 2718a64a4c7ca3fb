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

export async function restoreBackoffs(meta: MetaStore, sources: Record<Exchange, MarketSource>): Promise<void> {
  const saved = await meta.load(KEY, BackoffSchema).catch(() => null);
  for (const [ex, b] of Object.entries(saved ?? {})) sources[ex as Exchange]?.fetcher.restoreBackoff(b);
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
