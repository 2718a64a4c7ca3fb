/**
 * Core types shared by every part of LiqLens (docs/design.md §4). Units are in the names where they could be
 * confused: `coin` = base-asset quantity, `usd` = quote (USDT) notional, `pct` = percent (1 = 1 %).
 * States are discriminated unions: "none" is never NaN, Infinity or a magic number.
 */

/**
 * Exchange ids. The engine names no exchange: the registry (src/sites/index.ts) adds its ids to this
 * interface by declaration merging, so `Exchange` is the registry's union without the engine importing it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExchangeRegistry {}
/** Checked alone (src/engine/tsconfig.json, no registry in the program), an exchange is any string id. */
export type Exchange = [keyof ExchangeRegistry] extends [never] ? string : Extract<keyof ExchangeRegistry, string>;

/** Canonical symbol BASE+QUOTE, e.g. `BTCUSDT`. */
export type Symbol = string;

export type Side = 'long' | 'short';

/** One bar. `t` = open time in ms, ascending. Volumes: base in coin, quote in USD. */
export interface Candle {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  baseVolume: number;
  quoteVolume: number;
  /** Taker-buy base volume where the exchange publishes it. */
  takerBuyBase?: number;
}

/** Open interest at time `t` (ms), always in both units. Contracts × contract size → coin. */
export interface OpenInterestPoint {
  t: number;
  coin: number;
  usd: number;
}

/** Long/short account split at time `t`: shares as fractions (0.66 = 66 % of accounts net long). */
export interface LongShortPoint {
  t: number;
  longShare: number;
  shortShare: number;
}

export interface Funding {
  /** Rate per interval as a fraction (0.0001 = 0.01 %). */
  rate: number;
  intervalHours: number;
  nextTime: number;
}

/** Price level [price, quantity in coin]. Bids descending, asks ascending. */
export type BookLevel = readonly [price: number, coin: number];
export interface DepthBook {
  t: number;
  bids: readonly BookLevel[];
  asks: readonly BookLevel[];
}

/** Tier-1 risk parameters of the symbol on one exchange. */
export interface RiskTier {
  /** Maintenance-margin rate of tier 1, as a fraction (0.004 = 0.4 %). */
  maintenanceRate: number;
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
  markPrice: number;
  indexPrice: number;
  funding?: Funding;
  depth?: DepthBook;
  risk: RiskTier;
  /** True when OI history does not yet cover the map window (an exchange without OI history polls its own). */
  oiPartial: boolean;
  /** Share of accounts net long / short, recent points, ascending (optional: context only). */
  longShort?: readonly LongShortPoint[];
  fetchedAt: number;
}

export interface Position {
  exchange: Exchange;
  symbol: Symbol;
  side: Side;
  entry: number;
  /** Absolute size in coin. */
  size: number;
  leverage: number;
  marginMode: 'isolated' | 'cross';
  liqPrice?: number;
  source: 'page' | 'manual';
}

/* ------------------------------------------------------------------ engine outputs */

/** One price bin of the map. Long USD lives only below the reference, short USD only above. */
export interface MapBin {
  /** Bin centre price. */
  price: number;
  longUsd: number;
  shortUsd: number;
  /** USD per leverage tier, index-aligned with `LiquidationMap.tiers`. */
  longByTier: readonly number[];
  shortByTier: readonly number[];
}

export interface ExchangeContribution {
  longUsd: number;
  shortUsd: number;
  /** The exchange's own mark price and its basis to the reference (mark − reference). */
  mark: number;
  basis: number;
  partial: boolean;
}

export interface LiquidationMap {
  symbol: Symbol;
  /** Reference mark price the grid is centred on. */
  reference: number;
  /** Bin width in price units (0.05 % of the reference by default). */
  binWidth: number;
  /** Leverage of each tier, e.g. [5, 10, 25, 50, 100]. */
  tiers: readonly number[];
  /** Ascending by price. */
  bins: readonly MapBin[];
  perExchange: Partial<Record<Exchange, ExchangeContribution>>;
  /** Time of the newest bar that went into the map (ms). */
  asOf: number;
}

/** A band where many positions of one side would be liquidated. side 'long' = long liquidations (below). */
export interface Cluster {
  side: Side;
  low: number;
  high: number;
  /** USD-weighted centre. */
  centre: number;
  usd: number;
  tierMix: readonly { leverage: number; usd: number }[];
  /** Signed distance of the centre from the reference, in percent. */
  distancePct: number;
  /** USD liquidated from the reference up to this cluster's far edge ("if price reaches X"). */
  cumulativeUsd: number;
  /** Cluster USD ÷ resting book depth between reference and the cluster; absent without a book. */
  depthRatio?: number;
}

export type FuelBand = 'adverse' | 'neutral' | 'favourable' | 'strong';

export type FuelRatio =
  | { kind: 'ratio'; value: number; band: FuelBand; profitUsd: number; riskUsd: number }
  | { kind: 'no-risk-fuel'; profitUsd: number }
  | { kind: 'no-fuel' };

export type StopSuggestion =
  | {
      kind: 'stop';
      price: number;
      /** Distance from the reference, percent, positive. */
      distancePct: number;
      bufferPct: number;
      /** The risk-side cluster the stop sits beyond. */
      beyond: Cluster;
      /** Present when the user's own liquidation comes before the stop. */
      liquidationBeforeStop?: { liqPrice: number; maxLeverage: number };
    }
  | StopNone;

/** Why there is no stop: a code with its numbers; the words are the UI's (src/ui/messages.ts). */
export type StopNone = { kind: 'none'; code: 'no-risk-cluster'; side: Side; maxDistancePct: number };

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
  | { kind: 'none'; code: 'stop-wrong-side'; side: Side; entry: number; stop: number };

export type Sizing =
  | {
      kind: 'size';
      riskUsd: number;
      notionalUsd: number;
      sizeCoin: number;
      marginUsd: number;
      leverage: number;
      /** Highest leverage whose liquidation stays beyond the stop. */
      maxLeverage: number;
      stopDistancePct: number;
      warnings: readonly SizingWarning[];
    }
  | SizingNone;

export interface Asymmetry {
  /** Long-liquidation USD below ÷ short-liquidation USD above within ±windowPct. */
  ratio: { kind: 'ratio'; value: number } | { kind: 'no-short-fuel' } | { kind: 'no-fuel' };
  longUsd: number;
  shortUsd: number;
  windowPct: number;
  /** Percentile (0–100) of the ratio in the map's own recent history; absent without history. */
  percentile?: number;
  fragile: 'long-heavy' | 'short-heavy' | 'no';
  /** The seed's fixed reference threshold, shown beside the percentile (2.5:1). */
  referenceRatio: number;
}

export interface Cascade {
  side: Side;
  clusters: readonly Cluster[];
  totalUsd: number;
  /** Price range of expected overshoot past the last cluster (0.3–0.8 %). */
  overshoot: { from: number; to: number };
  /** Why the chain ended: a gap ≥ 3 %, the window edge, or no further cluster. */
  endedBy: 'gap' | 'edge' | 'none';
  /** When a gap broke the chain (≥ 1 %): its size, percent of the reference. endedBy is 'gap' from 3 %. */
  endGapPct?: number;
  /** With endGapPct: the gap is ≥ the end gap (3 %), where price "often stabilises" (= endedBy 'gap'). */
  stabilises?: boolean;
}

/**
 * Reasons to trust the map less or to expect a violent move: `kind` is the code, the fields are the numbers
 * that made it fire. The sentence that says why is written by the UI (src/ui/messages.ts).
 */
export type Signal =
  /** An exchange's OI fell `dropPct` within `windowHours`: positions were flushed. */
  | { kind: 'stale-map'; severity: 'warn'; exchange: Exchange; dropPct: number; windowHours: number }
  /** The crowded `side` pays funding and `totalUsd` of its liquidations sit within `nearPct` of `reference`. */
  | { kind: 'squeeze-setup'; severity: 'warn'; side: Side; fundingPer8hPct: number; totalUsd: number; nearPct: number; reference: number }
  /** A weekend, or the thin UTC hours [fromUtcHour, toUtcHour). */
  | { kind: 'thin-session'; severity: 'info'; weekend: boolean; fromUtcHour: number; toUtcHour: number }
  /** A macro event `hoursAway` from now (negative: in the past). */
  | { kind: 'macro-event'; severity: 'warn'; label: string; hoursAway: number }
  /** The trader's liquidation comes before the suggested stop; `maxLeverage` keeps it beyond. */
  | { kind: 'own-liq-before-stop'; severity: 'warn'; liqPrice: number; stopPrice: number; maxLeverage: number }
  /** LFR below `threshold`: more fuel on the risk side than on the profit side. */
  | { kind: 'adverse-lfr'; severity: 'warn'; value: number; threshold: number; profitUsd: number; riskUsd: number };
export type SignalKind = Signal['kind'];

export interface Analysis {
  symbol: Symbol;
  /** Side analysed: the position's, or the planned side when there is no position. */
  side: Side;
  planned: boolean;
  reference: number;
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
