// The hub's pure rules, each in its own module: when to refresh, when to persist, window coverage, OI text.
import { describe, expect, it } from 'vitest';
import type { MarketSeries } from '../../src/engine/types';
import { oiCoverage } from '../../src/market/oi-coverage';
import { PERSIST_EVERY_MS, shouldPersist } from '../../src/market/persist-policy';
import { MIN_REFRESH_SEC, refreshSec, RETRY_MS, tooSoon, UNLISTED_RETRY_MS } from '../../src/market/refresh-policy';
import { coversWindow, withoutHistory } from '../../src/market/window-coverage';
import type { SourceState } from '../../src/sites/shared/source';
import { DEFAULT_SETTINGS } from '../../src/settings';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function state(exchange: MarketSeries['exchange'], lastBarAgoMs: number, windowMs: number | undefined, fetchedAgoMs = 0): SourceState {
  const series = {
    exchange,
    symbol: 'BTCUSDT',
    candles: [{ t: NOW - lastBarAgoMs }],
    openInterest: [{ t: NOW - 2 * HOUR }, { t: NOW - HOUR / 2 }],
    fetchedAt: NOW - fetchedAgoMs,
    oiPartial: false,
  } as unknown as MarketSeries;
  return { series, instrument: {} as SourceState['instrument'], instrumentAt: 0, ...(windowMs !== undefined ? { windowMs } : {}) };
}

describe('refresh policy', () => {
  const refreshMs = 60_000;
  it('refreshSec is floored at the design minimum', () => {
    expect(refreshSec({ ...DEFAULT_SETTINGS, refreshSec: 10 })).toBe(MIN_REFRESH_SEC);
    expect(refreshSec({ ...DEFAULT_SETTINGS, refreshSec: 300 })).toBe(300);
  });
  it('a covered, healthy cache is not refreshed before refreshSec (minus 5 s for an early alarm)', () => {
    const prev = state('binance', 0, 7 * DAY, 54_000);
    expect(tooSoon({ prev, status: { loading: false, oiPartial: false }, covered: true, now: NOW, refreshMs })).toBe(true);
    expect(tooSoon({ prev: state('binance', 0, 7 * DAY, 55_000), status: { loading: false, oiPartial: false }, covered: true, now: NOW, refreshMs })).toBe(false);
    // A cache that no longer covers the window is reloaded at once.
    expect(tooSoon({ prev, status: { loading: false, oiPartial: false }, covered: false, now: NOW, refreshMs })).toBe(false);
  });
  it('a failing exchange is retried at most every RETRY_MS; an unlisted symbol every few hours', () => {
    const failed = { loading: false, oiPartial: false, error: 'HTTP 500', attemptAt: NOW - RETRY_MS + 1 };
    expect(tooSoon({ prev: null, status: failed, covered: false, now: NOW, refreshMs })).toBe(true);
    expect(tooSoon({ prev: null, status: { ...failed, attemptAt: NOW - RETRY_MS }, covered: false, now: NOW, refreshMs })).toBe(false);
    const unlisted = { loading: false, oiPartial: false, unlisted: 'not listed', attemptAt: NOW - UNLISTED_RETRY_MS + 1 };
    expect(tooSoon({ prev: null, status: unlisted, covered: false, now: NOW, refreshMs })).toBe(true);
    expect(tooSoon({ prev: null, status: { ...unlisted, attemptAt: NOW - UNLISTED_RETRY_MS }, covered: false, now: NOW, refreshMs })).toBe(false);
  });
});

describe('persist policy', () => {
  const prev = state('binance', 0, 7 * DAY);
  it('cold loads and uncovered reloads are written at once; warm data every PERSIST_EVERY_MS', () => {
    expect(shouldPersist('binance', null, false, NOW - 1, NOW)).toBe(true);
    expect(shouldPersist('binance', prev, false, NOW - 1, NOW)).toBe(true);
    expect(shouldPersist('binance', prev, true, undefined, NOW)).toBe(true);
    expect(shouldPersist('binance', prev, true, NOW - PERSIST_EVERY_MS + 1, NOW)).toBe(false);
    expect(shouldPersist('binance', prev, true, NOW - PERSIST_EVERY_MS, NOW)).toBe(true);
  });
  it("Bitget's polled OI cannot be fetched again: written every time", () => {
    expect(shouldPersist('bitget', state('bitget', 0, 7 * DAY), true, NOW - 1, NOW)).toBe(true);
  });
});

describe('window coverage', () => {
  it('covers when the last bar is inside the window and the history was loaded for at least this window', () => {
    expect(coversWindow(state('okx', HOUR, 7 * DAY), NOW, 7 * DAY)).toBe(true);
    expect(coversWindow(state('okx', 8 * DAY, 7 * DAY), NOW, 7 * DAY)).toBe(false); // a hole since the last bar
    expect(coversWindow(state('okx', HOUR, 1 * DAY), NOW, 7 * DAY)).toBe(false); // the window grew
    expect(coversWindow(state('okx', HOUR, undefined), NOW, 7 * DAY)).toBe(false);
  });
  it('withoutHistory drops bars and OI, except the polled OI of Bitget', () => {
    const okx = withoutHistory(state('okx', 0, DAY)).series;
    expect([okx.candles.length, okx.openInterest.length]).toEqual([0, 0]);
    const bitget = withoutHistory(state('bitget', 0, DAY)).series;
    expect([bitget.candles.length, bitget.openInterest.length]).toEqual([0, 2]);
  });
});

describe('OI coverage text', () => {
  it('says how much of the window the OI covers, and that Bitget polls it', () => {
    expect(oiCoverage(state('bitget', 0, DAY).series, 7 * DAY)).toBe('open interest is polled (no history on bitget): 1.5 h of 7 d so far');
    const short = { ...state('okx', 0, DAY).series, openInterest: [{ t: NOW - 20 * 60_000 }, { t: NOW }] } as unknown as MarketSeries;
    expect(oiCoverage(short, DAY)).toBe('open-interest history covers only 20 min of 1 d');
    expect(oiCoverage({ ...short, openInterest: [] }, DAY)).toBe('open-interest history covers only 0 min of 1 d');
  });
});
