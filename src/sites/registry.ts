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
 *   watchPosition({ adapter, doc, getUrl, onChange, store? }) → PositionWatch      // src/position/watcher.ts
 *     PositionWatch is callable (= stop) and has .stop(), .pickHedge(side | null), .saveManual(position),
 *     .clearManual(), .refresh(), .current().
 *     onChange(PositionState) on every change (deduplicated), within 300 ms of a page change:
 *       { exchange, symbol (null off a trading page), position (Position | null), source: 'page' | 'manual' | 'none',
 *         health (selector health: which strategy found it, or why not), mark?, hedge?, hedgePick?,
 *         draft? (what a failed read got, to prefill the manual panel), pageRead: 'position' | 'hedge' | 'none' | 'invalid' | 'no-symbol' }
 *     Precedence: saved manual entry > page position (hedge mode: the picked side, none until picked) > none (planned trade).
 *   Manual entries / hedge picks: src/position/manual-store.ts (browser.storage.local, per exchange + symbol);
 *   the form: src/overlay/ManualPositionPanel.tsx.
 *
 * Position / Exchange / Symbol come from src/engine/types.ts.
 */
import type { Exchange } from '../engine/types';
import { binancePage } from './binance/page';
import { bitgetPage } from './bitget/page';
import { bybitPage } from './bybit/page';
import { okxPage } from './okx/page';
import type { SiteAdapter } from './page-adapter';

export type { PositionDraft, PositionRead, SiteAdapter } from './page-adapter';

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
