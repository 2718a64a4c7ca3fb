/**
 * Background side of the `sizePosition` message: validates the request, finds the market the asking tab
 * watches (or the one named in the request), and answers with the engine's numbers (./size.ts).
 */
import type { Exchange, MarketSeries, Symbol } from '../engine/types';
import type { Settings } from '../settings';
import { checkSizeRequest, sizeFromSeries, type SizeAnswer } from './size';

export interface SizingDeps {
  /** The market a tab is watching, if any. */
  marketOfTab(tabId: number): { exchange: Exchange; symbol: Symbol } | null;
  /** The normalised series of every enabled exchange for a symbol, as the hub holds them. */
  seriesFor(exchange: Exchange, symbol: Symbol): Promise<readonly MarketSeries[]>;
  settings(): Promise<Settings>;
  now?: () => number;
}

export function createSizingHandler(deps: SizingDeps) {
  return async (raw: unknown, tabId?: number): Promise<SizeAnswer> => {
    const checked = checkSizeRequest(raw);
    if (!checked.ok) return { kind: 'error', reason: checked.reason };
    const req = checked.req;
    const market = req.exchange && req.symbol ? { exchange: req.exchange, symbol: req.symbol } : tabId !== undefined ? deps.marketOfTab(tabId) : null;
    if (!market) return { kind: 'error', reason: 'This tab is not showing a trading page LiqLens watches yet; reload the page and try again.' };
    try {
      const [series, settings] = await Promise.all([deps.seriesFor(market.exchange, market.symbol), deps.settings()]);
      return sizeFromSeries(series, { ...req, exchange: market.exchange, symbol: market.symbol }, settings, (deps.now ?? Date.now)());
    } catch (e) {
      return { kind: 'error', reason: `No market data for ${market.symbol} on ${market.exchange}: ${e instanceof Error ? e.message : String(e)}` };
    }
  };
}
