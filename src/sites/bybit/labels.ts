/**
 * Bybit USDT perpetual positions table labels (docs/pages-and-overlay.md §1.2: a real <table>
 * recognised by "Contracts" / "Unrealized P&L" headers; users hide and reorder columns).
 */
import type { PageLabels } from '../dom/position-reader';
import { CONTRACT_UNITS, MARGIN_WORDS, QUOTE_UNITS, SIDE_WORDS } from '../dom/words';

export const BYBIT_LABELS: PageLabels = {
  positionsTab: ['Positions', 'Position', '仓位', '持仓'],
  columns: {
    symbol: ['Contracts', 'Contract', 'Symbol', '合约', '交易对'],
    side: ['Side', 'Direction', '方向'],
    size: ['Qty', 'Quantity', 'Size', 'Position Qty', '数量', '持仓数量', '仓位数量'],
    entry: ['Entry Price', 'Avg. Entry Price', 'Avg Entry Price', '开仓价格', '开仓均价', '入场价格'],
    mark: ['Mark Price', '标记价格'],
    liq: ['Liq. Price', 'Liq Price', 'Liquidation Price', '强平价格', '预估强平价'],
    leverage: ['Leverage', '杠杆'],
    marginMode: ['Margin Mode', '保证金模式'],
  },
  side: SIDE_WORDS,
  margin: MARGIN_WORDS,
  contractUnits: CONTRACT_UNITS,
  quoteUnits: QUOTE_UNITS,
};
