// Every trading-page URL form the research found (../shared/research/real-pages/*.md), locale prefixes of one,
// two and three parts included: the manifest's content-script matches must cover it AND the exchange's page
// adapter must read the symbol from it (a match the adapter then refuses would leave the page without LiqLens).
import { describe, expect, test } from 'vitest';
import { TRADING_PAGE_MATCHES } from '../../src/sites/matches';
import { PAGE_ADAPTERS } from './adapters';
import type { Exchange } from '../../src/engine/types';

/** A Chrome match pattern (https://host/path-glob) as a RegExp: `*` in the path matches anything, `/` too. */
function matchPattern(p: string): RegExp {
  const m = /^(https):\/\/([^/]+)(\/.*)$/.exec(p);
  if (!m) throw new Error(`not a match pattern: ${p}`);
  const esc = (x: string) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${m[1]}://${esc(m[2]!)}${esc(m[3]!).replace(/\*/g, '.*')}$`);
}
const matched = (url: string) => TRADING_PAGE_MATCHES.some((p) => matchPattern(p).test(url.split(/[?#]/)[0]!));

const OKX_LOCALES = ['zh-hans', 'zh-hant', 'pt', 'fr', 'id', 'ru', 'vi', 'es-la', 'ua', 'ar', 'zh-hans-ae', 'en-ae', 'ru-ae', 'fr-ae', 'ar-ae', 'en-ar', 'es-ar'];

const CASES: Record<Exchange, [url: string, symbol: string][]> = {
  binance: [
    ['https://www.binance.com/futures/BTCUSDT', 'BTCUSDT'],
    ['https://www.binance.com/en/futures/BTCUSDT', 'BTCUSDT'],
    ['https://www.binance.com/zh-CN/futures/HYPEUSDT', 'HYPEUSDT'],
    ['https://www.binance.com/zh-hans-ae/futures/ETHUSDT', 'ETHUSDT'],
  ],
  bybit: [
    ['https://www.bybit.com/trade/usdt/BTCUSDT', 'BTCUSDT'],
    ['https://www.bybit.com/en/trade/usdt/BTCUSDT', 'BTCUSDT'],
    ['https://www.bybit.com/zh-TW/trade/usdt/XLMUSDT', 'XLMUSDT'],
  ],
  okx: [['https://www.okx.com/trade-swap/btc-usdt-swap', 'BTCUSDT'], ...OKX_LOCALES.map((l) => [`https://www.okx.com/${l}/trade-swap/btc-usdt-swap`, 'BTCUSDT'] as [string, string])],
  bitget: [
    ['https://www.bitget.com/futures/usdt/BTCUSDT', 'BTCUSDT'],
    ['https://www.bitget.com/en/futures/usdt/BTCUSDT', 'BTCUSDT'],
    ['https://www.bitget.com/futures/usdt/btcusdt', 'BTCUSDT'],
    ['https://www.bitget.com/zh-CN/futures/usdt/ETHUSDT', 'ETHUSDT'],
  ],
};

describe('trading-page URLs with every locale prefix', () => {
  for (const [exchange, cases] of Object.entries(CASES) as [Exchange, [string, string][]][]) {
    test(`${exchange}: matched by the manifest and read by the adapter`, () => {
      for (const [url, symbol] of cases) {
        expect(matched(url), `manifest matches ${url}`).toBe(true);
        expect(PAGE_ADAPTERS[exchange].symbolFromUrl(new URL(url)), url).toBe(symbol);
      }
    });
  }
  test('not a locale: two path segments before the trading path, or a four-part segment', () => {
    expect(PAGE_ADAPTERS.okx.symbolFromUrl(new URL('https://www.okx.com/en/x/trade-swap/btc-usdt-swap'))).toBeNull();
    expect(PAGE_ADAPTERS.okx.symbolFromUrl(new URL('https://www.okx.com/zh-hans-ae-xx/trade-swap/btc-usdt-swap'))).toBeNull();
    expect(PAGE_ADAPTERS.binance.symbolFromUrl(new URL('https://www.binance.com/en/my/futures/BTCUSDT'))).toBeNull();
    expect(PAGE_ADAPTERS.bybit.symbolFromUrl(new URL('https://www.bybit.com/trading/trade/usdt/BTCUSDT'))).toBeNull();
  });
});
