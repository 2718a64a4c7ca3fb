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
import { type ModelState, needsRebuild, syncModel } from './model';
import { nearestClusters } from './nearest';
import { adverseFuelSignals, macroSignals, ownLiquidationSignals, squeezeSignals, staleMapSignals, thinSessionSignals } from './signals';
import { sizePosition } from './sizing';
import { suggestStop } from './stop';
import type { Analysis, Exchange, LiquidationMap, MarketSeries, Position, Side, Signal, Sizing } from './types';
import { MAX_ABS_TIME_MS } from './limits';
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

function exchangeModels(series: readonly MarketSeries[], cfg: EngineConfig, now: UtcMs, cache?: ModelCache, rebuilds?: ReadonlyMap<Exchange, boolean>): ExchangeModel[] {
  return series.map((s) => {
    const state = syncModel(cache?.get(s.exchange), s, cfg, now, rebuilds?.get(s.exchange));
    cache?.set(s.exchange, state);
    return { exchange: s.exchange, state, mark: s.markPrice, partial: isPartial(s, now, cfg) };
  });
}

function referenceSeries(series: readonly MarketSeries[], preferred?: Exchange): MarketSeries | undefined {
  return series.find((s) => s.exchange === preferred) ?? series[0];
}

/**
 * Bars already inside a cached model were validated when they were stepped, so an incremental refresh only
 * checks the newer ones. A model that will be rebuilt (new settings, a new risk tier, a gap, a longer
 * window) replays every bar, so then every bar is checked again: a bad bar the cache once let through must
 * become an error, not a silently empty map.
 */
function trusted(series: readonly MarketSeries[], cfg: EngineConfig, rebuilds: Map<Exchange, boolean>, cache?: ModelCache): ((ex: Exchange) => number | undefined) | undefined {
  if (!cache) return undefined;
  return (ex) => {
    const state = cache.get(ex);
    const s = series.find((x) => x.exchange === ex);
    if (!state || !s || state.lastBarT === null) return undefined;
    const rebuild = needsRebuild(state, s, cfg);
    rebuilds.set(ex, rebuild); // syncModel reuses the answer
    return rebuild ? undefined : state.lastBarT;
  };
}

function checkNow(now: number): void {
  if (!Number.isFinite(now)) throw new EngineError('invalid-input', 'now', `must be a finite time in ms, got ${String(now)}`);
  if (Math.abs(now) > MAX_ABS_TIME_MS) throw new EngineError('out-of-range', 'now', `time ${now} ms is outside the dates a clock can show`);
}

/**
 * The last line of defence: NaN or Infinity anywhere in the Analysis is an EngineError naming the first
 * such path (e.g. `clusters[2].depthRatio`), never a number on screen. Validation and the formulas keep
 * every value finite; this turns a future bug into a named error instead of a broken view.
 */
export function assertFinite(v: unknown, root = 'analysis'): void {
  const path = nonFinitePath(v);
  if (path) throw new EngineError('non-finite-output', root + path.join(''), `is ${String(path.value)}`);
}

/** assertFinite for an Analysis: the map's bins (the bulk of its numbers) in a typed loop, the rest walked. */
function assertAnalysisFinite(a: Analysis): void {
  const bins = a.map.bins;
  for (let i = 0; i < bins.length; i++) {
    const b = bins[i]!;
    let ok = Number.isFinite(b.price) && Number.isFinite(b.longUsd) && Number.isFinite(b.shortUsd);
    for (let t = 0; ok && t < b.longByTier.length; t++) ok = Number.isFinite(b.longByTier[t]);
    for (let t = 0; ok && t < b.shortByTier.length; t++) ok = Number.isFinite(b.shortByTier[t]);
    if (!ok) assertFinite(b, `analysis.map.bins[${i}]`);
  }
  assertFinite({ ...a, map: { ...a.map, bins: [] } });
}

/** Path segments to the first non-finite number in `v` (built only on the way back from a find), or null. */
function nonFinitePath(v: unknown): (string[] & { value?: number }) | null {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return null;
    const p: string[] & { value?: number } = [];
    p.value = v;
    return p;
  }
  if (v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'number' ? Number.isFinite(x) : x === null || typeof x !== 'object') continue;
      const p = nonFinitePath(x);
      if (p) return (p.unshift(`[${i}]`), p);
    }
    return null;
  }
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (typeof x === 'number' ? Number.isFinite(x) : x === null || typeof x !== 'object') continue;
    const p = nonFinitePath(x);
    if (p) return (p.unshift(`.${k}`), p);
  }
  return null;
}

export function analyze(input: AnalyzeInput): Analysis {
  checkNow(input.now);
  const cfg = resolveConfig(input.config);
  validateConfig(cfg);
  const rebuilds = new Map<Exchange, boolean>();
  validateSeriesSet(input.series, trusted(input.series, cfg, rebuilds, input.models));
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
  const models = exchangeModels(input.series, cfg, input.now, input.models, rebuilds);
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
    ...coarseGridSignals(models, cfg),
  ];

  const analysis: Analysis = {
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
  assertAnalysisFinite(analysis);
  return analysis;
}

/** One `coarse-grid` signal per exchange whose model bins were widened to bound the work (config.modelMaxPathBins). */
function coarseGridSignals(models: readonly ExchangeModel[], cfg: EngineConfig): Signal[] {
  return models
    .filter((m) => m.state.params.modelBinPct !== cfg.modelBinPct)
    .map((m) => ({ kind: 'coarse-grid', severity: 'info', exchange: m.exchange, binPct: m.state.params.modelBinPct, configuredBinPct: cfg.modelBinPct, maxPathBins: cfg.modelMaxPathBins }));
}
