import type { RiskTier } from '../../engine/types';

/**
 * Binance's leverage brackets are a signed (USER_DATA) endpoint, so LiqLens ships tier 1 of the table
 * as recorded on the date below and says so in the UI ("static table, as of …"). Source: Binance
 * /fapi/v1/leverageBracket values as published in freqtrade's binance_leverage_tiers.json (file dated
 * 2024-10-24). Binance revises brackets; refresh this table when it does.
 */
export const BINANCE_BRACKETS_AS_OF = '2024-10-24';

const TIER1: Record<string, { maintenanceRate: number; maxLeverage: number }> = {
  BTCUSDT: { maintenanceRate: 0.004, maxLeverage: 125 },
  ETHUSDT: { maintenanceRate: 0.004, maxLeverage: 125 },
};

/**
 * Tier-1 risk for a symbol. Symbols outside the table get a conservative typical alt-coin tier 1
 * (1 % maintenance, 50x), labelled as such in `asOf` so the tooltip never presents it as recorded.
 */
export function binanceTier1(exchangeSymbol: string): RiskTier {
  const row = TIER1[exchangeSymbol];
  if (row) return { ...row, source: 'static-table', asOf: BINANCE_BRACKETS_AS_OF };
  return { maintenanceRate: 0.01, maxLeverage: 50, source: 'static-table', asOf: `default for symbols not in the ${BINANCE_BRACKETS_AS_OF} table` };
}
