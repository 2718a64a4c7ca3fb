/**
 * Position sizing (docs/design.md §5.3): risk USD = account × risk %; notional = risk USD ÷ (stop distance +
 * round-trip fees). When the budget cannot carry the stop, the SIZE shrinks; the stop is never moved into
 * the cluster. Also reports the highest leverage whose liquidation stays beyond the stop.
 */
import { maxLeverageForStop } from './liquidation-price';
import type { Side, Sizing } from './types';

export interface SizingInput {
  side: Side;
  entry: number;
  stop: number;
  accountUsd: number;
  riskPct: number;
  leverage: number;
  maintenanceRate: number;
  /** Exchange maximum leverage. */
  maxLeverageCap: number;
  /** Taker fee per side, percent. */
  takerFeePct: number;
}

export function sizePosition(p: SizingInput): Sizing {
  const stopDistance = p.side === 'long' ? (p.entry - p.stop) / p.entry : (p.stop - p.entry) / p.entry;
  if (!(stopDistance > 0)) {
    return { kind: 'none', reason: `The stop ${p.stop} is not on the loss side of the entry ${p.entry} for a ${p.side}.` };
  }
  const warnings: string[] = [];
  const budgetUsd = (p.accountUsd * p.riskPct) / 100;
  const feeFraction = (2 * p.takerFeePct) / 100;
  let notionalUsd = budgetUsd / (stopDistance + feeFraction);
  const maxLeverage = maxLeverageForStop(p.side, p.entry, p.stop, p.maintenanceRate, p.maxLeverageCap);
  const leverage = Math.min(p.leverage, p.maxLeverageCap);
  if (leverage < p.leverage) warnings.push(`${p.leverage}x exceeds the exchange maximum; sized at ${leverage}x.`);
  if (leverage > maxLeverage) {
    warnings.push(`At ${leverage}x the liquidation comes before the stop; use at most ${maxLeverage}x.`);
  }
  // Margin beyond the account cannot be posted: shrink the position, keep the stop where the map says.
  if (notionalUsd / leverage > p.accountUsd) {
    notionalUsd = p.accountUsd * leverage;
    warnings.push(`The risk budget needs more margin than the account holds at ${leverage}x; size reduced to fit.`);
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
