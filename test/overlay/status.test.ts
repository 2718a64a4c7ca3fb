import { describe, expect, it } from 'vitest';
import type { MarketView } from '../../src/messaging';
import { overlayStatus } from '../../src/overlay/status';

const view = (over: Partial<MarketView>): MarketView => ({ exchange: 'bybit', symbol: 'BTCUSDT', state: 'ok', analysis: null, health: {}, asOf: 1_000_000, ...over });
const NOW = 1_000_000 + 12 * 60_000;

describe('overlay status line', () => {
  it('loading before any view', () => {
    expect(overlayStatus(null, null, 'BTCUSDT', NOW)).toEqual({ state: 'loading', text: 'loading BTCUSDT market data…' });
  });
  it('ok says estimated and the age', () => {
    expect(overlayStatus(view({}), null, 'BTCUSDT', NOW)).toEqual({ state: 'ok', text: 'estimated · updated 12 min ago' });
  });
  it('partial names the failing exchange', () => {
    const s = overlayStatus(view({ state: 'partial', health: { okx: { state: 'error', reason: 'HTTP 500' }, binance: { state: 'ok' } } }), null, 'BTCUSDT', NOW);
    expect(s).toEqual({ state: 'partial', text: 'partial — okx: HTTP 500' });
  });
  it('stale gives the age of the last good map', () => {
    const s = overlayStatus(view({ state: 'stale', reason: 'all exchanges failing' }), null, 'BTCUSDT', NOW);
    expect(s).toEqual({ state: 'stale', text: 'stale — last good map 12 min old (all exchanges failing)' });
  });
  it('error gives the reason; a messaging failure wins over any view', () => {
    expect(overlayStatus(view({ state: 'error', reason: 'HTTP 429 everywhere' }), null, 'BTCUSDT', NOW)).toEqual({ state: 'error', text: 'HTTP 429 everywhere' });
    expect(overlayStatus(view({}), 'background not answering', 'BTCUSDT', NOW)).toEqual({ state: 'error', text: 'background not answering' });
  });
  it('no symbol is an error, not a silent blank', () => {
    expect(overlayStatus(null, null, null, NOW).state).toBe('error');
  });
});
