/**
 * What the popup and the overlay panel show about one Analysis, as text and hook values: a pure function
 * of the engine's output, so every view words and formats the same numbers the same way.
 */
import { DEFAULT_CONFIG } from '../../engine/config';
import type { Analysis, Cluster, Position, Side } from '../../engine/types';
import type { Price } from '../../engine/units';
import { formatCoin, formatLeverage, formatPrice, formatSignedPct, formatUsd, plainDecimal } from '../format';
import { type AsymmetryView, asymmetryView } from './asymmetry';
import { type LfrView, lfrView } from './lfr';
import { type SignalView, signalViews } from './signals';
import { type StopView, stopView } from './stop';

export interface ClusterRow {
  low: string;
  high: string;
  usd: string;
  rangeText: string;
  /** Signed distance of the centre from the reference. */
  distanceText: string;
  usdText: string;
}

export interface PositionView {
  side: Side;
  /** "Long" / "Short". */
  sideText: string;
  /** Coin quantity, never in exponent notation (a raw 1e-7 would print as "1e-7"). */
  sizeText: string;
  entryText: string;
  leverageText: string;
  marginMode: Position['marginMode'];
  liqText: string | null;
}

export interface AnalysisView {
  side: Side;
  planned: boolean;
  referenceKind: Analysis['referenceKind'];
  referenceText: string;
  lfr: LfrView;
  /** Tooltip that explains the LFR, with the configured number of clusters. */
  lfrTitle: string;
  stop: StopView;
  asymmetry: AsymmetryView;
  signals: SignalView[];
  profitCaption: string;
  riskCaption: string;
  clusters: { profit: ClusterRow[]; risk: ClusterRow[] };
  position: PositionView | null;
  partial: boolean;
}

export function clusterRow(c: Cluster, reference: Price): ClusterRow {
  return {
    low: plainDecimal(c.low),
    high: plainDecimal(c.high),
    usd: plainDecimal(c.usd),
    rangeText: `${formatPrice(c.low)}–${formatPrice(c.high)}`,
    distanceText: formatSignedPct(((c.centre - reference) / reference) * 100),
    usdText: formatUsd(c.usd),
  };
}

export function positionView(p: Position): PositionView {
  return {
    side: p.side,
    sideText: p.side === 'long' ? 'Long' : 'Short',
    sizeText: formatCoin(p.size),
    entryText: formatPrice(p.entry),
    leverageText: formatLeverage(p.leverage),
    marginMode: p.marginMode,
    liqText: p.liqPrice !== undefined ? formatPrice(p.liqPrice) : null,
  };
}

const BELOW = 'long liquidations below';
const ABOVE = 'short liquidations above';

export function analysisView(a: Analysis): AnalysisView {
  return {
    side: a.side,
    planned: a.planned,
    referenceKind: a.referenceKind,
    referenceText: formatPrice(a.reference),
    lfr: lfrView(a.lfr),
    lfrTitle: lfrTitle(),
    stop: stopView(a.stop),
    asymmetry: asymmetryView(a.asymmetry),
    signals: signalViews(a.signals),
    profitCaption: a.side === 'long' ? ABOVE : BELOW,
    riskCaption: a.side === 'long' ? BELOW : ABOVE,
    clusters: { profit: a.nearest.profit.map((c) => clusterRow(c, a.reference)), risk: a.nearest.risk.map((c) => clusterRow(c, a.reference)) },
    position: a.position ? positionView(a.position) : null,
    partial: a.partial,
  };
}

/** The LFR's explanation, naming the configured number of nearest clusters. */
export function lfrTitle(): string {
  return `Liquidation Fuel Ratio: estimated liquidation USD on the profit side ÷ on the risk side (${DEFAULT_CONFIG.nearestCount} nearest clusters each way)`;
}
