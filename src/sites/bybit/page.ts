/**
 * Bybit USDT perpetual trading page: symbol from `/{locale?}/trade/usdt/{SYMBOL}` and the open position
 * from the Positions table, columns by header text because Bybit lets users hide and drag columns
 * (research/pages-and-overlay.md §1.2).
 */
import type { Symbol } from '../../engine/types';
import type { PositionRead, SiteAdapter } from '../page-adapter';
import { findPositionsPane, readPositionWith, type ReaderConfig } from '../dom/position-reader';
import { hostIs, LOCALE_PREFIX } from '../dom/url';
import { BYBIT_LABELS } from './labels';

const PATH = new RegExp(`^${LOCALE_PREFIX}/trade/usdt/([A-Za-z0-9]+USDT)/?$`);

const CONFIG: ReaderConfig = {
  exchange: 'bybit',
  labels: BYBIT_LABELS,
  // Bybit shows Qty unsigned with a Long/Short tag; a signed Qty is also accepted.
  signedSize: true,
  bareSizeUnit: 'coin',
};

export const bybitPage: SiteAdapter = {
  exchange: 'bybit',
  symbolFromUrl(url: URL): Symbol | null {
    if (!hostIs(url, 'bybit.com')) return null;
    const m = PATH.exec(url.pathname);
    return m?.[1] ? m[1].toUpperCase() : null;
  },
  readPosition(root: Document, symbol: Symbol): PositionRead {
    return readPositionWith(root, symbol, CONFIG);
  },
  panelRoot(doc: Document): Element | null {
    const found = findPositionsPane(doc, CONFIG);
    return 'pane' in found ? found.pane : null;
  },
};
