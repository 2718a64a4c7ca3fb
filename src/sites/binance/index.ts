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
});
