/**
 * The order-flow part of the engine config (issue #12 item 3): every threshold the live signals use, named
 * with its default and why. Kept beside the flow modules and resolved like EngineConfig (shallow overrides).
 */
import type { Pct, Usd } from '../units';

export interface FlowConfig {
  /* ---------------------------------------------------------------- spoofing */
  /** A resting order is "large" at ≥ this multiple of the median level size on its side of the book. */
  spoofSizeMultiple: number;
  /** A large order that vanishes within this many seconds of appearing, without price trading through it, is a spoof candidate. */
  spoofMaxLifetimeSec: number;
  /** Only orders within this percent of a cluster's near edge count (the seed: spoofs sit to trigger cascades). */
  spoofNearClusterPct: Pct;
  /** Candidates counted over this many seconds (the "per minute"). */
  spoofCountWindowSec: number;
  /** "Possible spoofing near cluster" from this many candidates in the count window. */
  spoofFlagCount: number;

  /* ---------------------------------------------------------------- delta divergence */
  /** Window over which the taker delta and the approach are measured, seconds. */
  deltaWindowSec: number;
  /** Price "approaches" a cluster when its distance to the near edge shrank by at least this share over the window. */
  approachMinShrink: number;
  /** … and the cluster is within this percent of the mark at the window's end. */
  approachMaxDistancePct: Pct;
  /** The delta counts as one-sided when |buy − sell| ÷ (buy + sell) USD reaches this. */
  deltaMinImbalance: number;

  /* ---------------------------------------------------------------- realised liquidations */
  /** "Estimated vs realised" counts realised liquidations over this many hours. */
  realisedWindowHours: number;
  /** A cascade is under way when realised USD at one cluster in the last `cascadeWindowSec` reaches this … */
  cascadeMinUsd: Usd;
  /** … or this share of the cluster's estimated USD, whichever is larger. */
  cascadeMinShare: number;
  cascadeWindowSec: number;
}

export const DEFAULT_FLOW_CONFIG: FlowConfig = Object.freeze({
  // 5× the median level: well beyond the book's ordinary size spread, as in spoofing studies' "outsized" orders.
  spoofSizeMultiple: 5,
  // Genuine liquidity rests for minutes; a wall pulled within seconds was not meant to fill.
  spoofMaxLifetimeSec: 10,
  spoofNearClusterPct: 0.5,
  spoofCountWindowSec: 60,
  spoofFlagCount: 2,

  deltaWindowSec: 60,
  approachMinShrink: 0.2,
  approachMaxDistancePct: 2,
  deltaMinImbalance: 0.2,

  realisedWindowHours: 24,
  // $1M in a minute at one level is well above a calm BTC minute's whole-market liquidations.
  cascadeMinUsd: 1_000_000,
  cascadeMinShare: 0.02,
  cascadeWindowSec: 60,
});

export function resolveFlowConfig(overrides?: Partial<FlowConfig>): FlowConfig {
  return overrides ? { ...DEFAULT_FLOW_CONFIG, ...overrides } : DEFAULT_FLOW_CONFIG;
}
