/**
 * Signals (docs/design.md §5.3): reasons to trust the map less or to expect a violent move. Each says why it fired.
 * Time comes in as `now` (ms); nothing here reads a clock.
 */
import type { EngineConfig } from './config';
import type { Cluster, FuelRatio, MarketSeries, Signal, StopSuggestion } from './types';

const HOUR = 3_600_000;
const pct = (x: number, digits = 1) => `${x.toFixed(digits)} %`;
const usd = (x: number) => (x >= 1e9 ? `$${(x / 1e9).toFixed(2)}B` : x >= 1e6 ? `$${(x / 1e6).toFixed(1)}M` : `$${Math.round(x).toLocaleString('en-US')}`);

/** Stale map: an exchange's OI fell more than `staleOiDropPct` within the last `staleWindowHours`. */
export function staleMapSignals(series: readonly MarketSeries[], now: number, cfg: EngineConfig): Signal[] {
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
      out.push({
        kind: 'stale-map',
        severity: 'warn',
        message: `Open interest on ${s.exchange} fell ${pct(drop * 100)} within ${cfg.staleWindowHours} h: positions were flushed and the map may show levels that no longer exist.`,
      });
    }
  }
  return out;
}

/** Funding per 8 h in percent, averaged over the exchanges that report it. */
export function fundingPer8hPct(series: readonly MarketSeries[]): number | undefined {
  const rates = series.flatMap((s) => (s.funding && s.funding.intervalHours > 0 ? [(s.funding.rate * 100 * 8) / s.funding.intervalHours] : []));
  return rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : undefined;
}

/** Squeeze setup: the crowded side pays funding and its liquidation cluster sits close. */
export function squeezeSignals(series: readonly MarketSeries[], clusters: readonly Cluster[], reference: number, cfg: EngineConfig): Signal[] {
  const f = fundingPer8hPct(series);
  if (f === undefined || Math.abs(f) < cfg.squeezeFundingPct) return [];
  // Negative funding: shorts pay, shorts crowded → short liquidations above can squeeze price up.
  const side = f < 0 ? 'short' : 'long';
  const near = clusters.filter((c) => c.side === side && Math.abs(c.distancePct) <= cfg.squeezeNearPct);
  if (near.length === 0) return [];
  const total = near.reduce((a, c) => a + c.usd, 0);
  const where = side === 'short' ? 'above' : 'below';
  return [
    {
      kind: 'squeeze-setup',
      severity: 'warn',
      message: `Funding ${f.toFixed(3)} % per 8 h (${side}s paying) with ${usd(total)} of ${side} liquidations within ${pct(cfg.squeezeNearPct)} ${where} ${reference.toPrecision(6)}: ${side} squeeze setup.`,
    },
  ];
}

/** Thin session: the Asian session hours (UTC) or a weekend, when books are thinner. */
export function thinSessionSignals(now: number, cfg: EngineConfig): Signal[] {
  const d = new Date(now);
  const h = d.getUTCHours();
  const [from, to] = cfg.thinSessionUtcHours;
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  const inSession = from <= to ? h >= from && h < to : h >= from || h < to;
  if (!weekend && !inSession) return [];
  const why = weekend ? 'weekend' : `Asian session (${from}–${to} UTC)`;
  return [{ kind: 'thin-session', severity: 'info', message: `Thin liquidity during the ${why}: clusters can be swept by smaller orders.` }];
}

/** Macro events from the user's list that are close in time. */
export function macroSignals(events: readonly { t: number; label: string }[], now: number, cfg: EngineConfig): Signal[] {
  return events
    .filter((e) => e.t >= now - cfg.macroAfterHours * HOUR && e.t <= now + cfg.macroBeforeHours * HOUR)
    .sort((a, b) => a.t - b.t)
    .map((e) => {
      const hours = (e.t - now) / HOUR;
      const when = hours >= 0 ? `in ${hours.toFixed(1)} h` : `${(-hours).toFixed(1)} h ago`;
      return { kind: 'macro-event', severity: 'warn', message: `${e.label} ${when}: expect sharp moves that can sweep clusters on both sides.` };
    });
}

export function ownLiquidationSignals(stop: StopSuggestion): Signal[] {
  if (stop.kind !== 'stop' || !stop.liquidationBeforeStop) return [];
  const { liqPrice, maxLeverage } = stop.liquidationBeforeStop;
  return [
    {
      kind: 'own-liq-before-stop',
      severity: 'warn',
      message: `Your liquidation at ${liqPrice.toPrecision(6)} comes before the suggested stop at ${stop.price.toPrecision(6)}: lower leverage to ${maxLeverage}x or less.`,
    },
  ];
}

export function adverseFuelSignals(lfr: FuelRatio): Signal[] {
  if (lfr.kind !== 'ratio' || lfr.band !== 'adverse') return [];
  return [
    {
      kind: 'adverse-lfr',
      severity: 'warn',
      message: `LFR ${lfr.value.toFixed(2)} < 1.0: more liquidation fuel against the position (${usd(lfr.riskUsd)}) than for it (${usd(lfr.profitUsd)}).`,
    },
  ];
}
