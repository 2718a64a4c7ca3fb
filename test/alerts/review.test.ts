// The 4-hourly review (issue 15 item 4): numbers hand-checked against the small hand-made analyses, and the
// schedule driven by a fake clock through the notifier, with fake browser storage (a restart = a new notifier).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { composeReview, marketContext, snapshotOf, swept, type ReviewSnapshot } from '../../src/alerts/review';
import { createReviewNotifier, REVIEW_STATE_KEY } from '../../src/alerts/review-notifier';
import type { Analysis, Position } from '../../src/engine/types';
import type { MarketView } from '../../src/messaging';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { cluster, makeAnalysis } from '../ui/make-analysis';

const LONG: Position = { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry: 100_000, size: 0.5, leverage: 10, marginMode: 'cross', source: 'page' };
const ratio = (value: number): Analysis['lfr'] => ({ kind: 'ratio', value, band: value < 1 ? 'adverse' : value < 1.5 ? 'neutral' : 'favourable', profitUsd: value * 10e6, riskUsd: 10e6 });
const CTX = { fundingPer8hPct: 0.01, oiUsd: 10e9 };

function view(reference: number, lfr = 1.714, clusters?: ReturnType<typeof cluster>[]): MarketView {
  return { exchange: 'binance', symbol: 'BTCUSDT', state: 'ok', analysis: makeAnalysis({ reference, position: LONG, lfr: ratio(lfr), clusters }), health: {}, asOf: 0 };
}

describe('review: what changed, and the one decision', () => {
  const entry = snapshotOf(makeAnalysis({ reference: 100_000, position: LONG, lfr: ratio(1.2) }), CTX, 0);

  it('snapshots the nearest cluster each side (the hand-made map: shorts 101,000–101,500 above, longs 98,500–99,000 below)', () => {
    expect(entry.profit).toEqual({ low: 101_000, high: 101_500, centre: 101_250, usd: 30_000_000 });
    expect(entry.risk).toEqual({ low: 98_500, high: 99_000, centre: 98_750, usd: 20_000_000 });
    expect(entry.lfr).toBe(1.2);
  });

  it('a cluster is swept when price reached its far edge', () => {
    expect(swept(entry.risk!, 100_000, { low: 98_600, high: 100_000 })).toBe(false);
    expect(swept(entry.risk!, 100_000, { low: 98_500, high: 100_000 })).toBe(true);
    expect(swept(entry.profit!, 100_000, { low: 100_000, high: 101_499 })).toBe(false);
    expect(swept(entry.profit!, 100_000, { low: 100_000, high: 101_500 })).toBe(true);
  });

  it('LFR falling below 1 since entry leads, with the stop; the lines carry LFR, clusters, funding and OI', () => {
    const now: ReviewSnapshot = { ...snapshotOf(makeAnalysis({ reference: 99_500, position: LONG, lfr: ratio(0.85) }), { fundingPer8hPct: 0.0125, oiUsd: 10.5e9 }, 4 * 3_600_000) };
    const r = composeReview({ position: LONG, atEntry: entry, last: entry, now, seen: { low: 99_200, high: 100_100 }, stop: 98_105 });
    expect(r.decision).toBe('LFR fell below 1.0 since entry: consider partial profit or a tighter stop (suggested stop 98,105.0).');
    expect(r.title).toBe('BTCUSDT long: 4 h review, price 99,500.0 (0.5 % against you)');
    expect(r.lines[0]).toBe('LFR 0.85 now, 1.20 at entry.');
    expect(r.lines).toContain('Funding +0.013 % per 8 h (longs pay).');
    // 10.5e9 vs 10e9: +5.0 %.
    expect(r.lines).toContain('Open interest $10.5B, +5.0 % since the last review.');
  });

  it('a swept risk cluster says so, names the next one, and asks to re-check the stop', () => {
    const after = makeAnalysis({ reference: 98_400, position: LONG, lfr: ratio(1.1), clusters: [cluster('short', 101_000, 101_500, 30e6, 98_400), cluster('long', 96_000, 96_500, 10e6, 98_400)] });
    const now = snapshotOf(after, CTX, 4 * 3_600_000);
    const r = composeReview({ position: LONG, atEntry: entry, last: entry, now, seen: { low: 98_300, high: 100_000 }, stop: 95_700 });
    expect(r.decision).toBe('The cluster against you was swept: its fuel is spent; re-check your stop (suggested stop 95,700.0).');
    expect(r.lines[1]).toBe('Nearest against you: 98,500.0–99,000.0 (est. $20.0M) was swept; next 96,000.0–96,500.0 (est. $10.0M).');
  });

  it('a moved cluster is reported as moved; a quiet market calls for no action', () => {
    const shifted = makeAnalysis({ reference: 100_000, position: LONG, lfr: ratio(1.3), clusters: [cluster('short', 101_000, 101_500, 30e6), cluster('long', 98_000, 98_400, 25e6)] });
    const r = composeReview({ position: LONG, atEntry: entry, last: entry, now: snapshotOf(shifted, CTX, 4 * 3_600_000), seen: { low: 99_900, high: 100_100 }, stop: null });
    expect(r.decision).toBe('No change that calls for action.');
    expect(r.lines[1]).toBe('Nearest against you: moved from 98,500.0–99,000.0 (est. $20.0M) to 98,000.0–98,400.0 (est. $25.0M).');
    expect(r.lines[2]).toBe('Nearest in your favour: 101,000.0–101,500.0 (est. $30.0M), unchanged.');
  });

  it('market context: OI-weighted funding per 8 h, total OI; unknown when no series says', () => {
    // 0.01 % per 8 h on $3B and 0.02 % per 4 h (0.04 % per 8 h) on $1B → (0.01·3 + 0.04·1) / 4 = 0.0175 %.
    const c = marketContext([
      { funding: { rate: 0.0001, intervalHours: 8 }, openInterest: [{ usd: 1 }, { usd: 3e9 }] },
      { funding: { rate: 0.0002, intervalHours: 4 }, openInterest: [{ usd: 1e9 }] },
    ]);
    expect(c.oiUsd).toBe(4e9);
    expect(c.fundingPer8hPct).toBeCloseTo(0.0175, 10);
    expect(marketContext([{ openInterest: [] }])).toEqual({ fundingPer8hPct: null, oiUsd: null });
  });
});

describe('review schedule (fake clock)', () => {
  let notes: { id: string; title: string; message: string }[];
  beforeEach(() => {
    fakeBrowser.reset();
    notes = [];
    (fakeBrowser as any).notifications.create = vi.fn(async (id: string, o: { title: string; message: string }) => {
      notes.push({ id, title: o.title, message: o.message });
      return id;
    });
  });
  const H = 3_600_000;

  it('one notification every 4 h while the position is open; none before; a restart keeps the schedule', async () => {
    let t = 1_000_000;
    const make = () => createReviewNotifier({ now: () => t, settings: async () => DEFAULT_SETTINGS, context: async () => CTX });
    let n = make();
    expect(await n.onView(view(100_000, 1.2))).toBeNull(); // entry snapshot
    for (const h of [1, 2, 3, 3.99]) {
      t = 1_000_000 + h * H;
      expect(await n.onView(view(99_800, 1.1))).toBeNull();
    }
    n = make(); // service worker restarted
    t = 1_000_000 + 4 * H;
    const r = await n.onView(view(99_500, 0.85));
    expect(r?.decision).toMatch(/^LFR fell below 1\.0 since entry/);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message.split('\n')[0]).toBe(r!.decision);
    t += 1 * H;
    expect(await n.onView(view(99_500, 0.85))).toBeNull();
    t = 1_000_000 + 8 * H;
    expect(await n.onView(view(99_500, 0.85))).not.toBeNull();
    expect(notes).toHaveLength(2);
  });

  it('the price range between reviews catches a sweep that price came back from', async () => {
    let t = 0;
    const n = createReviewNotifier({ now: () => t, settings: async () => DEFAULT_SETTINGS, context: async () => CTX });
    await n.onView(view(100_000));
    t = 1 * H;
    await n.onView(view(98_450)); // through the 98,500–99,000 long cluster's far edge
    t = 4 * H;
    const r = await n.onView(view(100_000));
    expect(r?.decision).toMatch(/^The cluster against you was swept/);
  });

  it('off in settings, no position, or a stale map: nothing is sent', async () => {
    let t = 0;
    const off = { ...DEFAULT_SETTINGS, alerts: { ...DEFAULT_SETTINGS.alerts, review: false } };
    const n = createReviewNotifier({ now: () => t, settings: async () => off, context: async () => CTX });
    await n.onView(view(100_000));
    t = 5 * H;
    expect(await n.onView(view(100_000))).toBeNull();
    const on = createReviewNotifier({ now: () => t, settings: async () => DEFAULT_SETTINGS, context: async () => CTX });
    const planned: MarketView = { ...view(100_000), analysis: makeAnalysis({ reference: 100_000 }) };
    expect(await on.onView(planned)).toBeNull();
    expect(await on.onView({ ...view(100_000), state: 'stale' })).toBeNull();
    expect(notes).toEqual([]);
  });

  it('tampered state is dropped, never trusted (a due time a year ahead restarts the schedule)', async () => {
    let t = 10 * H;
    await fakeBrowser.storage.local.set({ [REVIEW_STATE_KEY]: { 'binance:BTCUSDT:long:100000': { atEntry: { t: 0, price: 'x' }, nextAt: t + 365 * 24 * H }, junk: 42 } });
    const n = createReviewNotifier({ now: () => t, settings: async () => DEFAULT_SETTINGS, context: async () => CTX });
    expect(await n.onView(view(100_000))).toBeNull(); // a fresh entry snapshot
    const stored = (await fakeBrowser.storage.local.get(REVIEW_STATE_KEY))[REVIEW_STATE_KEY] as Record<string, { nextAt: number }>;
    expect(Object.keys(stored)).toEqual(['binance:BTCUSDT:long:100000']);
    expect(stored['binance:BTCUSDT:long:100000']!.nextAt).toBe(t + 4 * H);
    t += 4 * H;
    expect(await n.onView(view(100_000))).not.toBeNull();
  });
});
