/** The overlay's state and a minimal observable store (no framework state: renders are explicit). */
import type { Exchange, Position } from '../engine/types';
import type { MarketView } from '../messaging';
import type { LiveView } from '../market/live-view';
import type { Settings } from '../settings';
import type { PositionState } from '../position/watcher';
import type { PriceScale, PaneRect } from './scale';
import { coerceOverlay } from './overlay-settings';

export type Tier = 'native' | 'pixel' | 'ladder';

export interface OverlayState {
  exchange: Exchange;
  symbol: string | null;
  position: Position | null;
  positionSource: 'page' | 'manual' | 'none';
  /** Selector-health line from the page reader. */
  health: string;
  positionState: PositionState | null;
  view: MarketView | null;
  /** The live stream's part (issue #12), checked on receipt; null while not streaming. */
  live: LiveView | null;
  /** The background could not be asked (extension reloaded, no answer). */
  viewError: string | null;
  tier: Tier;
  /** Why this tier (shown in the details; e.g. "chart frame is cross-origin"). */
  tierReason: string;
  /** How the chart was reached, e.g. `iframe#tradingview_x › tradingViewApi`, or null. */
  chartVia: string | null;
  /** Current pixel scale (pixel tier), null while unknown. */
  scale: PriceScale | null;
  /** Chart rectangle in viewport px, for placing the panel and the ladder. */
  chartRect: PaneRect | null;
  /** Price under the pointer over the chart (hover details), and where the pointer is. */
  hover: { price: number; x: number; y: number } | null;
  overlay: Settings['overlay'];
  /** Last native drawing result or problem. */
  nativeStatus: string;
  /** Wall-clock time for ages, refreshed by a slow ticker. */
  now: number;
}

/** The state before anything is known: page not read yet, no view, the chart not found yet. */
export function initialOverlayState(exchange: Exchange, symbol: string | null, now: number): OverlayState {
  return {
    exchange,
    symbol,
    position: null,
    positionSource: 'none',
    health: 'reading the page…',
    positionState: null,
    view: null,
    live: null,
    viewError: null,
    tier: 'ladder',
    tierReason: 'looking for the chart…',
    chartVia: null,
    scale: null,
    chartRect: null,
    hover: null,
    overlay: coerceOverlay(undefined),
    nativeStatus: '',
    now,
  };
}

export interface Store<T> {
  get(): T;
  set(patch: Partial<T>): void;
  subscribe(cb: (state: T, changed: ReadonlySet<keyof T>) => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const subs = new Set<(s: T, changed: ReadonlySet<keyof T>) => void>();
  return {
    get: () => state,
    set(patch) {
      const changed = new Set<keyof T>();
      for (const k of Object.keys(patch) as (keyof T)[]) if (!Object.is(state[k], patch[k])) changed.add(k);
      if (changed.size === 0) return;
      state = { ...state, ...patch };
      for (const cb of subs) cb(state, changed);
    },
    subscribe(cb) {
      subs.add(cb);
      return () => subs.delete(cb);
    },
  };
}
