/** Bybit USDT perpetuals: what the rest of the extension knows about it (see src/sites/site.ts). */
import { defineSite } from '../site';

export const bybit = defineSite({
  id: 'bybit',
  name: 'Bybit',
  pageHost: 'www.bybit.com',
  tradingPaths: ['trade/usdt/'],
  apiHosts: ['api.bybit.com'],
  chartSelectors: ['.kline-container', '#tv_chart_container', '[class*="kline-chart"]'],
  capabilities: { oiHistory: true },
  // research/liquidation-model.md §2: the fee to close is part of the maintenance requirement.
  closeFeeRate: 0.00055,
});
