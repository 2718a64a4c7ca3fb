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
import { EngineError } from '../engine/errors';
import { overallState } from './health';
import { lastGoodNote, refusedSeriesNote } from './health-notes';
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
  /** The last map computed per view key: shown (as stale) while no new one can be computed. */
  private readonly lastGood = new Map<string, { analysis: Analysis; asOf: number }>();

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
    const view = await this.build(exchange, symbol, req, cacheKey);
    if (this.views.size > CACHE_LIMIT) this.views.clear();
    this.views.set(cacheKey, { gen, at: now, view });
    return view;
  }

  /**
   * One bad exchange degrades, never blanks: when the engine refuses one exchange's series (an EngineError
   * naming it), that exchange is left out with a named reason in its health line and the others carry the
   * map. When no map can be computed at all, the last good one for this view stays on screen as stale.
   */
  private async build(exchange: Exchange, symbol: Symbol, req: WatchRequest | null, cacheKey: string): Promise<MarketView> {
    const settings = await this.deps.settings();
    const { health, series, stale } = this.deps.cache.aggregate(symbol, settings);
    const instrument = this.deps.cache.state(exchange, symbol)?.instrument;
    const coinPerContract = instrument ? instrument.contractSize * instrument.unitFactor : NaN;
    const contract = instrument && Number.isFinite(coinPerContract) && coinPerContract > 0 ? { contract: { exchangeSymbol: instrument.exchangeSymbol, coinPerContract } } : {};
    const baseOf = (): MarketView => {
      const overall = overallState(health, stale);
      return { exchange, symbol, state: overall.state, analysis: null, health, asOf: null, ...(overall.reason ? { reason: overall.reason } : {}), ...contract };
    };
    const fallback = (reason: string | undefined): MarketView => {
      const base = baseOf();
      const last = this.lastGood.get(cacheKey);
      if (!last) return reason ? { ...base, state: 'error', reason } : base;
      return { ...base, state: 'stale', analysis: last.analysis, asOf: last.asOf, reason: lastGoodNote(reason ?? base.reason ?? 'no exchange has usable data') };
    };
    if (series.length === 0) {
      const base = baseOf();
      return base.state === 'error' && this.lastGood.has(cacheKey) ? fallback(base.reason) : base;
    }
    const now = this.deps.now();
    let models = this.models.get(symbol);
    if (!models) this.models.set(symbol, (models = new Map()));
    const position = req?.position ?? null;
    let use = series;
    for (;;) {
      try {
        const analysis = this.deps.analyze({
          series: use,
          position,
          ...(req?.plannedSide ? { plannedSide: req.plannedSide } : {}),
          account: { sizeUsd: settings.accountUsd, riskPct: settings.riskPct },
          config: engineConfigFromSettings(settings),
          macroEvents: settings.macroEvents,
          asymmetryHistory: this.deps.asymmetry.values(symbol),
          now,
          ...(use.some((s) => s.exchange === exchange) ? { referenceExchange: exchange } : {}),
          models,
        });
        const asOf = Math.max(...use.map((s) => s.candles[s.candles.length - 1]?.t ?? 0));
        this.deps.asymmetry.record(symbol, analysis, asOf);
        this.lastGood.set(cacheKey, { analysis, asOf });
        if (this.lastGood.size > CACHE_LIMIT) this.lastGood.delete(this.lastGood.keys().next().value!);
        const base = baseOf();
        const view: MarketView = { ...base, analysis, asOf };
        // The entry LFR is only taken from a complete map, so "LFR since entry" compares like with like.
        if (position) view.entryLfr = this.deps.entryLfr.lookup(position, base.state === 'ok' ? analysis : null);
        return view;
      } catch (e) {
        const ee = e instanceof EngineError && e.code === 'invalid-input' && !notMarketData(e) ? e : undefined;
        const bad = ee?.exchange;
        if (ee && bad && use.some((s) => s.exchange === bad)) {
          // That exchange's series is refused: leave it out, name why in its health line, try the others.
          const h = health[bad];
          const detail = ee.message.startsWith(`${bad}: `) ? ee.message.slice(bad.length + 2) : ee.message;
          health[bad] = { state: 'error', reason: refusedSeriesNote(detail), ...(h?.fetchedAt !== undefined ? { fetchedAt: h.fetchedAt } : {}) };
          use = use.filter((s) => s.exchange !== bad);
          if (use.length > 0) continue;
        }
        return fallback(`Could not compute the map: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}

/** A refused position is the position's fault, not its exchange's market data. */
function notMarketData(e: EngineError): boolean {
  return e.field.startsWith('position') || e.field.startsWith('account') || e.field.startsWith('plan');
}
