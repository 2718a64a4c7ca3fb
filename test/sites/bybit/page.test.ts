import { describe, expect, test } from 'vitest';
import { bybitPage } from '../../../src/sites/bybit/page';
import { commonFixtureCases } from '../page-cases';

describe('bybit symbolFromUrl', () => {
  const sym = (u: string) => bybitPage.symbolFromUrl(new URL(u));
  test('with and without a locale prefix', () => {
    expect(sym('https://www.bybit.com/trade/usdt/BTCUSDT')).toBe('BTCUSDT');
    expect(sym('https://www.bybit.com/en/trade/usdt/ETHUSDT')).toBe('ETHUSDT');
    expect(sym('https://www.bybit.com/zh-MY/trade/usdt/SOLUSDT')).toBe('SOLUSDT');
    expect(sym('https://testnet.bybit.com/trade/usdt/BTCUSDT')).toBe('BTCUSDT');
  });
  test('spot / inverse / other sites → null', () => {
    expect(sym('https://www.bybit.com/trade/spot/BTC/USDT')).toBeNull();
    expect(sym('https://www.bybit.com/trade/inverse/BTCUSD')).toBeNull();
    expect(sym('https://www.bybit.com/en/')).toBeNull();
    expect(sym('https://www.binance.com/trade/usdt/BTCUSDT')).toBeNull();
  });
});

commonFixtureCases('bybit', bybitPage);
