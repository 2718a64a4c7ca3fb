import { describe, expect, it } from 'vitest';
import type { MarketSeries } from '../../../src/engine/types';
import { loadWindow } from '../../../src/sites/shared/load-window';
import type { SourceState } from '../../../src/sites/shared/source';

const B = 300_000; // one 5m bar
const HOUR = 3_600_000;

function state(candleTs: number[], oiTs: number[], instrumentAt: number): SourceState {
  const series: MarketSeries = {
    exchange: 'binance',
    symbol: 'BTCUSDT',
    barMs: B,
    candles: candleTs.map((t) => ({ t, open: 1, high: 1, low: 1, close: 1, baseVolume: 1, quoteVolume: 1 })),
    openInterest: oiTs.map((t) => ({ t, coin: 1, usd: 1 })),
    markPrice: 1,
    indexPrice: 1,
    risk: { maintenanceRate: 0.004, maxLeverage: 125, source: 'api' },
    oiPartial: false,
    fetchedAt: instrumentAt,
  };
  return { series, instrument: { exchangeSymbol: 'BTCUSDT', unitFactor: 1, contractSize: 1, tickSize: 0.1, fundingIntervalHours: 8 }, instrumentAt };
}

describe('loadWindow', () => {
  const now = 10 * B + 123; // inside bar 10
  const windowMs = 4 * B; // window starts at bar 6 (now − 4 bars = 6 B + 123, floored to its bar)

  it('cold: both series from the window start, instrument to be read now', () => {
    const w = loadWindow({ symbol: 'BTCUSDT', now, windowMs, prev: null });
    expect(w).toEqual({ windowStart: 6 * B, old: undefined, candleFrom: 6 * B, oiFrom: 6 * B, cached: undefined, instrumentAt: now });
  });

  it('warm: candles again from the newest held bar (it may have been open), OI from just after the newest point', () => {
    const prev = state([8 * B, 9 * B], [7 * B, 8 * B], now - HOUR);
    const w = loadWindow({ symbol: 'BTCUSDT', now, windowMs, prev });
    expect(w.candleFrom).toBe(9 * B);
    expect(w.oiFrom).toBe(8 * B + 1);
    expect(w.old).toBe(prev.series);
    expect(w.cached).toBe(prev);
    expect(w.instrumentAt).toBe(now - HOUR);
  });

  it('held data older than the window does not pull the start back', () => {
    const w = loadWindow({ symbol: 'BTCUSDT', now, windowMs, prev: state([2 * B], [1 * B], now - HOUR) });
    expect(w.candleFrom).toBe(6 * B);
    expect(w.oiFrom).toBe(6 * B);
  });

  it('an instrument read a day ago is read again (instrumentAt = now), the held series still resumes', () => {
    const w = loadWindow({ symbol: 'BTCUSDT', now, windowMs, prev: state([9 * B], [9 * B], now - 24 * HOUR) });
    expect(w.cached).toBeUndefined();
    expect(w.instrumentAt).toBe(now);
    expect(w.candleFrom).toBe(9 * B);
    // 1 ms younger than a day: still reused.
    expect(loadWindow({ symbol: 'BTCUSDT', now, windowMs, prev: state([], [], now - 24 * HOUR + 1) }).cached).toBeDefined();
  });
});
