/**
 * The asymmetry percentile needs the map's own history: one ratio per new bar, a window's worth
 * (2016 five-minute bars = 7 days), per symbol, persisted through the MetaStore.
 */
import type { Analysis, Symbol } from '../engine/types';
import { AsymmetrySchema, type MetaStore } from './meta';

const LIMIT = 2016;

export class AsymmetryHistory {
  private readonly history = new Map<Symbol, { asOf: number; values: number[] }>();
  private readonly loaded = new Set<Symbol>();

  constructor(
    private readonly meta?: MetaStore,
    private readonly log?: (msg: string, err?: unknown) => void,
  ) {}

  /** Read the persisted history once per symbol per service-worker life. */
  async hydrate(symbol: Symbol): Promise<void> {
    if (this.loaded.has(symbol)) return;
    this.loaded.add(symbol);
    const h = await this.meta?.load(`asym:${symbol}`, AsymmetrySchema).catch(() => null);
    if (h && !this.history.has(symbol)) this.history.set(symbol, h);
  }

  values(symbol: Symbol): number[] {
    return this.history.get(symbol)?.values ?? [];
  }

  /** Record the ratio of the map whose last bar is `asOf` (once per bar). */
  record(symbol: Symbol, analysis: Analysis, asOf: number): void {
    const r = analysis.asymmetry.ratio;
    if (r.kind !== 'ratio') return;
    let h = this.history.get(symbol);
    if (!h) this.history.set(symbol, (h = { asOf: 0, values: [] }));
    if (asOf <= h.asOf) return;
    h.asOf = asOf;
    h.values.push(r.value);
    if (h.values.length > LIMIT) h.values.splice(0, h.values.length - LIMIT);
    void this.meta?.save(`asym:${symbol}`, h).catch((e) => this.log?.('could not save asymmetry history', e));
  }
}
