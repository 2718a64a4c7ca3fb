/**
 * Input checks at the engine's door: anything that would turn into NaN, Infinity or a silently wrong map
 * becomes an EngineError naming the field and the exchange.
 */
import type { EngineConfig } from './config';
import { EngineError } from './errors';
import { MAX_LEVERAGE, MIN_LEVERAGE } from './limits';
import { firstAfter } from './model';
import type { Exchange, MarketSeries, Position } from './types';
import type { Pct, Usd, UtcMs } from './units';
import { positionIssue } from './position-check';

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const leverageOk = (x: unknown) => finite(x) && x >= MIN_LEVERAGE && x <= MAX_LEVERAGE;
const LEVERAGE_RANGE = `must be within ${MIN_LEVERAGE}–${MAX_LEVERAGE}`;

function positive(x: unknown, field: string, exchange?: Exchange): void {
  if (!finite(x) || x <= 0) throw new EngineError('invalid-input', field, `must be a positive finite number, got ${String(x)}`, exchange);
}
function nonNegative(x: unknown, field: string, exchange?: Exchange): void {
  if (!finite(x) || x < 0) throw new EngineError('invalid-input', field, `must be a finite number ≥ 0, got ${String(x)}`, exchange);
}
function timestamp(x: unknown, field: string, exchange?: Exchange): void {
  if (!finite(x)) throw new EngineError('invalid-input', field, `must be a finite time in ms, got ${String(x)}`, exchange);
}

/**
 * Checks one series. `trustedUntil` (ms): bars and OI points at or before it were already checked when they
 * entered a cached model state, so only newer ones are re-checked (incremental refresh stays O(new bars)).
 */
export function validateSeries(s: MarketSeries, trustedUntil = -Infinity): void {
  const ex = s.exchange;
  // Which ids exist is the registry's business (src/sites); the engine only needs a name to key by.
  if (typeof ex !== 'string' || !ex) throw new EngineError('invalid-input', 'exchange', `unknown exchange ${String(ex)}`);
  if (typeof s.symbol !== 'string' || s.symbol === '') throw new EngineError('invalid-input', 'symbol', 'missing', ex);
  positive(s.barMs, 'barMs', ex);
  positive(s.markPrice, 'markPrice', ex);
  positive(s.indexPrice, 'indexPrice', ex);
  nonNegative(s.risk?.maintenanceRate, 'risk.maintenanceRate', ex);
  if (s.risk.maintenanceRate >= 0.5) throw new EngineError('invalid-input', 'risk.maintenanceRate', `must be a fraction < 0.5, got ${s.risk.maintenanceRate}`, ex);
  if (!finite(s.risk.maxLeverage) || s.risk.maxLeverage < 1) {
    throw new EngineError('invalid-input', 'risk.maxLeverage', `must be ≥ 1, got ${String(s.risk.maxLeverage)}`, ex);
  }
  // Hot loops over thousands of bars: test first, build the field name only for the error.
  const candles = s.candles;
  const c0 = Math.max(0, firstAfter(candles, trustedUntil) - 1);
  let prevT = c0 > 0 ? candles[c0 - 1]!.t : -Infinity;
  for (let i = c0; i < candles.length; i++) {
    const c = candles[i]!;
    const ok =
      finite(c.t) && c.t > prevT &&
      c.open > 0 && c.high > 0 && c.low > 0 && c.close > 0 &&
      finite(c.open) && finite(c.high) && finite(c.low) && finite(c.close) && c.low <= c.high &&
      c.baseVolume >= 0 && c.quoteVolume >= 0 && finite(c.baseVolume) && finite(c.quoteVolume) &&
      (c.takerBuyBase === undefined || (finite(c.takerBuyBase) && c.takerBuyBase >= 0));
    if (!ok) candleError(c, i, prevT, ex);
    prevT = c.t;
  }
  const oi = s.openInterest;
  const o0 = Math.max(0, firstAfter(oi, trustedUntil) - 1);
  prevT = o0 > 0 ? oi[o0 - 1]!.t : -Infinity;
  for (let i = o0; i < oi.length; i++) {
    const p = oi[i]!;
    if (!(finite(p.t) && p.t > prevT && finite(p.coin) && p.coin >= 0 && finite(p.usd) && p.usd >= 0)) {
      const f = `openInterest[${i}]`;
      timestamp(p.t, `${f}.t`, ex);
      if (p.t === prevT) throw new EngineError('invalid-input', `${f}.t`, `duplicate timestamp ${p.t}`, ex);
      if (p.t < prevT) throw new EngineError('invalid-input', `${f}.t`, `timestamps not ascending (${p.t} after ${prevT})`, ex);
      nonNegative(p.coin, `${f}.coin`, ex);
      nonNegative(p.usd, `${f}.usd`, ex);
    }
    prevT = p.t;
  }
  if (s.funding) {
    if (!finite(s.funding.rate)) throw new EngineError('invalid-input', 'funding.rate', `must be finite, got ${String(s.funding.rate)}`, ex);
    positive(s.funding.intervalHours, 'funding.intervalHours', ex);
  }
  if (s.depth) {
    for (const side of ['bids', 'asks'] as const) {
      const levels = s.depth[side];
      for (let i = 0; i < levels.length; i++) {
        const [price, coin] = levels[i]!;
        if (finite(price) && price > 0 && finite(coin) && coin >= 0) continue;
        positive(price, `depth.${side}[${i}].price`, ex);
        nonNegative(coin, `depth.${side}[${i}].coin`, ex);
      }
    }
  }
}

/** Throws the precise error for a candle that failed the fast check. */
function candleError(c: MarketSeries['candles'][number], i: number, prevT: number, ex: Exchange): never {
  const f = `candles[${i}]`;
  timestamp(c.t, `${f}.t`, ex);
  if (c.t === prevT) throw new EngineError('invalid-input', `${f}.t`, `duplicate timestamp ${c.t}`, ex);
  if (c.t < prevT) throw new EngineError('invalid-input', `${f}.t`, `timestamps not ascending (${c.t} after ${prevT})`, ex);
  positive(c.open, `${f}.open`, ex);
  positive(c.high, `${f}.high`, ex);
  positive(c.low, `${f}.low`, ex);
  positive(c.close, `${f}.close`, ex);
  if (c.low > c.high) throw new EngineError('invalid-input', `${f}.low`, `low ${c.low} above high ${c.high}`, ex);
  nonNegative(c.baseVolume, `${f}.baseVolume`, ex);
  nonNegative(c.quoteVolume, `${f}.quoteVolume`, ex);
  nonNegative(c.takerBuyBase, `${f}.takerBuyBase`, ex);
  throw new EngineError('invalid-input', f, 'invalid candle', ex);
}

/** All series describe one symbol, once per exchange. */
export function validateSeriesSet(series: readonly MarketSeries[], trustedUntil?: (ex: Exchange) => number | undefined): void {
  const seen = new Set<Exchange>();
  for (const s of series) {
    validateSeries(s, trustedUntil?.(s.exchange) ?? -Infinity);
    if (seen.has(s.exchange)) throw new EngineError('invalid-input', 'series', 'exchange appears twice', s.exchange);
    seen.add(s.exchange);
    if (s.symbol !== series[0]!.symbol) {
      throw new EngineError('invalid-input', 'symbol', `series mismatch: ${s.symbol} vs ${series[0]!.symbol}`, s.exchange);
    }
  }
}

export function validatePosition(p: Position, symbol: string | undefined): void {
  const ex = p.exchange;
  // The one position check (./position-check.ts): the same rules as page reads, manual entries and messages.
  const problem = positionIssue(p);
  if (problem) throw new EngineError('invalid-input', `position.${problem.field}`, problem.message, ex);
  if (symbol !== undefined && p.symbol !== symbol) {
    throw new EngineError('invalid-input', 'position.symbol', `position is ${p.symbol} but the market data is ${symbol}`, ex);
  }
}

/** A planned trade: side long/short, entry a positive price. */
export function validatePlan(side: unknown, entry: unknown): void {
  if (side !== undefined && side !== 'long' && side !== 'short') throw new EngineError('invalid-input', 'plannedSide', `must be long or short, got ${String(side)}`);
  if (entry !== undefined) positive(entry, 'plannedEntry');
}

export function validateAccount(a: { sizeUsd: Usd; riskPct: Pct; leverage?: number }): void {
  positive(a.sizeUsd, 'account.sizeUsd');
  if (!(finite(a.riskPct) && a.riskPct > 0 && a.riskPct <= 100)) throw new EngineError('invalid-input', 'account.riskPct', `must be within (0, 100], got ${String(a.riskPct)}`);
  if (a.leverage !== undefined && !leverageOk(a.leverage)) throw new EngineError('invalid-input', 'account.leverage', `${LEVERAGE_RANGE}, got ${String(a.leverage)}`);
}

export function validateMacroEvents(events: readonly { t: UtcMs; label: string }[]): void {
  events.forEach((e, i) => timestamp(e.t, `macroEvents[${i}].t`));
}

export function validateConfig(c: EngineConfig): void {
  const bad = (field: string, detail: string) => new EngineError('invalid-config', `config.${field}`, detail);
  if (c.tiers.length === 0 || c.tiers.length !== c.tierWeights.length) throw bad('tierWeights', 'must be non-empty and match tiers');
  c.tiers.forEach((l, i) => {
    if (!finite(l) || l < 1) throw bad(`tiers[${i}]`, `leverage must be ≥ 1, got ${String(l)}`);
  });
  c.tierWeights.forEach((w, i) => {
    if (!finite(w) || w < 0) throw bad(`tierWeights[${i}]`, `must be ≥ 0, got ${String(w)}`);
  });
  const positives: (keyof EngineConfig)[] = ['modelBinPct', 'binPct', 'mapRangePct', 'nearestMaxDistancePct', 'asymmetryWindowPct', 'staleWindowHours', 'depthMaxAgeMin'];
  for (const k of positives) {
    const v = c[k];
    if (!finite(v) || v <= 0) throw bad(k, `must be > 0, got ${String(v)}`);
  }
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'number' && !(v >= 0) && k !== 'halfLifeHours') throw bad(k, `must be a number ≥ 0, got ${String(v)}`);
    if (typeof v === 'number' && !Number.isFinite(v) && k !== 'halfLifeHours') throw bad(k, `must be finite, got ${String(v)}`);
  }
  const [from, to] = c.thinSessionUtcHours;
  if (!(from >= 0 && from <= 24 && to >= 0 && to <= 24)) throw bad('thinSessionUtcHours', 'hours must lie within 0–24');
  for (const [ex, fee] of Object.entries(c.closeFeeRate)) if (!(fee !== undefined && fee >= 0 && fee < 0.1)) throw bad(`closeFeeRate.${ex}`, `must be a fraction within [0, 0.1), got ${String(fee)}`);
  if (!(c.halfLifeHours > 0)) throw bad('halfLifeHours', `must be > 0 (Infinity = no decay), got ${c.halfLifeHours}`);
  if (!finite(c.longShare) || c.longShare < 0 || c.longShare > 1) throw bad('longShare', 'must be within [0, 1]');
  if (!Number.isInteger(c.nearestCount) || c.nearestCount < 1) throw bad('nearestCount', 'must be an integer ≥ 1');
  if (!(c.stopBufferMinPct >= 0 && c.stopBufferMinPct <= c.stopBufferMaxPct)) throw bad('stopBufferMinPct', 'must be ≥ 0 and ≤ stopBufferMaxPct');
  if (c.mapRangePct / c.binPct > 20_000) throw bad('binPct', 'more than 20,000 bins per side');
  if (c.mapRangePct >= 100) throw bad('mapRangePct', 'must be below 100');
  if (!(c.lfrNeutralFrom <= c.lfrFavourableFrom && c.lfrFavourableFrom <= c.lfrStrongAbove)) throw bad('lfrFavourableFrom', 'LFR band limits must ascend');
  const [eMin, eMax] = c.emphasisLeverage;
  if (!(finite(eMin) && finite(eMax) && eMin >= 1 && eMin <= eMax)) throw bad('emphasisLeverage', 'must be [min, max] leverage with 1 ≤ min ≤ max');
}
