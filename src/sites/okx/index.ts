/** OKX USDT perpetual swaps: what the rest of the extension knows about it (see src/sites/site.ts). */
import { defineSite } from '../site';

export const okx = defineSite({
  id: 'okx',
  name: 'OKX',
  pageHost: 'www.okx.com',
  tradingPaths: ['trade-swap/'],
  // The public API is served under www.okx.com/api.
  apiHosts: ['www.okx.com'],
  chartSelectors: ['.tv-chart-box', '[class*="chart-box"]'],
  capabilities: { oiHistory: true },
  // research/liquidation-model.md §2: the fee to close is part of the maintenance requirement.
  closeFeeRate: 0.0005,
});
