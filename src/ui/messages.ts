/**
 * The one place where the engine's codes become sentences: signals, sizing warnings and the reasons for
 * "no stop" / "no size". The engine returns codes with their numbers; every view (popup, overlay, sizing
 * dialog, notifications) words them here, with the shared number formats.
 */
import type { EngineErrorCode } from '../engine/errors';
import type { Signal, SizingNone, SizingWarning, StopNone } from '../engine/types';
import { formatLeverage, formatPct, formatPrice, formatRatio, formatUsd } from './format';

/** Short chips for signals (plain text: emoji fonts are missing on some systems). */
export const SIGNAL_CHIP: Record<Signal['kind'], string> = {
  'stale-map': 'STALE',
  'squeeze-setup': 'SQUEEZE',
  'thin-session': 'THIN',
  'macro-event': 'MACRO',
  'own-liq-before-stop': 'LIQ<STOP',
  'adverse-lfr': 'LFR↓',
  'coarse-grid': 'COARSE',
};

const hours = (h: number) => `${formatRatio(h, 1)} h`;

/** One sentence that says why a signal fired. */
export function signalText(s: Signal): string {
  switch (s.kind) {
    case 'stale-map':
      return `Open interest on ${s.exchange} fell ${formatPct(s.dropPct, 1)} within ${s.windowHours} h: positions were flushed and the map may show levels that no longer exist.`;
    case 'squeeze-setup': {
      const where = s.side === 'short' ? 'above' : 'below';
      return `Funding ${formatPct(s.fundingPer8hPct, 3)} per 8 h (${s.side}s paying) with ${formatUsd(s.totalUsd)} of ${s.side} liquidations within ${formatPct(s.nearPct, 1)} ${where} ${formatPrice(s.reference)}: ${s.side} squeeze setup.`;
    }
    case 'thin-session':
      return `Thin liquidity during the ${s.weekend ? 'weekend' : `Asian session (${s.fromUtcHour}–${s.toUtcHour} UTC)`}: clusters can be swept by smaller orders.`;
    case 'macro-event':
      return `${s.label} ${s.hoursAway >= 0 ? `in ${hours(s.hoursAway)}` : `${hours(-s.hoursAway)} ago`}: expect sharp moves that can sweep clusters on both sides.`;
    case 'own-liq-before-stop':
      return `Your liquidation at ${formatPrice(s.liqPrice)} comes before the suggested stop at ${formatPrice(s.stopPrice)}: lower leverage to ${formatLeverage(s.maxLeverage)} or less.`;
    case 'adverse-lfr':
      return `LFR ${formatRatio(s.value)} < ${formatRatio(s.threshold, 1)}: more liquidation fuel against the position (${formatUsd(s.riskUsd)}) than for it (${formatUsd(s.profitUsd)}).`;
    case 'coarse-grid':
      return `Prices on ${s.exchange} moved over a range too wide for the model's grid: its levels are placed in bins of ${formatPct(s.binPct, 2)} instead of ${formatPct(s.configuredBinPct, 2)}, so clusters are less sharp.`;
  }
}

/** What an engine error code means, as the start of the sentence shown before the error's own detail. */
export const ENGINE_ERROR_TEXT: Record<EngineErrorCode, string> = {
  'invalid-input': 'The market data has a missing or impossible value',
  'out-of-range': 'The market data has a number far outside any real market (refused rather than computed into NaN)',
  'invalid-config': 'A setting is out of range',
  'out-of-order': 'Market bars arrived out of order',
  'non-finite-output': 'The analysis produced an invalid number (NaN or Infinity) and was withheld',
};

/** One sentence for an engine error: what the code means, then the field and detail the engine named. */
export function engineErrorText(e: { code: EngineErrorCode; message: string }): string {
  return `${ENGINE_ERROR_TEXT[e.code]}: ${e.message}.`;
}

/** One sentence per sizing warning. */
export function sizingWarningText(w: SizingWarning): string {
  switch (w.code) {
    case 'leverage-capped':
      return `${formatLeverage(w.requested)} exceeds the exchange maximum; sized at ${formatLeverage(w.used)}.`;
    case 'liquidation-before-stop':
      return `At ${formatLeverage(w.leverage)} the liquidation comes before the stop; use at most ${formatLeverage(w.maxLeverage)}.`;
    case 'margin-exceeds-account':
      return `The risk budget needs more margin than the account holds at ${formatLeverage(w.leverage)}; size reduced to fit.`;
  }
}

/** Why there is no suggested stop. */
export function stopNoneText(s: StopNone): string {
  const where = s.side === 'long' ? 'below' : 'above';
  return `No ${s.side}-liquidation cluster within ${s.maxDistancePct} % ${where} the price to place a stop beyond.`;
}

/** Why there is no size. */
export function sizingNoneText(s: SizingNone): string {
  switch (s.code) {
    case 'no-account':
      return 'No account size and risk % set.';
    case 'no-risk-cluster':
      return stopNoneText(s);
    case 'stop-wrong-side':
      return `The stop ${formatPrice(s.stop)} is not on the loss side of the entry ${formatPrice(s.entry)} for a ${s.side}.`;
  }
}

/** The own-liquidation warning shown beside a stop (popup, overlay panel and sizing dialog). */
export function liquidationBeforeStopText(liqPrice: number, maxLeverage: number): string {
  return `Your liquidation (${formatPrice(liqPrice)}) comes before the stop: use at most ${formatLeverage(maxLeverage)}.`;
}
