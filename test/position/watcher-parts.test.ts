// The watcher's pure parts on their own (the wiring is covered by watcher.test.ts).
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Position } from '../../src/engine/types';
import { dedupe } from '../../src/position/dedupe';
import { chooseLeg, legNotional } from '../../src/position/hedge';
import { resolveState } from '../../src/position/precedence';
import { readScheduler } from '../../src/position/read-scheduler';

const long: Position = { exchange: 'bybit', symbol: 'BTCUSDT', side: 'long', entry: 100, size: 1, leverage: 10, marginMode: 'cross', source: 'page' };
const short: Position = { ...long, side: 'short', entry: 101 };

describe('precedence', () => {
  test('manual beats the page, which is still summarised', () => {
    const manual = { ...long, entry: 90, source: 'manual' as const };
    const s = resolveState('bybit', 'BTCUSDT', { kind: 'position', position: long, strategy: 'table' }, manual, null);
    expect(s).toMatchObject({ position: manual, source: 'manual', pageRead: 'position' });
    expect(s.health).toMatch(/^manual entry \(clear it to use the page\); page: .* via table$/);
  });
  test('hedge mode: the larger notional until picked, then the picked side with its mark', () => {
    const read = { kind: 'hedge' as const, positions: [long, short], marks: [100.5, 100.6], strategy: 'table' };
    // Equal sizes: the short's mark makes it the larger notional (1 × 100.6 > 1 × 100.5).
    expect(resolveState('bybit', 'BTCUSDT', read, null, null)).toMatchObject({ position: short, source: 'page', hedgePick: 'short', hedgePickReason: 'larger', mark: 100.6 });
    expect(resolveState('bybit', 'BTCUSDT', read, null, 'long')).toMatchObject({ position: long, source: 'page', hedgePick: 'long', hedgePickReason: 'picked', mark: 100.5 });
    expect(resolveState('bybit', 'BTCUSDT', read, null, 'short')).toMatchObject({ position: short, source: 'page', hedgePick: 'short', mark: 100.6 });
  });
  test('hedge mode never reports no position: a pick whose leg has closed falls back to the larger leg', () => {
    const bigLong = { ...long, size: 3 };
    const read = { kind: 'hedge' as const, positions: [short, bigLong, { ...long, size: 0.5 }], marks: [undefined, undefined, undefined], strategy: 'table' };
    const s = resolveState('bybit', 'BTCUSDT', read, null, null);
    expect(s).toMatchObject({ position: bigLong, source: 'page', hedgePick: 'long', hedgePickReason: 'larger' });
    expect(s.health).toMatch(/^page \(hedge mode: short and long and long open; long shown, the larger notional\): table$/);
    // Two long legs and the user picked long: the larger of them.
    expect(resolveState('bybit', 'BTCUSDT', read, null, 'long').position).toBe(bigLong);
  });
  test('chooseLeg: notional is size × mark, else × entry; ties keep the page order', () => {
    const a = { ...long, size: 1, entry: 100 };
    const b = { ...short, size: 1, entry: 100 };
    expect(chooseLeg([a, b], [undefined, undefined], null)).toEqual({ index: 0, reason: 'larger' });
    expect(chooseLeg([a, b], [undefined, 100.1], null)).toEqual({ index: 1, reason: 'larger' });
    expect(chooseLeg([a, { ...b, size: 2 }], [Number.NaN, undefined], null)).toEqual({ index: 1, reason: 'larger' });
    expect(chooseLeg([a, b], [undefined, undefined], 'short')).toEqual({ index: 1, reason: 'picked' });
    expect(legNotional(a, 0)).toBe(100);
  });
  test('none keeps the draft for the manual form', () => {
    const s = resolveState('bybit', 'BTCUSDT', { kind: 'invalid', reason: 'size in contracts', draft: { entry: 100 } }, null, null);
    expect(s).toEqual({ exchange: 'bybit', symbol: 'BTCUSDT', position: null, source: 'none', health: 'position not used: size in contracts', pageRead: 'invalid', reason: 'size in contracts', draft: { entry: 100 } });
  });
});

describe('read scheduler', () => {
  afterEach(() => vi.useRealTimers());
  test('debounces, but reads at most maxWait after the first pending mutation', () => {
    vi.useFakeTimers();
    const start = Date.now();
    let at = -1;
    const run = vi.fn(() => void (at = Date.now() - start));
    const s = readScheduler(run, 60, 180);
    for (let t = 0; t < 400; t += 40) {
      s.schedule();
      vi.advanceTimersByTime(40);
      if (run.mock.calls.length) break;
    }
    // Mutations every 40 ms never leave 60 ms of quiet: the max wait reads at 180 ms.
    expect(run).toHaveBeenCalledTimes(1);
    expect(at).toBe(180);
    s.schedule();
    s.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('dedupe', () => {
  test('reports only changes', () => {
    const seen: unknown[] = [];
    const d = dedupe((s) => seen.push(s));
    const s = resolveState('bybit', 'BTCUSDT', { kind: 'none', reason: 'no row' }, null, null);
    d.emit(s);
    d.emit({ ...s });
    expect(seen).toHaveLength(1);
    expect(d.last()).toBe(s);
  });
});
