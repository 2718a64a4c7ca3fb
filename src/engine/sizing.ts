/**
 * Position sizing (docs/design.md §5.3): risk USD = account × risk %; notional = risk USD ÷ (stop distance +
 * round-trip fees). When the budget cannot carry the stop, the SIZE shrinks; the stop is never moved into
 * the cluster. Also reports the highest leverage whose liquidation stays beyond the stop.
 */
import { maxLeverageForStop } from './liquidation-price';
import type { Side, Sizing, SizingWarning } from './types';
import type { Fraction, Pct, Price, Usd } from './units';

export interface SizingInput {
  side: Side;
  entry: Price;
  stop: Price;
  accountUsd: Usd;
  riskPct: Pct;
  leverage: number;
  maintenanceRate: Fraction;
  /** Exchange maximum leverage. */
  maxLeverageCap: number;
  /** Taker fee per side, percent. */
  takerFeePct: Pct;
}

export function sizePosition(p: SizingInput): Sizing {
  const stopDistance: Fraction = p.side === 'long' ? (p.entry - p.stop) / p.entry : (p.stop - p.entry) / p.entry;
  if (!(stopDistance > 0)) {
    return { kind: 'none', code: 'stop-wrong-side', side: p.side, entry: p.entry, stop: p.stop };
  }
  const warnings: SizingWarning[] = [];
  const budgetUsd: Usd = (p.accountUsd * p.riskPct) / 100;
  const feeFraction: Fraction = (2 * p.takerFeePct) / 100;
  let notionalUsd: Usd = budgetUsd / (stopDistance + feeFraction);
  const maxLeverage = maxLeverageForStop(p.side, p.entry, p.stop, p.maintenanceRate, p.maxLeverageCap);
  const leverage = Math.min(p.leverage, p.maxLeverageCap);
  if (leverage < p.leverage) warnings.push({ code: 'leverage-capped', requested: p.leverage, used: leverage });
  if (leverage > maxLeverage) warnings.push({ code: 'liquidation-before-stop', leverage, maxLeverage });
  // Margin beyond the account cannot be posted: shrink the position, keep the stop where the map says.
  if (notionalUsd / leverage > p.accountUsd) {
    notionalUsd = p.accountUsd * leverage;
    warnings.push({ code: 'margin-exceeds-account', leverage });
  }
  return {
    kind: 'size',
    riskUsd: notionalUsd * (stopDistance + feeFraction),
    notionalUsd,
    sizeCoin: notionalUsd / p.entry,
    marginUsd: notionalUsd / leverage,
    leverage,
    maxLeverage,
    stopDistancePct: stopDistance * 100,
    warnings,
  };
}
