/**
 * Published interface of the page side (content script wiring: src/content/start.ts, one content script per
 * exchange, src/sites/<exchange>/content.ts; see also src/position/watcher.ts):
 *
 *   interface SiteAdapter {                                    // src/position/page-adapter.ts
 *     exchange: Exchange;
 *     symbolFromUrl(url: URL): Symbol | null;                  // canonical BASEQUOTE, with/without locale prefix
 *     readPosition(root: Document, symbol: Symbol, ctx?: ReadContext): PositionRead;   // ctx: coin per contract…
 *     panelRoot(doc: Document): Element | null;               // subtree the watcher observes
 *   }
 *
 *   type PositionRead =
 *     | { kind: 'position'; position: Position; mark?: number; strategy: string }   // strategy = selector health
 *     | { kind: 'hedge'; positions: Position[]; marks: (number | undefined)[]; strategy: string }
 *     | { kind: 'none'; reason: string; draft?: PositionDraft }                       // → planned-trade mode
 *     | { kind: 'invalid'; reason: string; draft?: PositionDraft }                    // never drawn
 *
 *   watchPosition({ adapter, doc, getUrl, onChange, store? }) → PositionWatch      // src/position/watcher.ts
 *     PositionWatch is callable (= stop) and has .stop(), .pickHedge(side | null), .saveManual(position),
 *     .clearManual(), .refresh(), .current().
 *     onChange(PositionState) on every change (deduplicated), within 300 ms of a page change:
 *       { exchange, symbol (null off a trading page), position (Position | null), source: 'page' | 'manual' | 'none',
 *         health (selector health: which strategy found it, or why not), mark?, hedge?, hedgePick?,
 *         draft? (what a failed read got, to prefill the manual panel), pageRead: 'position' | 'hedge' | 'none' | 'invalid' | 'no-symbol' }
 *     Precedence: saved manual entry > page position (hedge mode: the picked leg, else the larger notional; never none) > none (planned trade).
 *   Manual entries / hedge picks: src/position/manual-store.ts (browser.storage.local, per exchange + symbol);
 *   the form: src/overlay/ManualPositionPanel.tsx.
 *
 * Position / Exchange / Symbol come from src/engine/types.ts.
 */
/**
 * The contract of a page adapter: the only code that knows how one exchange's trading page shows the
 * symbol and the open position (docs/design.md §7). Adapters only READ the DOM; they never click, type or read
 * balances, order ids, cookies, tokens or form inputs.
 * It lives with the position domain, not in src/sites: the watcher consumes it and src/sites implements it,
 * so sites depends on position and never the other way (.dependency-cruiser.cjs, no-circular-folders).
 */
import type { Exchange, Position, Side, Symbol } from '../engine/types';
import type { Price } from '../engine/units';

/** What could be read of a position even when the read as a whole failed: used to prefill the manual panel. */
export type PositionDraft = Partial<Omit<Position, 'exchange' | 'symbol' | 'source'>>;

/**
 * Result of one read of the positions panel for one symbol.
 * - `position`: exactly one position for the symbol; `strategy` says how it was found (selector health).
 * - `hedge`: two (or more) positions on the symbol (hedge mode): one is shown (the user's pick, else the larger
 *   notional: src/position/hedge.ts) and the panel switches legs.
 * - `none`: no position for the symbol (→ planned-trade mode), or the panel could not be found; `reason` says which.
 * - `invalid`: a row was found but failed to parse or a sanity check; `reason` names the field. Never drawn.
 * `mark` is the mark price shown in the row (not part of `Position`); `draft` carries whatever fields were
 * read, so the manual panel can be prefilled.
 */
export type PositionRead =
  | { kind: 'position'; position: Position; mark?: Price; strategy: string }
  | { kind: 'hedge'; positions: Position[]; marks: (Price | undefined)[]; strategy: string }
  | { kind: 'none'; reason: string; draft?: PositionDraft }
  | { kind: 'invalid'; reason: string; draft?: PositionDraft };

/**
 * What the page alone does not say but the background knows, handed to a read: the symbol's instrument
 * (from the market view, src/messaging.ts MarketView.contract). Absent until the background has it.
 */
export interface ReadContext {
  /** Canonical coin per contract of the symbol's instrument (OKX ctVal), to turn a size in contracts into coin. */
  coinPerContract?: number;
}

export interface SiteAdapter {
  exchange: Exchange;
  /** Canonical symbol (BASEQUOTE, e.g. BTCUSDT) from a trading-page URL, or null when the URL is not one. */
  symbolFromUrl(url: URL): Symbol | null;
  /** Reads the open position for `symbol` from the page. Pure read of `root`; no side effects. */
  readPosition(root: Document, symbol: Symbol, ctx?: ReadContext): PositionRead;
  /** The element whose subtree holds the positions panel (what the watcher observes), or null if not mounted. */
  panelRoot(doc: Document): Element | null;
  /** The page's own label words (headers, units, sides): the only words a page-structure report keeps. */
  readonly words?: readonly string[];
}

export type { Exchange, Position, Side, Symbol };
