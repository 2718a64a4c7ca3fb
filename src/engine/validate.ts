/**
 * Input checks at the engine's door: anything that would turn into NaN, Infinity or a silently wrong map
 * becomes an EngineError naming the field and the exchange.
 */
import type { EngineConfig } from './config';
import { EngineError } from './errors';
import { MAX_ABS_TIME_MS, MAX_COIN, MAX_LEVERAGE, MAX_PRICE, MAX_USD, MIN_COIN, MIN_LEVERAGE, MIN_PRICE } from './limits';
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
  if (Math.abs(x) > MAX_ABS_TIME_MS) throw new EngineError('out-of-range', field, `time ${x} ms is outside the dates a clock can show`, exchange);
}
// Local copies: the checks run per bar, and an imported binding can be a getter under some module loaders.
const P_MIN = MIN_PRICE;
const P_MAX = MAX_PRICE;
const C_MIN = MIN_COIN;
const C_MAX = MAX_COIN;
const U_MAX = MAX_USD;
const T_MAX = MAX_ABS_TIME_MS;
const priceOk = (x: number) => x >= P_MIN && x <= P_MAX;
const coinOk = (x: number) => x === 0 || (x >= C_MIN && x <= C_MAX);
/** A price: positive, finite and within [MIN_PRICE, MAX_PRICE]. */
function price(x: unknown, field: string, exchange?: Exchange): void {
  positive(x, field, exchange);
  if (!priceOk(x as number)) throw new EngineError('out-of-range', field, `price ${String(x)} is outside ${MIN_PRICE}–${MAX_PRICE}`, exchange);
}
/** A quantity in coin: 0 or within [MIN_COIN, MAX_COIN]. */
function coin(x: unknown, field: string, exchange?: Exchange): void {
  nonNegative(x, field, exchange);
  if (!coinOk(x as number)) throw new EngineError('out-of-range', field, `quantity ${String(x)} is outside 0 or ${MIN_COIN}–${MAX_COIN} coins`, exchange);
}
/** A USD amount: finite, ≥ 0, at most MAX_USD. */
function usd(x: unknown, field: string, exchange?: Exchange): void {
  nonNegative(x, field, exchange);
  if ((x as number) > MAX_USD) throw new EngineError('out-of-range', field, `amount ${String(x)} USD is above ${MAX_USD}`, exchange);
}
const timeOk = (t: number) => t >= -T_MAX && t <= T_MAX;

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
  if (s.barMs > 366 * 86_400_000) throw new EngineError('out-of-range', 'barMs', `bar of ${s.barMs} ms is longer than a year`, ex);
  price(s.markPrice, 'markPrice', ex);
  price(s.indexPrice, 'indexPrice', ex);
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
      timeOk(c.t) && c.t > prevT &&
      priceOk(c.open) && priceOk(c.high) && priceOk(c.low) && priceOk(c.close) && c.low <= c.high &&
      coinOk(c.baseVolume) && c.quoteVolume >= 0 && c.quoteVolume <= U_MAX &&
      (c.takerBuyBase === undefined || coinOk(c.takerBuyBase));
    if (!ok) candleError(c, i, prevT, ex);
    prevT = c.t;
  }
  const oi = s.openInterest;
  const o0 = Math.max(0, firstAfter(oi, trustedUntil) - 1);
  prevT = o0 > 0 ? oi[o0 - 1]!.t : -Infinity;
  for (let i = o0; i < oi.length; i++) {
    const p = oi[i]!;
    if (!(timeOk(p.t) && p.t > prevT && coinOk(p.coin) && p.usd >= 0 && p.usd <= U_MAX)) {
      const f = `openInterest[${i}]`;
      timestamp(p.t, `${f}.t`, ex);
      if (p.t === prevT) throw new EngineError('invalid-input', `${f}.t`, `duplicate timestamp ${p.t}`, ex);
      if (p.t < prevT) throw new EngineError('invalid-input', `${f}.t`, `timestamps not ascending (${p.t} after ${prevT})`, ex);
      coin(p.coin, `${f}.coin`, ex);
      usd(p.usd, `${f}.usd`, ex);
      throw new EngineError('invalid-input', f, 'invalid open-interest point', ex);
    }
    prevT = p.t;
  }
  if (s.funding) {
    if (!finite(s.funding.rate)) throw new EngineError('invalid-input', 'funding.rate', `must be finite, got ${String(s.funding.rate)}`, ex);
    if (Math.abs(s.funding.rate) > 1) throw new EngineError('out-of-range', 'funding.rate', `a funding rate of ${s.funding.rate} is more than 100 % per interval`, ex);
    positive(s.funding.intervalHours, 'funding.intervalHours', ex);
    if (s.funding.intervalHours > 24 * 366) throw new EngineError('out-of-range', 'funding.intervalHours', `${s.funding.intervalHours} h is longer than a year`, ex);
  }
  if (s.depth) {
    timestamp(s.depth.t, 'depth.t', ex);
    for (const side of ['bids', 'asks'] as const) {
      const levels = s.depth[side];
      for (let i = 0; i < levels.length; i++) {
        const [p, q] = levels[i]!;
        if (finite(p) && priceOk(p) && finite(q) && coinOk(q)) continue;
        price(p, `depth.${side}[${i}].price`, ex);
        coin(q, `depth.${side}[${i}].coin`, ex);
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
  price(c.open, `${f}.open`, ex);
  price(c.high, `${f}.high`, ex);
  price(c.low, `${f}.low`, ex);
  price(c.close, `${f}.close`, ex);
  if (c.low > c.high) throw new EngineError('invalid-input', `${f}.low`, `low ${c.low} above high ${c.high}`, ex);
  coin(c.baseVolume, `${f}.baseVolume`, ex);
  usd(c.quoteVolume, `${f}.quoteVolume`, ex);
  if (c.takerBuyBase !== undefined) coin(c.takerBuyBase, `${f}.takerBuyBase`, ex);
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
  price(p.entry, 'position.entry', ex);
  coin(p.size, 'position.size', ex);
  if (p.liqPrice !== undefined) price(p.liqPrice, 'position.liqPrice', ex);
  if (symbol !== undefined && p.symbol !== symbol) {
    throw new EngineError('invalid-input', 'position.symbol', `position is ${p.symbol} but the market data is ${symbol}`, ex);
  }
}

/** A planned trade: side long/short, entry a positive price. */
export function validatePlan(side: unknown, entry: unknown): void {
  if (side !== undefined && side !== 'long' && side !== 'short') throw new EngineError('invalid-input', 'plannedSide', `must be long or short, got ${String(side)}`);
  if (entry !== undefined) price(entry, 'plannedEntry');
}

export function validateAccount(a: { sizeUsd: Usd; riskPct: Pct; leverage?: number }): void {
  positive(a.sizeUsd, 'account.sizeUsd');
  if (a.sizeUsd > MAX_USD / 1e6) throw new EngineError('out-of-range', 'account.sizeUsd', `account of ${a.sizeUsd} USD is above ${MAX_USD / 1e6}`);
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
  if (!(Number.isInteger(c.modelMaxPathBins) && c.modelMaxPathBins >= 1_000 && c.modelMaxPathBins <= 10_000_000)) throw bad('modelMaxPathBins', 'must be an integer within 1,000–10,000,000');
  if (!(c.lfrNeutralFrom <= c.lfrFavourableFrom && c.lfrFavourableFrom <= c.lfrStrongAbove)) throw bad('lfrFavourableFrom', 'LFR band limits must ascend');
  const [eMin, eMax] = c.emphasisLeverage;
  if (!(finite(eMin) && finite(eMax) && eMin >= 1 && eMin <= eMax)) throw bad('emphasisLeverage', 'must be [min, max] leverage with 1 ≤ min ≤ max');
}
