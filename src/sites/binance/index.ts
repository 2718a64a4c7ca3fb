/** Binance USDⓈ-M futures: what the rest of the extension knows about it (see src/sites/site.ts). */
import { defineSite } from '../site';

export const binance = defineSite({
  id: 'binance',
  name: 'Binance',
  pageHost: 'www.binance.com',
  tradingPaths: ['futures/'],
  apiHosts: ['fapi.binance.com'],
  chartSelectors: ['.chart-widget-root', '#chart_futures-tradingview', '[data-testid="basic-chart"]'],
  capabilities: { oiHistory: true },
  closeFeeRate: 0,
  fixture: {
    tradingPath: /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?futures\/[A-Z0-9]+USDT$/,
    candlesUrl: (symbol) => `https://fapi.binance.com/fapi/v1/klines?symbol=${symbol}&interval=5m&limit=300`,
  },
});
