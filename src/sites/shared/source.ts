import type { Exchange, MarketSeries } from '../../engine/types';
import type { SkippedBar } from './bar-check';
import type { ExchangeFetcher } from './fetcher';

/** What the hub needs to know about an exchange's instrument to normalise and to call it again. */
export interface InstrumentInfo {
  /** The exchange's own id: BTCUSDT, BTC-USDT-SWAP, 1000PEPEUSDT. */
  exchangeSymbol: string;
  /** Exchange quantity unit ÷ canonical unit (see symbols.ts): 1 unless memecoin multipliers differ. */
  unitFactor: number;
  /** Coin (exchange unit) per contract: OKX ctVal, 1 for linear coin-quantity exchanges. */
  contractSize: number;
  /** Price tick in canonical units. */
  tickSize: number;
  fundingIntervalHours: number;
}

/** One exchange's cached knowledge of one symbol; what the hub persists. */
export interface SourceState {
  series: MarketSeries;
  instrument: InstrumentInfo;
  /** When instrument and risk tiers were last fetched (refreshed daily). */
  instrumentAt: number;
  /** Map window (ms) the history was loaded for; set by the hub so a longer window triggers a reload. */
  windowMs?: number;
  /** Bars this load skipped at the edge (bar-check.ts); never persisted, shown in the exchange's health. */
  skipped?: readonly SkippedBar[];
}

export interface LoadRequest {
  symbol: string;
  now: number;
  /** Map window (ms): how much history a cold load fetches and the cache keeps. */
  windowMs: number;
  /** Previous state: a warm load fetches only what is newer. */
  prev: SourceState | null;
}

/** An exchange's market-data client as the hub sees it (implemented in src/sites/<exchange>/api.ts). */
export interface MarketSource {
  exchange: Exchange;
  fetcher: ExchangeFetcher;
  load(req: LoadRequest): Promise<SourceState>;
}

export const BAR_MS = 300_000;
/** Instrument and tier data are re-read once a day. */
export const INSTRUMENT_TTL_MS = 24 * 3600_000;
