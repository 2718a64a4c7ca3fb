/**
 * OKX perpetual swap trading page: symbol from `/{locale?}/trade-swap/{base}-{quote}-swap` (lower case,
 * instId BTC-USDT-SWAP → BTCUSDT) and the open position from the Positions tab (docs/pages-and-overlay.md §1.3). Size in
 * coin, contracts (× ctVal, known from the background's instrument) or USDT (÷ the row's mark); a size without a unit
 * is refused (coin or contracts?).
 */
import type { SiteAdapter } from '../../position/page-adapter';
import { headerTableAdapter } from '../dom/header-table-adapter';
import type { ReaderConfig } from '../dom/position-reader';
import { LOCALE_PREFIX } from '../dom/url';
import { OKX_LABELS } from './labels';

const PATH = new RegExp(`^${LOCALE_PREFIX}/trade-swap/([a-z0-9]+)-(usdt)-swap/?$`, 'i');

const CONFIG: ReaderConfig = {
  exchange: 'okx',
  labels: OKX_LABELS,
  // OKX shows side as a tag / column (posSide); a bare number could be coin or contracts.
  signedSize: true,
  bareSizeUnit: 'unknown',
};

export const okxPage: SiteAdapter = headerTableAdapter({ config: CONFIG, domain: 'okx.com', path: PATH });

