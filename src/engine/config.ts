/**
 * Every numeric choice of the engine, named and documented in one place (docs/design.md §5). Defaults follow
 * docs/accuracy-model.md §5; calibration (docs/design.md §5.4) may change the defaults here and only here.
 * Percent values carry `Pct` in their name (1 = 1 %); fractions do not.
 */
import type { Exchange } from './types';
import type { Fraction, Pct } from './units';

export interface EngineConfig {
  /* ---------------------------------------------------------------- model (§5.1) */
  /** Leverage of each simulated tier; capped per exchange at its tier-1 max leverage. */
  tiers: readonly number[];
  /** Share of new positions per tier, index-aligned with `tiers`; normalised to sum 1 when used. */
  tierWeights: readonly number[];
  /** Width of one model bin in log-price, as percent (0.05 % ≈ $50 at $100k). */
  modelBinPct: Pct;
  /** Exponential decay half-life of resting positions, hours (72 h to ∞ measured equivalent; 24 h worse). */
  halfLifeHours: number;
  /**
   * Fee to close that some exchanges add to the maintenance requirement (fraction), which pulls the
   * liquidation price slightly closer (docs/liquidation-model.md §2). The engine names no exchange: the
   * rates come from the exchanges' descriptors (src/sites, via engineConfigFromSettings); unset = 0.
   */
  closeFeeRate: Readonly<Partial<Record<Exchange, Fraction>>>;
  /** Share of the new quantity given to longs; 0.5 = every contract has one long and one short holder. */
  longShare: Fraction;
  /**
   * Cap on the model's work (issue 17): the distance a series' price travels (Σ of each bar's log range plus
   * the gaps between bars), counted in model bins. A model's work and memory grow with it, so when a series
   * travels farther (prices over decades, a wild feed) its model bins are widened by a power of 2 until the
   * path fits, and the analysis carries a `coarse-grid` signal. A calm week of BTC travels ≈ 54,000 bins of
   * 0.01 %; the default keeps one analysis of four exchanges within tens of milliseconds for any input.
   */
  modelMaxPathBins: number;

  /* ---------------------------------------------------------------- map (§5.1.6–7) */
  /** Output bin width as percent of the reference price. */
  binPct: Pct;
  /** The map covers reference ± this percent. */
  mapRangePct: Pct;
  /** Gaussian smoothing of the density before cluster detection, in bins (docs/design.md §5.1.6: 1–2). */
  smoothingSigmaBins: number;

  /* ---------------------------------------------------------------- clusters (§5.2) */
  /** A bin belongs to a cluster when its smoothed density's z-score over the side exceeds this. */
  clusterZ: number;
  /** Cluster peaks closer than this percent of the reference merge into one cluster. */
  clusterMergePct: Pct;

  /* ---------------------------------------------------------------- analytics (§5.3) */
  /** Clusters counted on each side for the LFR. */
  nearestCount: number;
  /** LFR bands: below `lfrNeutralFrom` adverse, then neutral, favourable from `lfrFavourableFrom`, strong above `lfrStrongAbove`. */
  lfrNeutralFrom: number;
  lfrFavourableFrom: number;
  lfrStrongAbove: number;
  /** Leverage tiers the seed calls the most actionable, [min, max]: emphasised wherever clusters are shown. */
  emphasisLeverage: readonly [number, number];
  /** Clusters farther than this percent from the reference are ignored by the LFR and the stop. */
  nearestMaxDistancePct: Pct;
  /** Stop buffer beyond the risk-side cluster's far edge, percent; kept within [stopBufferMinPct, stopBufferMaxPct]. */
  stopBufferPct: Pct;
  stopBufferMinPct: Pct;
  stopBufferMaxPct: Pct;
  /** Taker fee per side, percent of notional; sizing charges it twice (open + close). */
  takerFeePct: Pct;
  /** Leverage used for sizing when neither the account nor the position names one. */
  defaultLeverage: number;
  /** Asymmetry window: long USD in [ref·(1 − w), ref) vs short USD in (ref, ref·(1 + w)]. */
  asymmetryWindowPct: Pct;
  /** Fragility flag when the ratio's percentile in its own history is ≤ p or ≥ 100 − p. */
  asymmetryPercentile: number;
  /** Below this many history values the percentile is not trusted and the reference ratio is used. */
  asymmetryMinHistory: number;
  /** The seed's fixed 2.5:1, shown beside the percentile (not a promise of direction). */
  asymmetryReferenceRatio: number;
  /** Neighbouring clusters closer than this percent chain into a cascade. */
  cascadeChainGapPct: Pct;
  /** An order book older than this (minutes, against `now`) says nothing about depth: no depth ratio from it. */
  depthMaxAgeMin: number;
  /** A gap of at least this percent ends a chain where price "often stabilises". */
  cascadeEndGapPct: Pct;
  /** Expected overshoot past the last cluster of a chain, percent. */
  cascadeOvershootMinPct: Pct;
  cascadeOvershootMaxPct: Pct;

  /* ---------------------------------------------------------------- signals */
  /** Stale map: OI fell by more than this percent ... */
  staleOiDropPct: Pct;
  /** ... within this many hours. */
  staleWindowHours: number;
  /** Funding per 8 h (percent) beyond which a squeeze setup is considered. */
  squeezeFundingPct: Pct;
  /** A squeeze needs a cluster of the crowded side within this percent. */
  squeezeNearPct: Pct;
  /** Thin session, UTC hours [from, to) (Asian session for BTC), and weekends. */
  thinSessionUtcHours: readonly [number, number];
  /** Macro events within [t − before, t + after] hours of now raise a signal. */
  macroBeforeHours: number;
  macroAfterHours: number;
  /** Map window the hub is expected to supply, days; less history marks the exchange partial. */
  windowDays: number;
}

export const DEFAULT_CONFIG: EngineConfig = Object.freeze({
  tiers: Object.freeze([5, 10, 25, 50, 100]),
  tierWeights: Object.freeze([0.15, 0.3, 0.25, 0.2, 0.1]),
  // Calibrated walk-forward (docs/accuracy.md): 0.01 % beats 0.05 % out of fold on both sides; finer gains nothing.
  modelBinPct: 0.01,
  halfLifeHours: 7 * 24,
  closeFeeRate: Object.freeze({}),
  longShare: 0.5,
  modelMaxPathBins: 150_000,

  binPct: 0.05,
  mapRangePct: 15,
  smoothingSigmaBins: 1.5,

  clusterZ: 1.5,
  clusterMergePct: 0.3,

  nearestCount: 3,
  lfrNeutralFrom: 1,
  lfrFavourableFrom: 1.5,
  lfrStrongAbove: 2,
  emphasisLeverage: Object.freeze([10, 25]) as unknown as readonly [number, number],
  nearestMaxDistancePct: 10,
  stopBufferPct: 0.4,
  stopBufferMinPct: 0.3,
  stopBufferMaxPct: 0.5,
  takerFeePct: 0.05,
  defaultLeverage: 5,
  asymmetryWindowPct: 10,
  asymmetryPercentile: 5,
  asymmetryMinHistory: 20,
  asymmetryReferenceRatio: 2.5,
  cascadeChainGapPct: 1,
  depthMaxAgeMin: 5,
  cascadeEndGapPct: 3,
  cascadeOvershootMinPct: 0.3,
  cascadeOvershootMaxPct: 0.8,

  staleOiDropPct: 15,
  staleWindowHours: 4,
  squeezeFundingPct: 0.03,
  squeezeNearPct: 2,
  thinSessionUtcHours: Object.freeze([0, 7]) as unknown as readonly [number, number],
  macroBeforeHours: 24,
  macroAfterHours: 2,
  windowDays: 7,
});

/** Defaults overlaid with the caller's overrides (shallow: arrays and records replace whole). */
export function resolveConfig(overrides?: Partial<EngineConfig>): EngineConfig {
  return overrides ? { ...DEFAULT_CONFIG, ...overrides } : DEFAULT_CONFIG;
}

/** The fee to close added to an exchange's maintenance rate (0 when the exchange has none or is unknown). */
export function closeFee(cfg: EngineConfig, exchange: Exchange | undefined): Fraction {
  return (exchange !== undefined ? cfg.closeFeeRate[exchange] : undefined) ?? 0;
}
