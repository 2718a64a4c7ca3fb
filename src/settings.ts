import type { Exchange } from './engine/types';

/** User settings, stored in browser.storage.local under SETTINGS_KEY. Validated on load (see loadSettings). */
export interface Settings {
  accountUsd: number;
  /** Risk per trade, percent of account (1 = 1 %). */
  riskPct: number;
  /** Stop buffer beyond the cluster, percent, 0.3–0.5. */
  stopBufferPct: number;
  /** Weights of leverage tiers 5/10/25/50/100x in percent, summing to 100. */
  tierWeightsPct: readonly number[];
  exchanges: Record<Exchange, boolean>;
  /** Map window in days, 1–30. */
  windowDays: number;
  /** Warm refresh interval in seconds, ≥ 60. */
  refreshSec: number;
  alerts: {
    clusterEdge: boolean;
    clusterEdgePct: number;
    lfrDegraded: boolean;
    staleMap: boolean;
    squeeze: boolean;
    cooldownMin: number;
  };
  macroEvents: readonly { t: number; label: string }[];
  overlay: { mode: 'auto' | 'native' | 'pixel' | 'ladder'; opacity: number; hidden: boolean };
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  accountUsd: 10_000,
  riskPct: 1,
  stopBufferPct: 0.4,
  tierWeightsPct: [15, 30, 25, 20, 10],
  exchanges: { binance: true, bybit: true, okx: true, bitget: true },
  windowDays: 7,
  refreshSec: 60,
  alerts: { clusterEdge: true, clusterEdgePct: 0.5, lfrDegraded: true, staleMap: true, squeeze: true, cooldownMin: 30 },
  macroEvents: [],
  overlay: { mode: 'auto', opacity: 0.8, hidden: false },
};
