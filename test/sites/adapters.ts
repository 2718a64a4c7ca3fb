// Every exchange's page adapter, for tests that run all of them. The extension itself never needs this
// table: each exchange's content script imports only its own adapter (src/sites/<exchange>/content.ts).
import type { Exchange } from '../../src/engine/types';
import { binancePage } from '../../src/sites/binance/page';
import { bitgetPage } from '../../src/sites/bitget/page';
import { bybitPage } from '../../src/sites/bybit/page';
import { okxPage } from '../../src/sites/okx/page';
import type { SiteAdapter } from '../../src/position/page-adapter';

export const PAGE_ADAPTERS: Readonly<Record<Exchange, SiteAdapter>> = {
  binance: binancePage,
  bybit: bybitPage,
  okx: okxPage,
  bitget: bitgetPage,
};

/** The adapter that recognises a URL as its trading page, or null (markets, spot, account pages…). */
export function detectSite(url: URL): SiteAdapter | null {
  return Object.values(PAGE_ADAPTERS).find((a) => a.symbolFromUrl(url) !== null) ?? null;
}
