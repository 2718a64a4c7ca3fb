/**
 * OKX perpetual swap positions labels. No public DOM selector is known (docs/pages-and-overlay.md
 * §1.3, confidence L): the vocabulary follows OKX's API fields (posSide, pos, avgPx, markPx, liqPx, lever,
 * mgnMode, notionalUsd). OKX can show size in coin, contracts ("Cont" / "张") or USDT: the reader turns contracts
 * into coin with the instrument's ctVal (from the background) and USDT at the row's mark, and checks both
 * against the Value column when there is one (src/sites/dom/size-unit.ts).
 */
import type { PageLabels } from '../dom/position-reader';
import { CONTRACT_UNITS, MARGIN_WORDS, QUOTE_UNITS, SIDE_WORDS } from '../dom/words';

/**
 * Structural hooks of the real page (../shared/research/real-pages/okx.md): the tab strip's data-pane-id
 * (real capture, 2026-04), the positions box and row classes and the hedge-mode side classes (from the
 * okx-hotkey author's logged-in selectors, confidence M).
 */
export const OKX_SELECTORS = {
  positionsTab: '[role="tab"][data-pane-id="positions"]',
  positionBox: '.position-box',
  positionRow: '.position-box .okui-table-row',
  sizeSide: { long: '.positive-pl', short: '.negative-pl' },
} as const;

export const OKX_LABELS: PageLabels = {
  positionsTab: ['Open positions', 'Positions', 'Position', '当前持仓', '仓位', '持仓', '當前持倉', '持倉'],
  columns: {
    symbol: ['Instrument', 'Symbol', 'Contract', '产品', '产品名称', '合约', '產品'],
    side: ['Side', 'Position side', 'Direction', '方向', '持仓方向'],
    size: ['Size', 'Position', 'Pos.', 'Amount', '持仓量', '仓位', '数量', '持倉量'],
    entry: ['Avg. entry price', 'Avg entry price', 'Entry price', 'Avg. open price', 'Open price', '开仓均价', '开仓价格', '開倉均價'],
    mark: ['Mark price', '标记价格', '標記價格'],
    liq: ['Est. liq. price', 'Est. liquidation price', 'Liq. price', 'Liquidation price', '预估强平价', '强平价格', '預估強平價'],
    leverage: ['Leverage', '杠杆倍数', '杠杆', '槓桿'],
    marginMode: ['Margin mode', '保证金模式'],
    // The row's notional (API notionalUsd): cross-checks a size converted from contracts or USDT.
    value: ['Value', 'Position value', 'Notional', 'Notional value', '仓位价值', '持仓价值', '名义价值'],
  },
  side: SIDE_WORDS,
  margin: MARGIN_WORDS,
  contractUnits: CONTRACT_UNITS,
  quoteUnits: QUOTE_UNITS,
};
