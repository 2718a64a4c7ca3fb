import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { createSizingHandler } from '../../src/sizing/handler';

describe('sizePosition handler', () => {
  const deps = (seriesFor = vi.fn(async () => [])) => ({
    marketOfTab: (tabId: number) => (tabId === 3 ? { exchange: 'bybit' as const, symbol: 'ETHUSDT' } : null),
    seriesFor,
    settings: async () => DEFAULT_SETTINGS,
    now: () => 0,
  });

  it('sizes the market the asking tab watches', async () => {
    const seriesFor = vi.fn(async () => []);
    const ans = await createSizingHandler(deps(seriesFor))({ side: 'long', entry: 3000, leverage: 5 }, 3);
    expect(seriesFor).toHaveBeenCalledWith('bybit', 'ETHUSDT');
    expect(ans).toEqual({ kind: 'error', reason: 'No market data for this symbol yet.' });
  });

  it('a tab that watches nothing, a bad request, or a failing hub are named errors', async () => {
    const h = createSizingHandler(deps(vi.fn(async () => Promise.reject(new Error('HTTP 500')))));
    expect(await h({ side: 'long', entry: 3000, leverage: 5 }, 9)).toEqual({ kind: 'error', reason: expect.stringMatching(/not showing a trading page/) });
    expect(await h({ side: 'long', entry: 'x', leverage: 5 }, 3)).toEqual({ kind: 'error', reason: 'entry: must be a positive price' });
    expect(await h({ side: 'long', entry: 3000, leverage: 5 }, 3)).toEqual({ kind: 'error', reason: 'No market data for ETHUSDT on bybit: HTTP 500' });
  });
});
