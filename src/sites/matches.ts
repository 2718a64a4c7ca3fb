/**
 * The four exchanges' futures trading pages, with and without a locale prefix: where the content script
 * runs and the sizing menu shows. One list for the manifest (wxt.config.ts), the content script and the
 * background; plain data, safe to import anywhere.
 */
export const TRADING_PAGE_MATCHES: readonly string[] = [
  'https://www.binance.com/*/futures/*',
  'https://www.binance.com/futures/*',
  'https://www.bybit.com/trade/usdt/*',
  'https://www.bybit.com/*/trade/usdt/*',
  'https://www.okx.com/trade-swap/*',
  'https://www.okx.com/*/trade-swap/*',
  'https://www.bitget.com/futures/usdt/*',
  'https://www.bitget.com/*/futures/usdt/*',
];
