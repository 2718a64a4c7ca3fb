// The one entry-LFR book (hub, panel, popup and alerts all read it). Carries over the assertions of the
// former alerts/entry-snapshot test, stated as what lookup() returns.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Analysis, FuelRatio } from '../../src/engine/types';
import { ENTRY_LFR_LIMIT, EntryLfrBook } from '../../src/market/entry-lfr';
import { MetaStore } from '../../src/market/meta';
import type { StorageArea } from '../../src/market/store';
import { longPosition } from '../ui/make-analysis';

const ratio = (value: number): FuelRatio => ({ kind: 'ratio', value, band: 'neutral', profitUsd: value, riskUsd: 1 });
const map = (lfr: FuelRatio) => ({ lfr }) as Analysis;
const meta = () => new MetaStore(fakeBrowser.storage.local as unknown as StorageArea);

beforeEach(() => fakeBrowser.reset());

describe('entry-LFR book', () => {
  it('is taken when a position is first seen and kept while it stays the same (a size change keeps it)', () => {
    const b = new EntryLfrBook();
    expect(b.lookup(longPosition(100_000), map(ratio(1.6)))).toBe(1.6);
    expect(b.lookup({ ...longPosition(100_000), size: 0.5 }, map(ratio(0.7)))).toBe(1.6);
  });

  it('a new position has its own; no position has none; no ratio at entry is null', () => {
    const b = new EntryLfrBook();
    b.lookup(longPosition(100_000), map(ratio(1.6)));
    expect(b.lookup(longPosition(99_000), map(ratio(1.2)))).toBe(1.2);
    expect(b.lookup(null, map(ratio(1.2)))).toBeNull();
    expect(b.lookup({ ...longPosition(98_000), side: 'short' }, map({ kind: 'no-fuel' }))).toBeNull();
    expect(b.lookup({ ...longPosition(98_000), side: 'short' }, map(ratio(2)))).toBeNull(); // taken already: null
  });

  it('is not taken from an incomplete map (null analysis); the first complete one is the entry', () => {
    const b = new EntryLfrBook();
    expect(b.lookup(longPosition(100_000), null)).toBeNull();
    expect(b.lookup(longPosition(100_000), map(ratio(1.6)))).toBe(1.6);
    expect(b.lookup(longPosition(100_000), null)).toBe(1.6);
    expect(b.lookup(longPosition(99_000), null)).toBeNull();
  });

  it('persists under one key and is restored by a new book (a restarted service worker)', async () => {
    const m = meta();
    new EntryLfrBook(m).lookup(longPosition(100_000), map(ratio(1.8)));
    await expect.poll(async () => Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['market-meta:entry-lfr']);
    const b = new EntryLfrBook(m);
    await b.restore();
    expect(b.lookup(longPosition(100_000), map(ratio(0.7)))).toBe(1.8);
  });

  it('keeps the most recent positions only', () => {
    const b = new EntryLfrBook();
    for (let i = 0; i <= ENTRY_LFR_LIMIT; i++) b.lookup(longPosition(100_000 + i), map(ratio(1)));
    // The first position was forgotten: seen again, it takes the current LFR.
    expect(b.lookup(longPosition(100_000), map(ratio(2)))).toBe(2);
    expect(b.lookup(longPosition(100_000 + ENTRY_LFR_LIMIT), map(ratio(3)))).toBe(1);
  });
});
