/**
 * Delta divergence (issue #12 item 3, the seed's third integration point). Over the last `deltaWindowSec`:
 * - price *approaches* a cluster when the mark's distance to the cluster's near edge shrank by at least
 *   `approachMinShrink` of its start value, the mark has not crossed the edge, and the edge is within
 *   `approachMaxDistancePct` at the window's end;
 * - the taker delta is the USD bought minus the USD sold by aggressors; it is one-sided when
 *   |delta| ÷ (bought + sold) ≥ `deltaMinImbalance`.
 * Approaching a long cluster (price falling) while takers buy, or a short cluster (price rising) while they
 * sell, means the move is being absorbed: "absorption likely". The delta running the same way as the move is
 * "cascade fuel". Each signal carries the numbers that made it fire. The delta is over the same window
 * (`takerDelta` for an array of trades; the flow state sums its ring).
 */
import type { Cluster } from '../types';
import type { Pct, Usd, UtcMs } from '../units';
import type { FlowConfig } from './config';
import type { MarkTick, TradeEvent } from './events';

export interface DeltaSignal {
  cluster: number;
  side: Cluster['side'];
  kind: 'absorption-likely' | 'cascade-fuel';
  startDistancePct: Pct;
  endDistancePct: Pct;
  buyUsd: Usd;
  sellUsd: Usd;
  /** (buy − sell) ÷ (buy + sell), in [−1, 1]. */
  imbalance: number;
  windowSec: number;
}

/** Percent from the mark to the cluster's near edge, positive while the edge is still ahead. */
export function edgeDistancePct(c: Pick<Cluster, 'side' | 'low' | 'high'>, mark: number): Pct {
  return c.side === 'long' ? ((mark - c.high) / mark) * 100 : ((c.low - mark) / mark) * 100;
}

export interface TakerDelta {
  buyUsd: Usd;
  sellUsd: Usd;
}

/** Taker USD bought and sold in (from, to]. */
export function takerDelta(trades: Iterable<TradeEvent>, from: UtcMs, to: UtcMs): TakerDelta {
  let buyUsd = 0;
  let sellUsd = 0;
  for (const tr of trades) {
    if (tr.t <= from || tr.t > to) continue;
    const usd = tr.price * tr.qty;
    if (!Number.isFinite(usd) || usd <= 0) continue;
    if (tr.side === 'buy') buyUsd += usd;
    else sellUsd += usd;
  }
  return { buyUsd, sellUsd };
}

export function deltaDivergence(
  clusters: readonly Cluster[],
  marks: readonly MarkTick[],
  delta: TakerDelta,
  now: UtcMs,
  cfg: FlowConfig,
): DeltaSignal[] {
  const windowMs = cfg.deltaWindowSec * 1000;
  const from = now - windowMs;
  const inWindow = marks.filter((m) => m.t >= from && m.t <= now && m.price > 0 && Number.isFinite(m.price));
  if (inWindow.length < 2) return [];
  const start = inWindow.reduce((a, b) => (b.t < a.t ? b : a));
  const end = inWindow.reduce((a, b) => (b.t > a.t ? b : a));
  // Less than half a window of marks says nothing about a trend.
  if (end.t - start.t < windowMs / 2) return [];
  const { buyUsd, sellUsd } = delta;
  const total = buyUsd + sellUsd;
  if (total <= 0) return [];
  const imbalance = (buyUsd - sellUsd) / total;
  if (Math.abs(imbalance) < cfg.deltaMinImbalance) return [];
  const out: DeltaSignal[] = [];
  clusters.forEach((c, i) => {
    const d0 = edgeDistancePct(c, start.price);
    const d1 = edgeDistancePct(c, end.price);
    if (!(d0 > 0 && d1 >= 0 && d1 <= cfg.approachMaxDistancePct && d1 <= d0 * (1 - cfg.approachMinShrink))) return;
    // Takers pushing the way price moves toward this cluster: selling into a long cluster, buying into a short one.
    const withMove = c.side === 'long' ? imbalance < 0 : imbalance > 0;
    out.push({
      cluster: i,
      side: c.side,
      kind: withMove ? 'cascade-fuel' : 'absorption-likely',
      startDistancePct: d0,
      endDistancePct: d1,
      buyUsd,
      sellUsd,
      imbalance,
      windowSec: cfg.deltaWindowSec,
    });
  });
  return out;
}
