/**
 * The sizing dialog's result as texts: stop, size rows, LFR at entry and the warnings, from the engine's
 * answer. Warnings are matched by code, never by their wording.
 */
import { DEFAULT_CONFIG } from '../../engine/config';
import type { FuelRatio, Sizing, StopSuggestion } from '../../engine/types';
import { formatCoin, formatLeverage, formatPct, formatUsd, plainDecimal } from '../format';
import { sizingNoneText, sizingWarningText } from '../messages';
import { type LfrView, lfrView } from './lfr';
import { type StopView, stopView } from './stop';
import { baseOf } from '../../symbols/canonical';

export interface SizingInput {
  symbol: string;
  stop: StopSuggestion;
  sizing: Sizing;
  lfr: FuelRatio;
}

export interface SizeRows {
  stopDistance: { value: string; text: string };
  notional: { value: string; text: string };
  size: { value: string; text: string; copy: string };
  margin: { value: string; text: string };
  maxLeverage: { value: string; text: string };
  risk: { value: string; text: string };
}

export interface SizingView {
  stop: StopView;
  /** The stop line: "98,105.0 (1.90 % from entry, 0.4 % beyond the cluster)" or why there is none. */
  stopText: string;
  size: SizeRows | null;
  /** Why there is no size, when there is none. */
  noSizeText: string | null;
  lfr: LfrView;
  warnings: string[];
}


export function sizingView(a: SizingInput): SizingView {
  const stop = stopView(a.stop);
  const s = a.sizing.kind === 'size' ? a.sizing : null;
  const warnings: string[] = [];
  if (stop.kind === 'stop' && stop.liqWarning) warnings.push(stop.liqWarning);
  // The sizing repeats the own-liquidation warning without the price; keep the stop's, which names it.
  for (const w of s?.warnings ?? []) if (!(w.code === 'liquidation-before-stop' && stop.kind === 'stop' && stop.liqWarning)) warnings.push(sizingWarningText(w));
  const lfr = lfrView(a.lfr);
  if (a.lfr.kind === 'ratio' && a.lfr.band === 'adverse') {
    warnings.push(`LFR ${lfr.text} < ${formatCoin(DEFAULT_CONFIG.lfrNeutralFrom)}: more liquidation fuel on the risk side than on the profit side.`);
  }
  return {
    stop,
    stopText: stop.kind === 'stop' ? `${stop.priceText} (${stop.distanceText} from entry, ${stop.bufferText} beyond the cluster)` : stop.reason,
    size: s
      ? {
          stopDistance: { value: plainDecimal(s.stopDistancePct), text: formatPct(s.stopDistancePct) },
          notional: { value: plainDecimal(s.notionalUsd), text: formatUsd(s.notionalUsd) },
          size: { value: plainDecimal(s.sizeCoin), text: `${formatCoin(s.sizeCoin)} ${baseOf(a.symbol)}`, copy: formatCoin(s.sizeCoin) },
          margin: { value: plainDecimal(s.marginUsd), text: `${formatUsd(s.marginUsd)} at ${formatLeverage(s.leverage)}` },
          maxLeverage: { value: plainDecimal(s.maxLeverage), text: `${formatLeverage(s.maxLeverage)} keeps liquidation beyond the stop` },
          risk: { value: plainDecimal(s.riskUsd), text: `${formatUsd(s.riskUsd)} incl. fees` },
        }
      : null,
    noSizeText: a.sizing.kind === 'none' ? sizingNoneText(a.sizing) : null,
    lfr,
    warnings,
  };
}
