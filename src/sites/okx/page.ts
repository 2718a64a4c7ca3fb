/**
 * OKX perpetual swap trading page: symbol from `/{locale?}/trade-swap/{base}-{quote}-swap` (lower case,
 * instId BTC-USDT-SWAP → BTCUSDT) and the open position from the positions pane (docs/pages-and-overlay.md §1.3):
 * `.position-box` first, else the `[data-pane-id=positions]` tab's flexlayout content, else the tab by its text;
 * rows `.okui-table-row` (the aria-hidden measure rows are skipped by the table reader); columns by header text
 * (users reorder them); in hedge mode the side from the Size cell's `.positive-pl` / `.negative-pl`. Size in
 * coin, contracts (× ctVal, known from the background's instrument) or USDT (÷ the row's mark); a size without a
 * unit is refused (coin or contracts?).
 */
import type { SiteAdapter } from '../../position/page-adapter';
import { headerTableAdapter } from '../dom/header-table-adapter';
import type { ReaderConfig } from '../dom/position-reader';
import { LOCALE_PREFIX } from '../dom/url';
import { OKX_LABELS, OKX_SELECTORS } from './labels';

const PATH = new RegExp(`^${LOCALE_PREFIX}/trade-swap/([a-z0-9]+)-(usdt)-swap/?$`, 'i');

/** The flexlayout content of the tabset holding the account tabs, while the positions tab is selected. */
function positionsTabContent(doc: Document): Element | null {
  const tab = doc.querySelector(`${OKX_SELECTORS.positionsTab}[aria-selected="true"]`);
  const path = tab?.closest('[data-layout-path]')?.getAttribute('data-layout-path');
  // The tab strip sits in the layout's tab button …/tbN; its content is …/tN.
  return path ? doc.querySelector(`[data-layout-path="${path.replace(/\/tb(\d+)$/, '/t$1')}"]`) : null;
}

const CONFIG: ReaderConfig = {
  exchange: 'okx',
  labels: OKX_LABELS,
  // One-way mode prints a short's size negative; hedge mode prints it unsigned with a side class (below).
  signedSize: true,
  bareSizeUnit: 'unknown',
  positionsTabSelector: OKX_SELECTORS.positionsTab,
  paneHooks: [
    { name: '.position-box', find: (doc: Document) => doc.querySelector(OKX_SELECTORS.positionBox) },
    { name: 'the positions tab\'s layout content', find: positionsTabContent },
  ],
  rowHook: OKX_SELECTORS.positionRow,
  sizeSideClasses: OKX_SELECTORS.sizeSide,
};

export const okxPage: SiteAdapter = headerTableAdapter({ config: CONFIG, domain: 'okx.com', path: PATH });

