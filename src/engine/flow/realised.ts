/**
 * Realised liquidations against the estimated bands (issue #12 items 2 and 4): how much of each band was hit
 * in the last `realisedWindowHours` ("estimated vs realised"), and whether a cascade is under way at a band
 * (realised USD in the last `cascadeWindowSec` past a threshold). A liquidation hits a band when it is of the
 * band's side (a long band holds longs' liquidations) and its price lies within [low, high].
 */
import type { Cluster } from '../types';
import type { Usd, UtcMs } from '../units';
import type { FlowConfig } from './config';
import type { LiquidationEvent } from './events';
import { Ring } from './ring';

/** Liquidations as the flow state keeps them: a time-sorted ring, `long` 1 for a long liquidated, else 0. */
export type LiquidationRing = Pick<Ring<'t' | 'price' | 'qty' | 'usd' | 'long'>, 'size' | 'get'>;
export const LIQUIDATION_FIELDS = ['t', 'price', 'qty', 'usd', 'long'] as const;

/** A ring holding `events` (time-sorted), for callers that have them as objects. */
export function liquidationRing(events: readonly LiquidationEvent[], capacity = Math.max(1, events.length)): Ring<(typeof LIQUIDATION_FIELDS)[number]> {
  const r = new Ring(capacity, LIQUIDATION_FIELDS);
  for (const l of events) r.push({ t: l.t, price: l.price, qty: l.qty, usd: l.usd, long: l.side === 'long' ? 1 : 0 });
  return r;
}

export interface BandRealised {
  /** Index into the clusters given. */
  cluster: number;
  estimatedUsd: Usd;
  realisedUsd: Usd;
  /** realised ÷ estimated; 0 for an empty band, never NaN. */
  share: number;
}

export interface CascadeUnderWay {
  cluster: number;
  side: Cluster['side'];
  /** Why it fired: realised USD at the band in the window, and the threshold it passed. */
  realisedUsd: Usd;
  thresholdUsd: Usd;
  windowSec: number;
}

/** USD of `c`'s side liquidated inside [low, high] in (from, now]; walks back from the newest, so it costs the window only. */
function realisedSince(c: Cluster, liqs: LiquidationRing, from: UtcMs, now: UtcMs): Usd {
  const long = c.side === 'long' ? 1 : 0;
  let usd = 0;
  for (let i = liqs.size - 1; i >= 0; i--) {
    const t = liqs.get(i, 't');
    if (t <= from) break;
    if (t > now || liqs.get(i, 'long') !== long) continue;
    const p = liqs.get(i, 'price');
    const u = liqs.get(i, 'usd');
    if (p >= c.low && p <= c.high && Number.isFinite(u) && u > 0) usd += u;
  }
  return usd;
}

export function realisedByBand(clusters: readonly Cluster[], liqs: LiquidationRing, now: UtcMs, cfg: FlowConfig): BandRealised[] {
  const from = now - cfg.realisedWindowHours * 3_600_000;
  return clusters.map((c, i) => {
    const realisedUsd = realisedSince(c, liqs, from, now);
    return { cluster: i, estimatedUsd: c.usd, realisedUsd, share: c.usd > 0 ? realisedUsd / c.usd : 0 };
  });
}

/** Every band where a cascade is under way now, largest realised first. */
export function cascadesUnderWay(clusters: readonly Cluster[], liqs: LiquidationRing, now: UtcMs, cfg: FlowConfig): CascadeUnderWay[] {
  const from = now - cfg.cascadeWindowSec * 1000;
  const out: CascadeUnderWay[] = [];
  clusters.forEach((c, i) => {
    const realisedUsd = realisedSince(c, liqs, from, now);
    const thresholdUsd = Math.max(cfg.cascadeMinUsd, cfg.cascadeMinShare * c.usd);
    if (realisedUsd >= thresholdUsd && realisedUsd > 0) out.push({ cluster: i, side: c.side, realisedUsd, thresholdUsd, windowSec: cfg.cascadeWindowSec });
  });
  return out.sort((a, b) => b.realisedUsd - a.realisedUsd);
}
