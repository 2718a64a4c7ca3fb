import { describe, expect, it } from 'vitest';
import { checkDrawRequest } from '../../src/bridge/protocol';
import { selectBands } from '../../src/overlay/bands';
import { chartMarks } from '../../src/overlay/marks';
import { nativePlan } from '../../src/overlay/native-plan';
import { usdOpacity } from '../../src/overlay/intensity';
import { analysis } from './fixtures';

const a = analysis();
const position = { exchange: 'binance' as const, symbol: 'BTCUSDT', side: 'long' as const, entry: 96_800, size: 0.15, leverage: 10, marginMode: 'cross' as const, liqPrice: 87_512.3, source: 'page' as const };

describe('native shape plan', () => {
  const plan = nativePlan('BTCUSDT', selectBands(a), chartMarks(a, position), 0.8);
  it('draws each band at its cluster prices and the stop, entry and liquidation lines at theirs', () => {
    expect(plan.shapes.map((s) => (s.kind === 'band' ? [s.key, s.low, s.high] : [s.key, s.price]))).toEqual([
      ['band-long-0', 95_000, 95_500],
      ['band-short-0', 99_000, 99_400],
      ['stop', 94_620],
      ['entry', 96_800],
      ['liquidation', 87_512.3],
    ]);
  });
  it('scales band opacity by USD on the absolute scale times the user opacity', () => {
    const short = plan.shapes.find((s) => s.key === 'band-short-0');
    expect(short?.kind === 'band' && short.opacity).toBe(Math.round(usdOpacity(60e6) * 0.8 * 100) / 100);
  });
  it('labels bands with side, USD and the 10x–25x share (half of each fixture cluster is 10x)', () => {
    expect(plan.shapes.find((s) => s.key === 'band-short-0')?.text).toBe('Short liq. $60.0M (est.) · 10–25x 50 %');
  });
  it('labels the stop with price and distance', () => {
    expect(plan.shapes.find((s) => s.key === 'stop')?.text).toBe('Suggested stop 94,620.0 (2.65 % away)');
  });
  it('is a valid draw request for the bridge', () => {
    expect(checkDrawRequest(plan, '')).toBeNull();
  });
  it('has no stop line when the engine has no stop, and no position lines without a position', () => {
    const none = nativePlan('BTCUSDT', [], chartMarks(analysis({ stop: { kind: 'none', code: 'no-risk-cluster', side: 'long', maxDistancePct: 10 } }), null), 1);
    expect(none.shapes).toEqual([]);
  });
});
