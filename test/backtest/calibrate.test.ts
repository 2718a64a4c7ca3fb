// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { calibrate, selectFolds, SELECTION_TOLERANCE } from '../../tools/backtest/calibrate';
import { BINANCE_BTC_TIER1 } from '../../tools/backtest/engine-adapter';
import type { BacktestBar } from '../../tools/backtest/bar';
import { seededRandom } from '../../tools/backtest/bootstrap';

const row = (name: string, scores: (number | null)[]) => ({ name, blocks: scores.map((score) => ({ score })), selectionScores: [] as (number | null)[] });

describe('selectFolds (expanding window: select on earlier blocks, check on the next)', () => {
  it('selects on the mean of earlier blocks and reports the unseen block', () => {
    const rows = [row('default', [0.30, 0.40, 0.35]), row('a', [0.40, 0.30, 0.20]), row('b', [0.34, 0.38, 0.36])];
    const folds = selectFolds(rows, 3);
    // fold 1: B1 → a (0.40) wins; its B2 score 0.30 vs default 0.40
    expect(folds[0]).toEqual({ selectOn: [0], checkOn: 1, selected: 'a', selectedScore: 0.3, defaultScore: 0.4 });
    // fold 2: means over B1+B2: default 0.35, a 0.35, b 0.36 → b; checked on B3: 0.36 vs 0.35
    expect(folds[1]).toMatchObject({ selectOn: [0, 1], selected: 'b', selectedScore: 0.36, defaultScore: 0.35 });
    expect(rows[2]!.selectionScores[1]).toBeCloseTo(0.36, 12);
  });
  it('a gain within the tolerance does not displace an earlier (preferred) candidate', () => {
    expect(SELECTION_TOLERANCE).toBe(0.005);
    const rows = [row('default', [0.400, 0.5]), row('finer', [0.404, 0.6])];
    expect(selectFolds(rows, 2)[0]!.selected).toBe('default');
    const rows2 = [row('default', [0.400, 0.5]), row('finer', [0.406, 0.6])];
    expect(selectFolds(rows2, 2)[0]!.selected).toBe('finer');
  });
  it('a candidate without a score on a selection block is never selected', () => {
    const rows = [row('default', [0.2, 0.1]), row('broken', [null, 0.9])];
    expect(selectFolds(rows, 2)[0]!.selected).toBe('default');
  });
});

describe('calibrate (replays the engine per candidate)', () => {
  it('scores every candidate on every block of the evaluated bars', () => {
    const r = seededRandom(4);
    let close = 90_000;
    const bars: BacktestBar[] = Array.from({ length: 900 }, (_, i) => {
      const open = close;
      close = open * (1 + 0.006 * (r() - 0.5));
      return {
        t: i * 3_600_000, barMs: 3_600_000, open, close, high: Math.max(open, close) * 1.001, low: Math.min(open, close) * 0.999,
        oiOpenUsd: 8e9, oiHighUsd: 8.1e9, oiLowUsd: 7.9e9, oiCloseUsd: 8e9 * (1 + 0.01 * (r() - 0.5)), liqLongUsd: 1e6 * r(), liqShortUsd: 1e6 * r(),
      };
    });
    const c = calibrate(bars, { exchange: 'binance', risk: BINANCE_BTC_TIER1 }, { burnInMs: 24 * 3_600_000 }, 3, [
      { name: 'base', overrides: {} },
      { name: 'coarse', overrides: { modelBinPct: 0.1 } },
    ]);
    expect(c.blocks).toHaveLength(3);
    expect(c.candidates.map((x) => x.blocks.length)).toEqual([3, 3]);
    expect(c.folds.map((f) => f.checkOn)).toEqual([1, 2]);
    for (const x of c.candidates) for (const b of x.blocks) expect(b.score === null || Number.isFinite(b.score)).toBe(true);
  });
});
