import { defineConfig } from 'wxt';

/** Trading pages where the content script runs, with and without a locale prefix. */
export const TRADING_PAGE_MATCHES = [
  'https://www.binance.com/*/futures/*',
  'https://www.binance.com/futures/*',
  'https://www.bybit.com/trade/usdt/*',
  'https://www.bybit.com/*/trade/usdt/*',
  'https://www.okx.com/trade-swap/*',
  'https://www.okx.com/*/trade-swap/*',
  'https://www.bitget.com/futures/usdt/*',
  'https://www.bitget.com/*/futures/usdt/*',
];

/** Public market-data hosts the service worker fetches from (no keys, no cookies). */
export const API_HOSTS = [
  'https://fapi.binance.com/*',
  'https://api.bybit.com/*',
  'https://www.okx.com/*',
  'https://api.bitget.com/*',
];

export default defineConfig({
  manifest: ({ browser }) => ({
    name: 'LiqLens',
    description:
      'Estimated liquidation clusters, a suggested stop and the Liquidation Fuel Ratio, drawn on your futures exchange chart.',
    permissions: ['storage', 'alarms', 'contextMenus', 'notifications'],
    host_permissions: API_HOSTS,
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'liqlens@liqlens.app', strict_min_version: '115.0' } } } : {}),
  }),
});
