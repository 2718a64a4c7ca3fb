/** OKX USDT perpetual swaps: its plain data (see src/sites/site.ts), which its content script gets. */
import { defineSite } from '../site';

export const okxSite = defineSite({
  id: 'okx',
  name: 'OKX',
  pageHost: 'www.okx.com',
  tradingPaths: ['trade-swap/'],
  // The public API is served under www.okx.com/api.
  apiHosts: ['www.okx.com'],
  // The real page (capture of April 2026): div.chart-box › div#trade_k1.chart-kline › OKX's toolbar (with the
  // Original / TradingView switch, which the panel must not cover) and the chart area `main-<hash>` below it.
  chartSelectors: ['#trade_k1 [class*="main-"]', '#trade_k1', '.chart-box', '.tv-chart-box', '[class*="chart-box"]'],
  capabilities: { oiHistory: true },
  // docs/liquidation-model.md §2: the fee to close is part of the maintenance requirement.
  closeFeeRate: 0.0005,
});
