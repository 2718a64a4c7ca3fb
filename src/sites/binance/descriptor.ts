/** Binance USDⓈ-M futures: its plain data (see src/sites/site.ts), which its content script gets. */
import { defineSite } from '../site';

export const binanceSite = defineSite({
  id: 'binance',
  name: 'Binance',
  pageHost: 'www.binance.com',
  tradingPaths: ['futures/'],
  apiHosts: ['fapi.binance.com'],
  chartSelectors: ['.chart-widget-root', '#chart_futures-tradingview', '[data-testid="basic-chart"]'],
  capabilities: { oiHistory: true },
  closeFeeRate: 0,
});
