/**
 * Bitget USDT-M futures trading page: symbol from `/{locale?}/futures/usdt/{SYMBOL}` and the open position
 * from the positions list — test ids first (Bitget's `FutureTrade…` convention), header text otherwise
 * (docs/pages-and-overlay.md §1.4).
 */
import type { SiteAdapter } from '../../position/page-adapter';
import { headerTableAdapter } from '../dom/header-table-adapter';
import type { ReaderConfig } from '../dom/position-reader';
import { LOCALE_PREFIX } from '../dom/url';
import { BITGET_LABELS, BITGET_TEST_IDS } from './labels';

const PATH = new RegExp(`^${LOCALE_PREFIX}/futures/usdt/([A-Za-z0-9]+USDT)/?$`, 'i');

const CONFIG: ReaderConfig = {
  exchange: 'bitget',
  labels: BITGET_LABELS,
  signedSize: false,
  bareSizeUnit: 'coin',
  paneHooks: BITGET_TEST_IDS.positionsPanel.map((sel) => ({
    name: `test id ${sel}`,
    find: (doc: Document) => doc.querySelector(sel),
  })),
  rowHook: BITGET_TEST_IDS.positionRow,
  leverageScope: (doc) => {
    for (const sel of BITGET_TEST_IDS.orderForm) {
      const el = doc.querySelector(sel);
      if (el) return el;
    }
    return doc;
  },
};

export const bitgetPage: SiteAdapter = headerTableAdapter({ config: CONFIG, domain: 'bitget.com', path: PATH });

