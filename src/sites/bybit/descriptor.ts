/** Bybit USDT perpetuals: its plain data (see src/sites/site.ts), which its content script gets. */
import { defineSite } from '../site';

export const bybitSite = defineSite({
  id: 'bybit',
  name: 'Bybit',
  pageHost: 'www.bybit.com',
  tradingPaths: ['trade/usdt/'],
  apiHosts: ['api.bybit.com'],
  chartSelectors: ['.kline-container', '#tv_chart_container', '[class*="kline-chart"]'],
  capabilities: { oiHistory: true },
  // docs/liquidation-model.md §2: the fee to close is part of the maintenance requirement.
  closeFeeRate: 0.00055,
});
