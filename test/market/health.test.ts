import { describe, expect, it } from 'vitest';
import { exchangeHealth, overallState } from '../../src/market/health';

describe('exchangeHealth', () => {
  it('maps status to the five states', () => {
    expect(exchangeHealth(undefined, false)).toEqual({ state: 'off' });
    expect(exchangeHealth(undefined, true)).toEqual({ state: 'loading' });
    expect(exchangeHealth({ loading: false, oiPartial: false, fetchedAt: 5 }, true)).toEqual({ state: 'ok', fetchedAt: 5 });
    expect(exchangeHealth({ loading: false, oiPartial: true, fetchedAt: 5, partialReason: 'OI 1 h of 7 d' }, true)).toEqual({ state: 'partial', reason: 'OI 1 h of 7 d', fetchedAt: 5 });
    expect(exchangeHealth({ loading: false, oiPartial: false, fetchedAt: 5, error: 'HTTP 500' }, true)).toEqual({ state: 'stale', reason: 'HTTP 500', fetchedAt: 5 });
    expect(exchangeHealth({ loading: false, oiPartial: false, error: 'HTTP 500' }, true)).toEqual({ state: 'error', reason: 'HTTP 500' });
  });
});

describe('overallState', () => {
  it('ok when every enabled exchange is usable (partial OI counts as usable), off ones ignored', () => {
    expect(overallState({ binance: { state: 'ok' }, bitget: { state: 'partial' }, okx: { state: 'off' } }, false)).toEqual({ state: 'ok' });
  });
  it('partial names the failing exchanges', () => {
    expect(overallState({ binance: { state: 'ok' }, okx: { state: 'stale', reason: 'HTTP 429 rate limit' } }, false)).toEqual({
      state: 'partial',
      reason: 'Map without okx: HTTP 429 rate limit',
    });
  });
  it('an exchange still on its first load is named as loading, not as a failure', () => {
    expect(overallState({ binance: { state: 'ok' }, okx: { state: 'loading' } }, false)).toEqual({ state: 'partial', reason: 'Map without okx still loading' });
  });
  it('stale when all fail but a last good map exists; error without one; loading while a first load runs', () => {
    const failing = { binance: { state: 'stale' as const, reason: 'HTTP 500' }, bybit: { state: 'error' as const, reason: 'timed out' } };
    expect(overallState(failing, true).state).toBe('stale');
    expect(overallState(failing, true).reason).toBe('All exchanges failing: binance: HTTP 500; bybit: timed out');
    expect(overallState(failing, false).state).toBe('error');
    expect(overallState({ binance: { state: 'loading' } }, false).state).toBe('loading');
    expect(overallState({ binance: { state: 'off' } }, false).state).toBe('error');
  });
});
