/**
 * Words shared by the four exchanges' labels (English and Simplified Chinese, plus the Traditional
 * forms Binance and OKX ship): side tags, margin modes and size units. Per-exchange header synonyms
 * live in src/sites/<exchange>/labels.ts.
 */
export const SIDE_WORDS = {
  long: ['Long', 'Buy', 'Buy/Long', 'Open Long', '多', '做多', '多仓', '开多', '買入'],
  short: ['Short', 'Sell', 'Sell/Short', 'Open Short', '空', '做空', '空仓', '开空', '賣出'],
} as const;

export const MARGIN_WORDS = {
  cross: ['Cross', 'Crossed', 'Cross Margin', '全仓', '全倉'],
  isolated: ['Isolated', 'Isolated Margin', '逐仓', '逐倉'],
} as const;

export const CONTRACT_UNITS = ['Cont', 'Conts', 'Contract', 'Contracts', '张', '張'] as const;
export const QUOTE_UNITS = ['USDT', 'USD', 'USDC'] as const;
