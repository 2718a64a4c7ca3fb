import type { Exchange, RiskTier } from '../../engine/types';
import { assembleSeries, type SeriesContext, type SeriesParts } from './assemble-series';
import { loadWindow, type LoadWindow } from './load-window';
import type { InstrumentInfo, LoadRequest, SourceState } from './source';

/** The instrument in use and its risk tier: reused from the cached state, else just resolved. */
export interface Resolved {
  instrument: InstrumentInfo;
  risk: RiskTier;
}

/** What every exchange's load starts from: the window, the instrument and the series context. */
export interface OpenedLoad {
  w: LoadWindow;
  resolved: Resolved;
  instrument: InstrumentInfo;
  /** The exchange's own symbol and unit factor (exchange unit ÷ canonical unit). */
  sym: string;
  k: number;
  ctx: SeriesContext & LoadWindow;
}

/** Opens one load: the window to fetch, and the instrument (its requests skipped while cached). */
export async function openLoad(exchange: Exchange, req: LoadRequest, resolve: (symbol: string) => Promise<Resolved>): Promise<OpenedLoad> {
  const w = loadWindow(req);
  const resolved = w.cached ? { instrument: w.cached.instrument, risk: w.cached.series.risk } : await resolve(req.symbol);
  const { instrument } = resolved;
  const k = instrument.unitFactor;
  return { w, resolved, instrument, sym: instrument.exchangeSymbol, k, ctx: { ...w, exchange, symbol: req.symbol, now: req.now, unitFactor: k, skipped: [] } };
}

/** Closes one load: the fresh parts assembled over the held series, with the resolved risk tier. */
export function finishLoad(open: OpenedLoad, parts: Omit<SeriesParts, 'risk'>): SourceState {
  const series = assembleSeries(open.ctx, { ...parts, risk: open.resolved.risk });
  const skipped = open.ctx.skipped ?? [];
  return { series, instrument: open.instrument, instrumentAt: open.w.instrumentAt, ...(skipped.length > 0 ? { skipped } : {}) };
}
