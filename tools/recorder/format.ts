/**
 * The on-disk format of a LiqLens recording (docs/recording-format.md), shared by the recorder that
 * writes it and the backtest that reads it. One directory per recording; every series is JSON Lines,
 * one object per line, appended as data arrives, so a recording cut short is still readable.
 */
import type { Exchange, RiskTier } from '../../src/engine/types';

export const RECORDING_FORMAT = 'liqlens-recording/1';

export const FILES = {
  meta: 'meta.json',
  klines: 'klines-1m.jsonl',
  openInterest: 'open-interest.jsonl',
  markPrice: 'mark-price.jsonl',
  liquidations: 'liquidations.jsonl',
} as const;

export interface RecordingMeta {
  format: typeof RECORDING_FORMAT;
  exchange: Exchange;
  /** Canonical symbol, e.g. BTCUSDT. */
  symbol: string;
  /** The exchange's own instrument id, e.g. BTC-USDT-SWAP on OKX. */
  instrument: string;
  /** Coin per contract (OKX ctVal; 1 elsewhere): already applied to every coin field. */
  contractCoin: number;
  /** Wall-clock start and (when finished) end of the recording, ms. */
  startedAt: number;
  endedAt?: number;
  /** Tier-1 risk, when known; the backtest otherwise uses a static table. */
  risk?: RiskTier;
  /** Where each series came from (base URLs and paths), for provenance. */
  sources: Record<string, string>;
}

/** One closed 1-minute kline and one liquidation: defined where the per-exchange parsers produce them. */
export type { KlineRecord, LiquidationRecord } from '../../src/sites/shared/recorder-spec';

/** Open interest as polled (finest available), coin and USD. */
export interface OpenInterestRecord {
  t: number;
  coin: number;
  usd: number;
}

