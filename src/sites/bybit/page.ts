/**
 * Bybit USDT perpetual trading page: symbol from `/{locale?}/trade/usdt/{SYMBOL}` and the open position
 * from the Positions table, columns by header text because Bybit lets users hide and drag columns
 * (docs/pages-and-overlay.md §1.2).
 */
import type { SiteAdapter } from '../../position/page-adapter';
import { headerTableAdapter } from '../dom/header-table-adapter';
import type { ReaderConfig } from '../dom/position-reader';
import { LOCALE_PREFIX } from '../dom/url';
import { BYBIT_LABELS } from './labels';

const PATH = new RegExp(`^${LOCALE_PREFIX}/trade/usdt/([A-Za-z0-9]+USDT)/?$`);

const CONFIG: ReaderConfig = {
  exchange: 'bybit',
  labels: BYBIT_LABELS,
  // Bybit shows Qty unsigned with a Long/Short tag; a signed Qty is also accepted.
  signedSize: true,
  bareSizeUnit: 'coin',
};

export const bybitPage: SiteAdapter = headerTableAdapter({ config: CONFIG, domain: 'bybit.com', path: PATH });

