// The watcher's pure parts on their own (the wiring is covered by watcher.test.ts).
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Position } from '../../src/engine/types';
import { dedupe } from '../../src/position/dedupe';
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
  test('hedge mode: nothing until picked, then the picked side with its mark', () => {
    const read = { kind: 'hedge' as const, positions: [long, short], marks: [100.5, 100.6], strategy: 'table' };
    expect(resolveState('bybit', 'BTCUSDT', read, null, null)).toMatchObject({ position: null, source: 'none', hedgePick: null, mark: 100.5 });
    expect(resolveState('bybit', 'BTCUSDT', read, null, 'short')).toMatchObject({ position: short, source: 'page', hedgePick: 'short', mark: 100.6 });
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
