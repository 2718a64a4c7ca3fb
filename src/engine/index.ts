/**
 * The engine's entry points (docs/design.md §5): `analyze()` turns normalised market series (+ the trader's
 * position or plan) into an `Analysis` (its `map` is the aggregated liquidation map).
 * Pure and deterministic: time comes in as `now`. Callers that keep a `ModelCache` between calls get
 * incremental updates (only new closed bars are stepped).
 */
import { asymmetry } from './asymmetry';
import { findCascades } from './cascade';
import { findClusters } from './clusters';
import { closeFee, type EngineConfig, resolveConfig } from './config';
import { type ShiftedBook, withDepthRatios } from './depth';
import { EngineError } from './errors';
import { fuelRatio } from './fuel';
import { type ExchangeModel, mapFromModels } from './map';
import { type ModelState, syncModel } from './model';
import { nearestClusters } from './nearest';
import { adverseFuelSignals, macroSignals, ownLiquidationSignals, squeezeSignals, staleMapSignals, thinSessionSignals } from './signals';
import { sizePosition } from './sizing';
import { suggestStop } from './stop';
import type { Analysis, Exchange, LiquidationMap, MarketSeries, Position, Side, Sizing } from './types';
import { validateAccount, validateConfig, validateMacroEvents, validatePlan, validatePosition, validateSeriesSet } from './validate';
import type { Pct, Price, Usd, UtcMs } from './units';

export type { EngineConfig } from './config';
export type { CanonicalSymbol, Coin, Fraction, Pct, Price, Unit, Usd, UtcMs } from './units';
export { DEFAULT_CONFIG, resolveConfig } from './config';
export { EngineError, isEngineError } from './errors';
export { liquidationPrice, liquidationFactor, maxLeverageForStop } from './liquidation-price';
export { createModel, stepBar, buildModel, syncModel, cloneModel, modelParams, sideCoin } from './model';
export type { ModelState, ModelParams, BarPrediction } from './model';
export { mapFromModels, mapSideUsd } from './map';
export { asymmetry, percentileOf } from './asymmetry';
export { findClusters, cumulativeUsd } from './clusters';
export { nearestClusters } from './nearest';
export { fuelRatio, fuelBand } from './fuel';
export { suggestStop, stopBeyond } from './stop';
export { sizePosition } from './sizing';
export { findCascades } from './cascade';
export { depthRatio } from './depth';

/** Per-exchange model states kept by the caller (e.g. the market hub) between analyses. */
export type ModelCache = Map<Exchange, ModelState>;

export interface MacroEvent {
  t: UtcMs;
  label: string;
}

export interface AnalyzeInput {
  series: readonly MarketSeries[];
  position: Position | null;
  /** Side to analyse when there is no position (default long). */
  plannedSide?: Side;
  /** Planned entry: the LFR and stop reference for a planned trade (default: the mark). */
  plannedEntry?: Price;
  account?: { sizeUsd: Usd; riskPct: Pct; leverage?: number };
  config?: Partial<EngineConfig>;
  macroEvents?: readonly MacroEvent[];
  /** Past asymmetry ratios of this symbol's map (the hub stores them), for the percentile. */
  asymmetryHistory?: readonly number[];
  now: UtcMs;
  /** Exchange whose mark is the map's reference (default: the position's exchange, else the first series). */
  referenceExchange?: Exchange;
  /** Mutable cache of model states; when given, analyze() updates it incrementally. */
  models?: ModelCache;
}

const DAY = 86_400_000;

function isPartial(s: MarketSeries, now: UtcMs, cfg: EngineConfig): boolean {
  const first = s.candles[0];
  return s.oiPartial || s.openInterest.length === 0 || !first || first.t > now - cfg.windowDays * DAY + s.barMs;
}

function exchangeModels(series: readonly MarketSeries[], cfg: EngineConfig, now: UtcMs, cache?: ModelCache): ExchangeModel[] {
  return series.map((s) => {
    const state = syncModel(cache?.get(s.exchange), s, cfg, now);
    cache?.set(s.exchange, state);
    return { exchange: s.exchange, state, mark: s.markPrice, partial: isPartial(s, now, cfg) };
  });
}

function referenceSeries(series: readonly MarketSeries[], preferred?: Exchange): MarketSeries | undefined {
  return series.find((s) => s.exchange === preferred) ?? series[0];
}

/** Bars already inside a cached model were validated when they were stepped. */
function trusted(cache?: ModelCache): ((ex: Exchange) => number | undefined) | undefined {
  return cache ? (ex) => cache.get(ex)?.lastBarT ?? undefined : undefined;
}

function checkNow(now: number): void {
  if (!Number.isFinite(now)) throw new EngineError('invalid-input', 'now', `must be a finite time in ms, got ${String(now)}`);
}

export function analyze(input: AnalyzeInput): Analysis {
  checkNow(input.now);
  const cfg = resolveConfig(input.config);
  validateConfig(cfg);
  validateSeriesSet(input.series, trusted(input.models));
  const position = input.position;
  const symbol = input.series[0]?.symbol ?? position?.symbol;
  if (position) validatePosition(position, symbol);
  validatePlan(input.plannedSide, input.plannedEntry);
  const acct = input.account;
  if (acct) validateAccount(acct);
  validateMacroEvents(input.macroEvents ?? []);

  const refSeries = referenceSeries(input.series, input.referenceExchange ?? position?.exchange);
  const mark = refSeries?.markPrice ?? position?.entry ?? input.plannedEntry;
  if (mark === undefined || symbol === undefined) {
    throw new EngineError('invalid-input', 'series', 'no market series and no position: nothing to centre the map on');
  }
  const models = exchangeModels(input.series, cfg, input.now, input.models);
  const map = mapFromModels(models, mark, symbol, cfg);

  const side: Side = position?.side ?? input.plannedSide ?? 'long';
  const planned = position === null;
  const referenceKind = planned && input.plannedEntry !== undefined ? 'entry' : 'mark';
  const reference = referenceKind === 'entry' ? input.plannedEntry! : mark;

  // Cluster USD is summed over every exchange: against only some exchanges' books the ratio would be
  // overstated (a false "the book cannot absorb it"), so without every book there is no depth ratio.
  // A book kept from an earlier fetch is only trusted while fresh: depth moves within minutes.
  const freshBook = (s: MarketSeries) => s.depth && input.now - s.depth.t <= cfg.depthMaxAgeMin * 60_000 ? s.depth : undefined;
  const books: ShiftedBook[] = input.series.every(freshBook)
    ? input.series.flatMap((s) => { const book = freshBook(s); return book ? [{ book, basis: s.markPrice - mark }] : []; })
    : [];
  const clusters = withDepthRatios(findClusters(map, cfg), books, mark);
  const nearest = nearestClusters(clusters, side, reference, cfg);
  const lfr = fuelRatio(nearest.profit, nearest.risk, cfg);

  const exRisk = (position ? input.series.find((s) => s.exchange === position.exchange) : refSeries)?.risk;
  const exchange = position?.exchange ?? refSeries?.exchange;
  const m = (exRisk?.maintenanceRate ?? 0.004) + closeFee(cfg, exchange);
  const maxLev = exRisk?.maxLeverage ?? Math.max(...cfg.tiers);
  const entry = position?.entry ?? reference;
  const leverage = acct?.leverage ?? position?.leverage ?? Math.min(cfg.defaultLeverage, maxLev);
  // The own-liquidation check needs a liquidation price: the page's, or the isolated formula. A cross-margin
  // position without the page's number is skipped (its liquidation depends on the whole account).
  const pageLiq = position?.liqPrice !== undefined && acct?.leverage === undefined ? position.liqPrice : undefined;
  const knowable = pageLiq !== undefined || position?.marginMode !== 'cross' || acct?.leverage !== undefined;
  const stop = suggestStop(
    side,
    reference,
    nearest.risk,
    cfg,
    knowable ? { entry, leverage, maintenanceRate: m, maxLeverage: maxLev, ...(pageLiq !== undefined ? { liqPrice: pageLiq } : {}) } : undefined,
  );
  let sizing: Sizing;
  if (!acct) sizing = { kind: 'none', code: 'no-account' };
  else if (stop.kind !== 'stop') sizing = stop;
  else {
    sizing = sizePosition({
      side,
      entry,
      stop: stop.price,
      accountUsd: acct.sizeUsd,
      riskPct: acct.riskPct,
      leverage,
      maintenanceRate: m,
      maxLeverageCap: maxLev,
      takerFeePct: cfg.takerFeePct,
    });
  }

  const signals = [
    ...staleMapSignals(input.series, input.now, cfg),
    ...squeezeSignals(input.series, clusters, mark, cfg),
    ...thinSessionSignals(input.now, cfg),
    ...macroSignals(input.macroEvents ?? [], input.now, cfg),
    ...ownLiquidationSignals(stop),
    ...adverseFuelSignals(lfr, cfg),
  ];

  return {
    symbol,
    side,
    planned,
    reference,
    referenceKind,
    position,
    map,
    clusters,
    nearest,
    lfr,
    stop,
    sizing,
    asymmetry: asymmetry(map, cfg, input.asymmetryHistory),
    cascades: findCascades(clusters, map, cfg),
    signals,
    partial: input.series.length === 0 || models.some((x) => x.partial),
  };
}
