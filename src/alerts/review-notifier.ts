/**
 * Service-worker wiring of the 4-hourly review (./review.ts): on every view the hub publishes (its refresh
 * alarm runs at least once a minute while a trading tab watches), each open position is looked at; the
 * first look is its entry snapshot, and once 4 hours have passed since the last review one notification
 * goes out. The state is in storage, so a restarted service worker or browser keeps the schedule; what is
 * read back is checked like any untrusted input, and a bad entry starts over.
 */
import { browser } from 'wxt/browser';
import { positionKey } from '../market/entry-lfr';
import type { MarketView } from '../messaging';
import { loadSettings, type Settings } from '../settings';
import { composeReview, REVIEW_EVERY_MS, snapshotOf, type MarketContext, type PriceRange, type Review, type ReviewSnapshot } from './review';

export const REVIEW_STATE_KEY = 'review:state';
/** Positions followed at once; the least recently seen is dropped first. */
const LIMIT = 50;
/** A position not seen for this long is taken as closed and forgotten. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

interface Entry {
  atEntry: ReviewSnapshot;
  last: ReviewSnapshot;
  seen: PriceRange;
  nextAt: number;
  seenAt: number;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const nullableFinite = (x: unknown) => x === null || finite(x);
const isRef = (x: unknown) => x === null || (typeof x === 'object' && ['low', 'high', 'centre', 'usd'].every((k) => finite((x as Record<string, unknown>)[k])));
function isSnapshot(x: unknown): x is ReviewSnapshot {
  const s = x as Record<string, unknown> | null;
  return !!s && typeof s === 'object' && finite(s.t) && finite(s.price) && s.price > 0 && nullableFinite(s.lfr) && isRef(s.profit) && isRef(s.risk) && nullableFinite(s.fundingPer8hPct) && nullableFinite(s.oiUsd);
}
/** A stored entry as written by this module, or null (tampered, or from another version). */
export function checkEntry(x: unknown, now: number): Entry | null {
  const e = x as Record<string, unknown> | null;
  if (!e || typeof e !== 'object' || !isSnapshot(e.atEntry) || !isSnapshot(e.last) || !finite(e.nextAt) || !finite(e.seenAt)) return null;
  const seen = e.seen as Record<string, unknown> | null;
  if (!seen || !finite(seen.low) || !finite(seen.high) || seen.low > seen.high) return null;
  // A due time more than one period ahead cannot have been written by us: start the schedule over.
  if (e.nextAt > now + REVIEW_EVERY_MS) return null;
  return e as unknown as Entry;
}

export interface ReviewDeps {
  now?: () => number;
  settings?: () => Promise<Settings>;
  /** Funding and open interest for the view's market (from the hub's series). */
  context: (view: MarketView) => Promise<MarketContext>;
}

export function createReviewNotifier({ now = () => Date.now(), settings = loadSettings, context }: ReviewDeps) {
  let chain: Promise<unknown> = Promise.resolve();

  async function look(view: MarketView): Promise<Review | null> {
    const a = view.analysis;
    const position = a?.position;
    // Only a complete, current map is compared: a stale or half-loaded one would report changes that are not there.
    if (!a || !position || (view.state !== 'ok' && view.state !== 'partial')) return null;
    if (Object.values(view.health).some((h) => h?.state === 'loading')) return null;
    if (!(await settings()).alerts.review) return null;
    const t = now();
    const key = positionKey(position);
    const raw = ((await browser.storage.local.get(REVIEW_STATE_KEY))[REVIEW_STATE_KEY] ?? {}) as Record<string, unknown>;
    const state: Record<string, Entry> = {};
    for (const [k, v] of Object.entries(typeof raw === 'object' && raw !== null ? raw : {})) {
      const e = checkEntry(v, t);
      if (e && t - e.seenAt < FORGET_AFTER_MS) state[k] = e;
    }
    const snap = snapshotOf(a, await context(view), t);
    const price = snap.price;
    let review: Review | null = null;
    const e = state[key];
    if (!e) {
      state[key] = { atEntry: snap, last: snap, seen: { low: price, high: price }, nextAt: t + REVIEW_EVERY_MS, seenAt: t };
    } else {
      const seen = { low: Math.min(e.seen.low, price), high: Math.max(e.seen.high, price) };
      if (t >= e.nextAt) {
        review = composeReview({ position, atEntry: e.atEntry, last: e.last, now: snap, seen, stop: a.stop.kind === 'stop' ? a.stop.price : null });
        // After a long sleep (browser closed) the next review is 4 h from now, not a burst of missed ones.
        state[key] = { ...e, last: snap, seen: { low: price, high: price }, nextAt: t + REVIEW_EVERY_MS, seenAt: t };
      } else {
        state[key] = { ...e, seen, seenAt: t };
      }
    }
    const kept = Object.entries(state).sort((x, y) => x[1].seenAt - y[1].seenAt).slice(-LIMIT);
    // Saved before the notification: a worker stopped in between never sends the same review twice.
    await browser.storage.local.set({ [REVIEW_STATE_KEY]: Object.fromEntries(kept) });
    if (review) {
      await browser.notifications
        .create(`liqlens-review:${key}:${t}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: review.title,
          message: [review.decision, ...review.lines].join('\n'),
          priority: 1,
        })
        .catch((err: unknown) => console.warn('[liqlens] review notification failed', err));
    }
    return review;
  }

  return {
    /** Looks at one published view; returns the review it sent, if one was due. */
    onView(view: MarketView): Promise<Review | null> {
      const run = chain.then(() => look(view));
      chain = run.catch((err: unknown) => console.warn('[liqlens] review failed', err));
      return run;
    },
  };
}
