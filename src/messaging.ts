import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Analysis, Exchange, Position, Side, Symbol } from './engine/types';
import type { Price, UtcMs } from './engine/units';
import type { SizeAnswer, SizeRequest } from './sizing/size';
import type { LiveView } from './market/live-view';

/** Health of one exchange's data for the watched symbol. */
export interface ExchangeHealth {
  state: 'ok' | 'partial' | 'stale' | 'error' | 'off' | 'loading';
  /** Human-readable reason for anything but ok, e.g. "HTTP 429, retrying in 30 s". */
  reason?: string;
  /** When this exchange's data was last fetched successfully (ms). */
  fetchedAt?: UtcMs;
}

/** What the background knows about one (exchange page, symbol): everything a renderer needs. */
export interface MarketView {
  exchange: Exchange;
  symbol: Symbol;
  /** Overall state: loading (nothing yet), ok, partial (some exchanges failed), stale (all failed, last good map kept), error (nothing usable). */
  state: 'loading' | 'ok' | 'partial' | 'stale' | 'error';
  reason?: string;
  /** The last good analysis, kept across failures. */
  analysis: Analysis | null;
  health: Partial<Record<Exchange, ExchangeHealth>>;
  /** Time of the newest data behind `analysis` (ms), for "age" displays. */
  asOf: UtcMs | null;
  /** LFR value stored when the position was first seen (for "LFR since entry"). */
  entryLfr?: number | null;
  /**
   * The page exchange's instrument for `symbol`, once fetched: the content script turns a size shown in
   * contracts into coin with it (src/sites/dom/size-unit.ts).
   */
  contract?: ContractSpec;
  /** What the live stream adds (issue #12): live / polling / stale, markers, realised per band, order flow. */
  live?: LiveView;
}

export interface LiveTick {
  exchange: Exchange;
  symbol: Symbol;
  live: LiveView;
}

/** One exchange's instrument as the page reader needs it. */
export interface ContractSpec {
  /** The exchange's own id (BTC-USDT-SWAP). */
  exchangeSymbol: string;
  /** Coin of the canonical symbol per contract (OKX ctVal × the unit factor; 1 for coin-quantity exchanges). */
  coinPerContract: number;
}

export interface WatchRequest {
  exchange: Exchange;
  symbol: Symbol;
  position: Position | null;
  plannedSide?: Side;
}

/**
 * Typed messages between the background service worker and the extension's pages / content script.
 * Every payload is validated on receipt by the receiver (see src/market and entrypoints).
 */
export interface ProtocolMap {
  /** Liveness check used by the popup and e2e tests. */
  ping(): { ok: true; version: string };
  /** Content script → background: this tab shows `symbol` (with this position); answer with the current view and push updates. */
  watch(req: WatchRequest): MarketView;
  /** Content script → background: the tab stopped watching (navigation, unload). */
  unwatch(): void;
  /** Popup → background: the view for a tab (the active one) or a hand-picked symbol. */
  getView(req: { tabId?: number; exchange?: Exchange; symbol?: Symbol }): MarketView | null;
  /** Background → content script: a new view for the watched symbol. */
  marketUpdate(view: MarketView): void;
  /** Background → content script: the live stream ticked (at most every flush): the live part of the view. */
  liveTick(tick: LiveTick): void;
  /** Background → content script: the context menu "Size position with LiqLens" was clicked (selected text = entry). */
  openSizing(req: { selectionText?: string; mark?: Price }): void;
  /** Sizing dialog → background: stop and size from the engine for a planned trade (see src/sizing). */
  sizePosition(req: SizeRequest): SizeAnswer;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
