/**
 * Site registry: which exchange page adapter (if any) handles a URL.
 *
 * Published interface (content script wiring; see also src/position/watcher.ts):
 *
 *   detectSite(url: URL): SiteAdapter | null
 *     The adapter whose symbolFromUrl() recognises the URL as a trading page, else null.
 *
 *   interface SiteAdapter {                                    // src/sites/page-adapter.ts
 *     exchange: Exchange;
 *     symbolFromUrl(url: URL): Symbol | null;                  // canonical BASEQUOTE, with/without locale prefix
 *     readPosition(root: Document, symbol: Symbol): PositionRead;
 *     panelRoot(doc: Document): Element | null;               // subtree the watcher observes
 *   }
 *
 *   type PositionRead =
 *     | { kind: 'position'; position: Position; mark?: number; strategy: string }   // strategy = selector health
 *     | { kind: 'hedge'; positions: Position[]; marks: (number | undefined)[]; strategy: string }
 *     | { kind: 'none'; reason: string; draft?: PositionDraft }                       // → planned-trade mode
 *     | { kind: 'invalid'; reason: string; draft?: PositionDraft }                    // never drawn
 *
 *   watchPosition({ adapter, doc, getUrl, onChange }) → PositionWatch (callable stop(), plus .stop(),
 *     .pickHedge(side), .saveManual(p), .clearManual(), .refresh()); onChange(PositionState):
 *     { exchange, symbol, position, source: 'page' | 'manual' | 'none', health, hedge?, hedgePick?, mark?, draft? }
 *
 * Position / Exchange / Symbol come from src/engine/types.ts.
 */
import type { Exchange } from '../engine/types';
import { binancePage } from './binance/page';
import { bitgetPage } from './bitget/page';
import { bybitPage } from './bybit/page';
import { okxPage } from './okx/page';
import type { SiteAdapter } from './page-adapter';

export type { PagePosition, PositionDraft, PositionRead, SiteAdapter } from './page-adapter';

export const PAGE_ADAPTERS: Readonly<Record<Exchange, SiteAdapter>> = {
  binance: binancePage,
  bybit: bybitPage,
  okx: okxPage,
  bitget: bitgetPage,
};

/** The adapter for a trading-page URL, or null for any other page (markets, spot, account pages…). */
export function detectSite(url: URL): SiteAdapter | null {
  for (const adapter of Object.values(PAGE_ADAPTERS)) {
    if (adapter.symbolFromUrl(url) !== null) return adapter;
  }
  return null;
}
