import type { BookLevel, Candle, OpenInterestPoint } from '../../engine/types';
import type { Coin, UtcMs } from '../../engine/units';

const COVER_SLACK_MS = 300_000;

/** Merge two time-keyed series: `fresh` wins on equal t, result ascending, points before `keepFrom` dropped. */
export function mergeByTime<T extends { t: number }>(old: readonly T[], fresh: readonly T[], keepFrom: number): T[] {
  const byT = new Map<number, T>();
  for (const p of old) if (p.t >= keepFrom) byT.set(p.t, p);
  for (const p of fresh) if (p.t >= keepFrom) byT.set(p.t, p);
  return [...byT.values()].sort((a, b) => a.t - b.t);
}

/** Ascending by t with duplicate t removed (last wins): every parser ends with this. */
export function ascending<T extends { t: number }>(rows: readonly T[]): T[] {
  return mergeByTime([], rows, -Infinity);
}

/**
 * USD value of coin-only OI points (Bybit history): coin × the close of the bar containing t, else
 * the nearest earlier close. Points before the first candle use its open.
 */
export function oiWithUsd(points: readonly { t: UtcMs; coin: Coin }[], candles: readonly Candle[]): OpenInterestPoint[] {
  const out: OpenInterestPoint[] = [];
  let j = 0;
  for (const p of points) {
    while (j + 1 < candles.length && (candles[j + 1]?.t ?? Infinity) <= p.t) j += 1;
    const c = candles[j];
    const price = c === undefined ? 0 : c.t <= p.t ? c.close : c.open;
    out.push({ t: p.t, coin: p.coin, usd: p.coin * price });
  }
  return out;
}

/** Newest t of a series, or undefined when empty. */
export function lastT(rows: readonly { t: number }[]): number | undefined {
  return rows.length > 0 ? rows[rows.length - 1]?.t : undefined;
}

/** Start of the bar that contains `t`. */
export function barStart(t: number, barMs: number): number {
  return Math.floor(t / barMs) * barMs;
}

/**
 * Re-express a candle in canonical units (see symbols.ts): quantities × k, prices ÷ k, USD unchanged.
 * k = 1 (the common case) returns the candle as is.
 */
export function candleInUnits(c: Candle, k: number): Candle {
  if (k === 1) return c;
  const out: Candle = { t: c.t, open: c.open / k, high: c.high / k, low: c.low / k, close: c.close / k, baseVolume: c.baseVolume * k, quoteVolume: c.quoteVolume };
  if (c.takerBuyBase !== undefined) out.takerBuyBase = c.takerBuyBase * k;
  return out;
}

/** An OI point in canonical units: coin × k, USD unchanged. */
export function oiInUnits(p: OpenInterestPoint, k: number): OpenInterestPoint {
  return { t: p.t, coin: p.coin * k, usd: p.usd };
}

export function levelsInUnits(levels: readonly BookLevel[], k: number): BookLevel[] {
  return levels.map(([p, q]) => [p / k, q * k]);
}

/**
 * Taker-buy volume from a separate statistics endpoint (OKX, Bitget) onto the candles of the same
 * open time. Only bars the statistics cover get a split; the others stay without one (never guessed).
 */
export function withTakerBuy(candles: readonly Candle[], taker: readonly { t: UtcMs; buyCoin: Coin }[]): Candle[] {
  if (taker.length === 0) return [...candles];
  const byT = new Map(taker.map((p) => [p.t, p.buyCoin]));
  return candles.map((c) => {
    const buy = byT.get(c.t);
    return buy === undefined ? c : { ...c, takerBuyBase: buy };
  });
}

/**
 * Long/short statistics come in 5-minute periods: fetch them only when a period has closed since the
 * newest point held, so most warm refreshes skip the request.
 */
export function longShortDue(held: readonly { t: number }[] | undefined, now: number, periodMs: number): boolean {
  const last = held && held.length > 0 ? held[held.length - 1]!.t : undefined;
  return last === undefined || last < barStart(now, periodMs) - periodMs;
}

/**
 * OI history covers the window once its oldest point is within one bar of the window start. Bitget's
 * polled series needs days to get there; the others fall short only when the exchange keeps less
 * history than the window (Binance futures/data: 30 days) — either way the map says so (oiPartial).
 */
export function oiCoversWindow(points: readonly { t: number }[], windowStart: number): boolean {
  const first = points[0];
  return first !== undefined && first.t <= windowStart + COVER_SLACK_MS;
}
