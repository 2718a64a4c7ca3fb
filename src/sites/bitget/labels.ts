/**
 * Bitget USDT-M futures positions labels and test ids. Bitget ships `data-testid="FutureTrade…"` hooks on
 * its order form (verified live, docs/pages-and-overlay.md §1.4); test ids on the positions table are
 * NOT known (confidence L): the ids below follow that convention and are tried first, with the header
 * text as the fallback that does not depend on them.
 */
import type { PageLabels } from '../dom/position-reader';
import { CONTRACT_UNITS, MARGIN_WORDS, QUOTE_UNITS, SIDE_WORDS } from '../dom/words';

export const BITGET_TEST_IDS = {
  positionsPanel: ['[data-testid="FutureTradePositionList"]', '[data-testid*="PositionList"]', '[data-testid*="PositionTable"]'],
  positionRow: '[data-testid*="PositionItem"], [data-testid*="PositionRow"]',
  /** The order form, scope of the leverage control (its buttons carry role="buyer"/"seller"). */
  orderForm: ['[data-testid="FutureTradeOrderForm"]', '[data-testid*="OrderForm"]'],
} as const;

export const BITGET_LABELS: PageLabels = {
  positionsTab: ['Positions', 'Position', 'Current positions', '仓位', '持仓', '当前持仓'],
  columns: {
    symbol: ['Futures', 'Symbol', 'Contract', 'Trading pair', '合约', '交易对'],
    side: ['Side', 'Direction', '方向'],
    size: ['Position', 'Size', 'Amount', 'Holdings', '持仓量', '持仓数量', '数量'],
    entry: ['Average open price', 'Avg. open price', 'Open price', 'Entry price', '开仓均价', '开仓价格'],
    mark: ['Mark price', '标记价格'],
    liq: ['Est. liq. price', 'Liq. price', 'Liquidation price', '预估强平价', '强平价格'],
    leverage: ['Leverage', '杠杆'],
    marginMode: ['Margin mode', '保证金模式'],
  },
  side: SIDE_WORDS,
  margin: MARGIN_WORDS,
  contractUnits: CONTRACT_UNITS,
  quoteUnits: QUOTE_UNITS,
};
