import { describe, expect, it } from 'vitest';
import { updateEntrySnapshot } from '../../src/alerts/entry-snapshot';
import { longPosition } from '../ui/make-analysis';

const ratio = (value: number) => ({ kind: 'ratio', value, band: 'neutral', profitUsd: value, riskUsd: 1 }) as const;

describe('entry-time LFR snapshot', () => {
  it('is taken when a position is first seen and kept while it stays the same', () => {
    let s = updateEntrySnapshot({}, 'x', longPosition(100_000), ratio(1.6));
    expect(s.x).toEqual({ positionKey: 'long@100000', lfr: 1.6 });
    s = updateEntrySnapshot(s, 'x', { ...longPosition(100_000), size: 0.5 }, ratio(0.7));
    expect(s.x?.lfr).toBe(1.6);
  });
  it('a new position replaces it; no position clears it; no ratio at entry is null', () => {
    let s = updateEntrySnapshot({}, 'x', longPosition(100_000), ratio(1.6));
    s = updateEntrySnapshot(s, 'x', longPosition(99_000), ratio(1.2));
    expect(s.x?.lfr).toBe(1.2);
    s = updateEntrySnapshot(s, 'x', null, ratio(1.2));
    expect(s.x).toBeUndefined();
    s = updateEntrySnapshot(s, 'x', longPosition(99_000), { kind: 'no-fuel' });
    expect(s.x?.lfr).toBeNull();
  });
  it('is not taken from an incomplete map, which also drops the snapshot of a previous position', () => {
    let s = updateEntrySnapshot({}, 'x', longPosition(100_000), ratio(0.6), false);
    expect(s.x).toBeUndefined();
    s = updateEntrySnapshot(s, 'x', longPosition(100_000), ratio(1.6));
    expect(s.x?.lfr).toBe(1.6);
    expect(updateEntrySnapshot(s, 'x', longPosition(100_000), ratio(0.6), false)).toBe(s);
    expect(updateEntrySnapshot(s, 'x', longPosition(99_000), ratio(0.6), false).x).toBeUndefined();
  });
});
