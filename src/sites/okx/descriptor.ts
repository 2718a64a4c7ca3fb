/** OKX USDT perpetual swaps: its plain data (see src/sites/site.ts), which its content script gets. */
import { defineSite } from '../site';

export const okxSite = defineSite({
  id: 'okx',
  name: 'OKX',
  pageHost: 'www.okx.com',
  tradingPaths: ['trade-swap/'],
  // The public API is served under www.okx.com/api.
  apiHosts: ['www.okx.com'],
  chartSelectors: ['.tv-chart-box', '[class*="chart-box"]'],
  capabilities: { oiHistory: true },
  // docs/liquidation-model.md §2: the fee to close is part of the maintenance requirement.
  closeFeeRate: 0.0005,
});
