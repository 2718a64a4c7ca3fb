/** The suggested stop as every view shows it. */
import type { StopSuggestion } from '../../engine/types';
import { PLACEHOLDER, formatPct, formatPrice, plainDecimal } from '../format';
import { liquidationBeforeStopText, stopNoneText } from '../messages';

export type StopView =
  | {
      kind: 'stop';
      price: number;
      /** plainDecimal(price) for data-* hooks. */
      value: string;
      priceText: string;
      distanceText: string;
      /** The buffer beyond the cluster (one decimal, as configured: 0.3–0.5 %). */
      bufferText: string;
      /** The own-liquidation warning when the liquidation comes before the stop. */
      liqWarning: string | null;
    }
  | { kind: 'none'; value: ''; reason: string };

export function stopView(stop: StopSuggestion | null | undefined): StopView {
  if (!stop) return { kind: 'none', value: '', reason: PLACEHOLDER };
  if (stop.kind === 'none') return { kind: 'none', value: '', reason: stopNoneText(stop) };
  const lbs = stop.liquidationBeforeStop;
  return {
    kind: 'stop',
    price: stop.price,
    value: plainDecimal(stop.price),
    priceText: formatPrice(stop.price),
    distanceText: formatPct(stop.distancePct),
    bufferText: formatPct(stop.bufferPct, 1),
    liqWarning: lbs ? liquidationBeforeStopText(lbs.liqPrice, lbs.maxLeverage) : null,
  };
}
