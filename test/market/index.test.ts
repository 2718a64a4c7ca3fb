// Service-worker wiring of the hub: messages validated on receipt, the refresh alarm, no network in tests.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM, startMarketHub, stopMarketHub } from '../../src/market';
import { sendMessage } from '../../src/messaging';

// One hub for the file: the messaging library keeps one root listener per JS context.
let hub: ReturnType<typeof startMarketHub>;
beforeAll(() => {
  fakeBrowser.reset();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('network disabled in tests');
    }),
  );
  hub = startMarketHub();
});
afterAll(async () => {
  await hub.whenIdle();
  stopMarketHub();
  vi.unstubAllGlobals();
});

describe('startMarketHub', () => {
  it('answers getView for a hand-picked market and starts the refresh alarm at the settings period', async () => {
    const view = await sendMessage('getView', { exchange: 'okx', symbol: 'ETHUSDT' });
    expect(view).toMatchObject({ exchange: 'okx', symbol: 'ETHUSDT', analysis: null });
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(alarm?.periodInMinutes).toBe(1);
  });

  it('rejects an invalid getView payload with the field named', async () => {
    await expect(sendMessage('getView', { symbol: 'btc-usdt' } as never)).rejects.toThrow(/invalid getView request: symbol/);
  });

  it('a watch that does not come from a tab is refused', async () => {
    await expect(sendMessage('watch', { exchange: 'binance', symbol: 'BTCUSDT', position: null })).rejects.toThrow(/from a tab/);
  });
});
