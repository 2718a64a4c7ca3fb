/**
 * Binance USDⓈ-M futures positions panel labels (docs/pages-and-overlay.md §1.1). Header texts are an
 * inference (confidence L: no public selector for the positions columns exists); correct them here when a
 * live page disagrees.
 */
import type { PageLabels } from '../dom/position-reader';
import { CONTRACT_UNITS, MARGIN_WORDS, QUOTE_UNITS, SIDE_WORDS } from '../dom/words';

export const BINANCE_LABELS: PageLabels = {
  positionsTab: ['Positions', 'Position', '仓位', '持仓', '倉位'],
  columns: {
    symbol: ['Symbol', 'Contract', '合约', '符号', '合約'],
    side: ['Side', 'Direction', '方向'],
    size: ['Size', 'Position Size', '数量', '大小', '仓位数量', '數量'],
    entry: ['Entry Price', 'Entry', '开仓价格', '开仓均价', '開倉價格'],
    mark: ['Mark Price', '标记价格', '標記價格'],
    liq: ['Liq.Price', 'Liq. Price', 'Liquidation Price', '强平价格', '強平價格'],
    leverage: ['Leverage', '杠杆', '槓桿'],
    marginMode: ['Margin Mode', '保证金模式'],
  },
  side: SIDE_WORDS,
  margin: MARGIN_WORDS,
  contractUnits: CONTRACT_UNITS,
  quoteUnits: QUOTE_UNITS,
};
