/**
 * Builds the MarketView for (page exchange, symbol, position): aggregate the usable exchanges, analyse,
 * record the asymmetry history and look up the entry LFR. A view is reused while nothing changed for up
 * to VIEW_TTL_MS (the popup asks every few seconds; time-dependent signals need a recompute now and then).
 */
import type { AnalyzeInput, ModelCache } from '../engine';
import type { Analysis, Exchange, Symbol } from '../engine/types';
import type { MarketView, WatchRequest } from '../messaging';
import { engineConfigFromSettings, type Settings } from '../settings';
import type { AsymmetryHistory } from './asymmetry-history';
import type { EntryLfrBook } from './entry-lfr';
import { overallState } from './health';
import type { SourceCache } from './source-cache';

/** A computed view is reused this long while its data is unchanged. */
export const VIEW_TTL_MS = 10_000;
const CACHE_LIMIT = 50;

export interface ViewDeps {
  cache: SourceCache;
  asymmetry: AsymmetryHistory;
  entryLfr: EntryLfrBook;
  analyze: (input: AnalyzeInput) => Analysis;
  settings: () => Promise<Settings>;
  now: () => number;
}

export class ViewBuilder {
  private readonly models = new Map<Symbol, ModelCache>();
  private readonly views = new Map<string, { gen: number; at: number; view: MarketView }>();

  constructor(private readonly deps: ViewDeps) {}

  /** Forget every cached view (the settings changed). */
  clear(): void {
    this.views.clear();
  }

  async view(exchange: Exchange, symbol: Symbol, req: WatchRequest | null): Promise<MarketView> {
    const cacheKey = JSON.stringify([exchange, symbol, req?.position ?? null, req?.plannedSide ?? null]);
    const gen = this.deps.cache.generation(symbol);
    const now = this.deps.now();
    const hit = this.views.get(cacheKey);
    if (hit && hit.gen === gen && now - hit.at < VIEW_TTL_MS) return hit.view;
    const view = await this.build(exchange, symbol, req);
    if (this.views.size > CACHE_LIMIT) this.views.clear();
    this.views.set(cacheKey, { gen, at: now, view });
    return view;
  }

  private async build(exchange: Exchange, symbol: Symbol, req: WatchRequest | null): Promise<MarketView> {
    const settings = await this.deps.settings();
    const { health, series, stale } = this.deps.cache.aggregate(symbol, settings);
    const overall = overallState(health, stale);
    const base: MarketView = { exchange, symbol, state: overall.state, analysis: null, health, asOf: null, ...(overall.reason ? { reason: overall.reason } : {}) };
    const instrument = this.deps.cache.state(exchange, symbol)?.instrument;
    const coinPerContract = instrument ? instrument.contractSize * instrument.unitFactor : NaN;
    if (instrument && Number.isFinite(coinPerContract) && coinPerContract > 0) base.contract = { exchangeSymbol: instrument.exchangeSymbol, coinPerContract };
    if (series.length === 0) return base;
    const now = this.deps.now();
    let models = this.models.get(symbol);
    if (!models) this.models.set(symbol, (models = new Map()));
    const position = req?.position ?? null;
    try {
      const analysis = this.deps.analyze({
        series,
        position,
        ...(req?.plannedSide ? { plannedSide: req.plannedSide } : {}),
        account: { sizeUsd: settings.accountUsd, riskPct: settings.riskPct },
        config: engineConfigFromSettings(settings),
        macroEvents: settings.macroEvents,
        asymmetryHistory: this.deps.asymmetry.values(symbol),
        now,
        ...(series.some((s) => s.exchange === exchange) ? { referenceExchange: exchange } : {}),
        models,
      });
      const asOf = Math.max(...series.map((s) => s.candles[s.candles.length - 1]?.t ?? 0));
      this.deps.asymmetry.record(symbol, analysis, asOf);
      const view: MarketView = { ...base, analysis, asOf };
      // The entry LFR is only taken from a complete map, so "LFR since entry" compares like with like.
      if (position) view.entryLfr = this.deps.entryLfr.lookup(position, overall.state === 'ok' ? analysis : null);
      return view;
    } catch (e) {
      return { ...base, state: 'error', reason: `Could not compute the map: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
}
