/** Bitget USDT-M futures: what the rest of the extension knows about it (see src/sites/site.ts). */
import { defineSite } from '../site';

export const bitget = defineSite({
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
