/**
 * Core types shared by every part of LiqLens (docs/design.md §4). Units are in the names where they could be
 * confused: `coin` = base-asset quantity, `usd` = quote (USDT) notional, `pct` = percent (1 = 1 %), and in
 * the types (./units.ts), so the compiler rejects a value of one unit where another is expected.
 * States are discriminated unions: "none" is never NaN, Infinity or a magic number.
 */
import type { CanonicalSymbol, Coin, Fraction, Pct, Price, Usd, UtcMs } from './units';

/**
 * Exchange ids. The engine names no exchange: the registry (src/sites/index.ts) adds its ids to this
 * interface by declaration merging, so `Exchange` is the registry's union without the engine importing it.
 * Checked alone (`tsc -p src/engine`) the registry is empty: any string then, not `never` (which made
 * `perExchange` and `closeFeeRate` unusable there).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExchangeRegistry {}
/** Checked alone (src/engine/tsconfig.json, no registry in the program), an exchange is any string id. */
export type Exchange = [keyof ExchangeRegistry] extends [never] ? string : Extract<keyof ExchangeRegistry, string>;

/** Canonical symbol BASE+QUOTE, e.g. `BTCUSDT`. */
export type Symbol = CanonicalSymbol;

export type Side = 'long' | 'short';

/** One bar. `t` = open time in ms, ascending. Volumes: base in coin, quote in USD. */
export interface Candle {
  t: UtcMs;
  open: Price;
  high: Price;
  low: Price;
  close: Price;
  baseVolume: Coin;
  quoteVolume: Usd;
  /** Taker-buy base volume where the exchange publishes it. */
  takerBuyBase?: Coin;
}

/** Open interest at time `t` (ms), always in both units. Contracts × contract size → coin. */
export interface OpenInterestPoint {
  t: UtcMs;
  coin: Coin;
  usd: Usd;
}

/** Long/short account split at time `t`: shares as fractions (0.66 = 66 % of accounts net long). */
export interface LongShortPoint {
  t: UtcMs;
  longShare: Fraction;
  shortShare: Fraction;
}

export interface Funding {
  /** Rate per interval as a fraction (0.0001 = 0.01 %). */
  rate: Fraction;
  intervalHours: number;
  nextTime: UtcMs;
}

/** Price level [price, quantity in coin]. Bids descending, asks ascending. */
export type BookLevel = readonly [price: Price, coin: Coin];
export interface DepthBook {
  t: UtcMs;
  bids: readonly BookLevel[];
  asks: readonly BookLevel[];
}

/** Tier-1 risk parameters of the symbol on one exchange. */
export interface RiskTier {
  /** Maintenance-margin rate of tier 1, as a fraction (0.004 = 0.4 %). */
  maintenanceRate: Fraction;
  maxLeverage: number;
  /** Where the numbers came from, shown in tooltips (a static table is dated). */
  source: 'api' | 'static-table';
  asOf?: string;
}

/** Everything one exchange tells us about one symbol, normalised at the edge (src/sites/<ex>/api.ts). */
export interface MarketSeries {
  exchange: Exchange;
  symbol: Symbol;
  /** Bar length in ms (300_000 for 5m). */
  barMs: number;
  candles: readonly Candle[];
  /** Finest OI history available, ascending. */
  openInterest: readonly OpenInterestPoint[];
  markPrice: Price;
  indexPrice: Price;
  funding?: Funding;
  depth?: DepthBook;
  risk: RiskTier;
  /** True when OI history does not yet cover the map window (an exchange without OI history polls its own). */
  oiPartial: boolean;
  /** Share of accounts net long / short, recent points, ascending (optional: context only). */
  longShort?: readonly LongShortPoint[];
  fetchedAt: UtcMs;
}

export interface Position {
  exchange: Exchange;
  symbol: Symbol;
  side: Side;
  entry: Price;
  /** Absolute size in coin. */
  size: Coin;
  leverage: number;
  marginMode: 'isolated' | 'cross';
  liqPrice?: Price;
  source: 'page' | 'manual';
}

/* ------------------------------------------------------------------ engine outputs */

/** One price bin of the map. Long USD lives only below the reference, short USD only above. */
export interface MapBin {
  /** Bin centre price. */
  price: Price;
  longUsd: Usd;
  shortUsd: Usd;
  /** USD per leverage tier, index-aligned with `LiquidationMap.tiers`. */
  longByTier: readonly Usd[];
  shortByTier: readonly Usd[];
}

export interface ExchangeContribution {
  longUsd: Usd;
  shortUsd: Usd;
  /** The exchange's own mark price and its basis to the reference (mark − reference, a price difference). */
  mark: Price;
  basis: number;
  partial: boolean;
}

export interface LiquidationMap {
  symbol: Symbol;
  /** Reference mark price the grid is centred on. */
  reference: Price;
  /** Bin width in price units (0.05 % of the reference by default): a price difference, not a price. */
  binWidth: number;
  /** Leverage of each tier, e.g. [5, 10, 25, 50, 100]. */
  tiers: readonly number[];
  /** Ascending by price. */
  bins: readonly MapBin[];
  perExchange: Partial<Record<Exchange, ExchangeContribution>>;
  /** Time of the newest bar that went into the map (ms). */
  asOf: UtcMs;
}

/** A band where many positions of one side would be liquidated. side 'long' = long liquidations (below). */
export interface Cluster {
  side: Side;
  low: Price;
  high: Price;
  /** USD-weighted centre. */
  centre: Price;
  usd: Usd;
  tierMix: readonly { leverage: number; usd: Usd }[];
  /** Signed distance of the centre from the reference, in percent. */
  distancePct: Pct;
  /** USD liquidated from the reference up to this cluster's far edge ("if price reaches X"). */
  cumulativeUsd: Usd;
  /** Cluster USD ÷ resting book depth between reference and the cluster; absent without a book. */
  depthRatio?: number;
}

export type FuelBand = 'adverse' | 'neutral' | 'favourable' | 'strong';

export type FuelRatio =
  | { kind: 'ratio'; value: number; band: FuelBand; profitUsd: Usd; riskUsd: Usd }
  | { kind: 'no-risk-fuel'; profitUsd: Usd }
  | { kind: 'no-fuel' };

export type StopSuggestion =
  | {
      kind: 'stop';
      price: Price;
      /** Distance from the reference, percent, positive. */
      distancePct: Pct;
      bufferPct: Pct;
      /** The risk-side cluster the stop sits beyond. */
      beyond: Cluster;
      /** Present when the user's own liquidation comes before the stop. */
      liquidationBeforeStop?: { liqPrice: Price; maxLeverage: number };
    }
  | StopNone;

/** Why there is no stop: a code with its numbers; the words are the UI's (src/ui/messages.ts). */
export type StopNone = { kind: 'none'; code: 'no-risk-cluster'; side: Side; maxDistancePct: Pct };

/** Something the trader should know about a size, as a code with its numbers (no English in the engine). */
export type SizingWarning =
  /** The requested leverage is above the exchange's maximum: sized at `used`. */
  | { code: 'leverage-capped'; requested: number; used: number }
  /** At `leverage` the liquidation comes before the stop; `maxLeverage` keeps it beyond. */
  | { code: 'liquidation-before-stop'; leverage: number; maxLeverage: number }
  /** The risk budget needs more margin than the account holds at `leverage`: size reduced to fit. */
  | { code: 'margin-exceeds-account'; leverage: number };

/** Why there is no size. */
export type SizingNone =
  | { kind: 'none'; code: 'no-account' }
  | StopNone
  | { kind: 'none'; code: 'stop-wrong-side'; side: Side; entry: Price; stop: Price };

export type Sizing =
  | {
      kind: 'size';
      riskUsd: Usd;
      notionalUsd: Usd;
      sizeCoin: Coin;
      marginUsd: Usd;
      leverage: number;
      /** Highest leverage whose liquidation stays beyond the stop. */
      maxLeverage: number;
      stopDistancePct: Pct;
      warnings: readonly SizingWarning[];
    }
  | SizingNone;

export interface Asymmetry {
  /** Long-liquidation USD below ÷ short-liquidation USD above within ±windowPct. */
  ratio: { kind: 'ratio'; value: number } | { kind: 'no-short-fuel' } | { kind: 'no-fuel' };
  longUsd: Usd;
  shortUsd: Usd;
  windowPct: Pct;
  /** Percentile (0–100) of the ratio in the map's own recent history; absent without history. */
  percentile?: number;
  fragile: 'long-heavy' | 'short-heavy' | 'no';
  /** The seed's fixed reference threshold, shown beside the percentile (2.5:1). */
  referenceRatio: number;
}

export interface Cascade {
  side: Side;
  clusters: readonly Cluster[];
  totalUsd: Usd;
  /** Price range of expected overshoot past the last cluster (0.3–0.8 %). */
  overshoot: { from: Price; to: Price };
  /** Why the chain ended: a gap ≥ 3 %, the window edge, or no further cluster. */
  endedBy: 'gap' | 'edge' | 'none';
  /** When a gap broke the chain (≥ 1 %): its size, percent of the reference. endedBy is 'gap' from 3 %. */
  endGapPct?: Pct;
  /** With endGapPct: the gap is ≥ the end gap (3 %), where price "often stabilises" (= endedBy 'gap'). */
  stabilises?: boolean;
}

/**
 * Reasons to trust the map less or to expect a violent move: `kind` is the code, the fields are the numbers
 * that made it fire. The sentence that says why is written by the UI (src/ui/messages.ts).
 */
export type Signal =
  /** An exchange's OI fell `dropPct` within `windowHours`: positions were flushed. */
  | { kind: 'stale-map'; severity: 'warn'; exchange: Exchange; dropPct: Pct; windowHours: number }
  /** The crowded `side` pays funding and `totalUsd` of its liquidations sit within `nearPct` of `reference`. */
  | { kind: 'squeeze-setup'; severity: 'warn'; side: Side; fundingPer8hPct: Pct; totalUsd: Usd; nearPct: Pct; reference: Price }
  /** A weekend, or the thin UTC hours [fromUtcHour, toUtcHour). */
  | { kind: 'thin-session'; severity: 'info'; weekend: boolean; fromUtcHour: number; toUtcHour: number }
  /** A macro event `hoursAway` from now (negative: in the past). */
  | { kind: 'macro-event'; severity: 'warn'; label: string; hoursAway: number }
  /** The trader's liquidation comes before the suggested stop; `maxLeverage` keeps it beyond. */
  | { kind: 'own-liq-before-stop'; severity: 'warn'; liqPrice: Price; stopPrice: Price; maxLeverage: number }
  /** LFR below `threshold`: more fuel on the risk side than on the profit side. */
  | { kind: 'adverse-lfr'; severity: 'warn'; value: number; threshold: number; profitUsd: Usd; riskUsd: Usd }
  /**
   * The exchange's prices travelled farther than `maxPathBins` model bins (prices over decades, a wild feed),
   * so its levels were computed in bins of `binPct` % instead of `configuredBinPct` % to bound the work.
   */
  | { kind: 'coarse-grid'; severity: 'info'; exchange: Exchange; binPct: Pct; configuredBinPct: Pct; maxPathBins: number };
export type SignalKind = Signal['kind'];

export interface Analysis {
  symbol: Symbol;
  /** Side analysed: the position's, or the planned side when there is no position. */
  side: Side;
  planned: boolean;
  reference: Price;
  referenceKind: 'mark' | 'entry';
  position: Position | null;
  map: LiquidationMap;
  clusters: readonly Cluster[];
  nearest: { profit: readonly Cluster[]; risk: readonly Cluster[] };
  lfr: FuelRatio;
  stop: StopSuggestion;
  sizing: Sizing;
  asymmetry: Asymmetry;
  cascades: readonly Cascade[];
  signals: readonly Signal[];
  /** True when some exchange's data was missing or partial. */
  partial: boolean;
}
