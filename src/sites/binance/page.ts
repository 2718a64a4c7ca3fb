/**
 * Binance USDⓈ-M futures trading page: symbol from `/{locale?}/futures/{SYMBOL}` and the open position
 * from the bottom account panel's Positions tab (docs/pages-and-overlay.md §1.1).
 */
import type { SiteAdapter } from '../../position/page-adapter';
import { headerTableAdapter } from '../dom/header-table-adapter';
import type { ReaderConfig } from '../dom/position-reader';
import { LOCALE_PREFIX } from '../dom/url';
import { BINANCE_LABELS } from './labels';

const PATH = new RegExp(`^${LOCALE_PREFIX}/futures/([A-Za-z0-9]+USDT)/?$`);

const CONFIG: ReaderConfig = {
  exchange: 'binance',
  labels: BINANCE_LABELS,
  // Binance prints a short's size negative ("-0.150 BTC"); the sign is the side when no tag says otherwise.
  signedSize: true,
  bareSizeUnit: 'coin',
  // The leverage control sits in the order form ("Cross" + "10x" buttons).
  leverageScope: (doc) => doc.querySelector('[name="orderForm" i], [data-testid="order-form"], #trade-form') ?? doc,
};

export const binancePage: SiteAdapter = headerTableAdapter({ config: CONFIG, domain: 'binance.com', path: PATH });

