import { describe, expect, test } from 'vitest';
import { detectSite } from './adapters';

describe('detectSite', () => {
  const ex = (u: string) => detectSite(new URL(u))?.exchange ?? null;
  test('each exchange trading URL, with and without locale', () => {
    expect(ex('https://www.binance.com/en/futures/BTCUSDT')).toBe('binance');
    expect(ex('https://www.binance.com/futures/BTCUSDT')).toBe('binance');
    expect(ex('https://www.bybit.com/trade/usdt/BTCUSDT')).toBe('bybit');
    expect(ex('https://www.bybit.com/en/trade/usdt/BTCUSDT')).toBe('bybit');
    expect(ex('https://www.okx.com/trade-swap/btc-usdt-swap')).toBe('okx');
    expect(ex('https://www.okx.com/zh-hans/trade-swap/btc-usdt-swap')).toBe('okx');
    expect(ex('https://www.bitget.com/futures/usdt/BTCUSDT')).toBe('bitget');
    expect(ex('https://www.bitget.com/en/futures/usdt/BTCUSDT')).toBe('bitget');
  });
  test('any other page → null', () => {
    for (const u of ['https://www.binance.com/en/markets', 'https://www.bybit.com/en/', 'https://www.okx.com/markets', 'https://www.bitget.com/spot/BTCUSDT', 'https://example.com/futures/BTCUSDT']) {
      expect(ex(u)).toBeNull();
    }
  });
  test('the symbol comes with it', () => {
    const u = new URL('https://www.okx.com/en/trade-swap/eth-usdt-swap');
    expect(detectSite(u)?.symbolFromUrl(u)).toBe('ETHUSDT');
  });
});
