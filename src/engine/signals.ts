/**
 * Signals (docs/design.md §5.3): reasons to trust the map less or to expect a violent move. Each carries the
 * numbers that made it fire; the sentence is written by the UI (src/ui/messages.ts), so no caller has to
 * read English. Time comes in as `now` (ms); nothing here reads a clock.
 */
import { DEFAULT_CONFIG, type EngineConfig } from './config';
import type { Cluster, FuelRatio, MarketSeries, Signal, StopSuggestion } from './types';
import type { Pct, Price, UtcMs } from './units';

const HOUR = 3_600_000;

/** Stale map: an exchange's OI fell more than `staleOiDropPct` within the last `staleWindowHours`. */
export function staleMapSignals(series: readonly MarketSeries[], now: UtcMs, cfg: EngineConfig): Signal[] {
  const out: Signal[] = [];
  const since = now - cfg.staleWindowHours * HOUR;
  for (const s of series) {
    let peak = 0;
    let drop = 0;
    for (const p of s.openInterest) {
      if (p.t < since || p.t > now) continue;
      peak = Math.max(peak, p.coin);
      if (peak > 0) drop = Math.max(drop, (peak - p.coin) / peak);
    }
    if (drop * 100 > cfg.staleOiDropPct) {
      out.push({ kind: 'stale-map', severity: 'warn', exchange: s.exchange, dropPct: drop * 100, windowHours: cfg.staleWindowHours });
    }
  }
  return out;
}

/** Funding per 8 h in percent, averaged over the exchanges that report it. */
export function fundingPer8hPct(series: readonly MarketSeries[]): Pct | undefined {
  const rates = series.flatMap((s) => (s.funding && s.funding.intervalHours > 0 ? [(s.funding.rate * 100 * 8) / s.funding.intervalHours] : []));
  return rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : undefined;
}

/** Squeeze setup: the crowded side pays funding and its liquidation cluster sits close. */
export function squeezeSignals(series: readonly MarketSeries[], clusters: readonly Cluster[], reference: Price, cfg: EngineConfig): Signal[] {
  const f = fundingPer8hPct(series);
  if (f === undefined || Math.abs(f) < cfg.squeezeFundingPct) return [];
  // Negative funding: shorts pay, shorts crowded → short liquidations above can squeeze price up.
  const side = f < 0 ? 'short' : 'long';
  const near = clusters.filter((c) => c.side === side && Math.abs(c.distancePct) <= cfg.squeezeNearPct);
  if (near.length === 0) return [];
  const totalUsd = near.reduce((a, c) => a + c.usd, 0);
  return [{ kind: 'squeeze-setup', severity: 'warn', side, fundingPer8hPct: f, totalUsd, nearPct: cfg.squeezeNearPct, reference }];
}

/** Thin session: the Asian session hours (UTC) or a weekend, when books are thinner. */
export function thinSessionSignals(now: UtcMs, cfg: EngineConfig): Signal[] {
  const d = new Date(now);
  const h = d.getUTCHours();
  const [from, to] = cfg.thinSessionUtcHours;
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  const inSession = from <= to ? h >= from && h < to : h >= from || h < to;
  if (!weekend && !inSession) return [];
  return [{ kind: 'thin-session', severity: 'info', weekend, fromUtcHour: from, toUtcHour: to }];
}

/** Macro events from the user's list that are close in time. */
export function macroSignals(events: readonly { t: UtcMs; label: string }[], now: UtcMs, cfg: EngineConfig): Signal[] {
  return events
    .filter((e) => e.t >= now - cfg.macroAfterHours * HOUR && e.t <= now + cfg.macroBeforeHours * HOUR)
    .sort((a, b) => a.t - b.t)
    .map((e) => ({ kind: 'macro-event', severity: 'warn', label: e.label, hoursAway: (e.t - now) / HOUR }));
}

export function ownLiquidationSignals(stop: StopSuggestion): Signal[] {
  if (stop.kind !== 'stop' || !stop.liquidationBeforeStop) return [];
  const { liqPrice, maxLeverage } = stop.liquidationBeforeStop;
  return [{ kind: 'own-liq-before-stop', severity: 'warn', liqPrice, stopPrice: stop.price, maxLeverage }];
}

export function adverseFuelSignals(lfr: FuelRatio, cfg: Pick<EngineConfig, 'lfrNeutralFrom'> = DEFAULT_CONFIG): Signal[] {
  if (lfr.kind !== 'ratio' || lfr.band !== 'adverse') return [];
  return [{ kind: 'adverse-lfr', severity: 'warn', value: lfr.value, threshold: cfg.lfrNeutralFrom, profitUsd: lfr.profitUsd, riskUsd: lfr.riskUsd }];
}
