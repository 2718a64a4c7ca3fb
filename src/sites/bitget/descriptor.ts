/** Bitget USDT-M futures: its plain data (see src/sites/site.ts), which its content script gets. */
import { defineSite } from '../site';

export const bitgetSite = defineSite({
  id: 'bitget',
  name: 'Bitget',
  pageHost: 'www.bitget.com',
  tradingPaths: ['futures/usdt/'],
  apiHosts: ['api.bitget.com'],
  chartSelectors: ['.kline-box', '#tradingview-chart', '[class*="kline"]'],
  // No open-interest history endpoint: the hub polls the current OI and keeps what it saw.
  capabilities: { oiHistory: false },
  closeFeeRate: 0,
});
