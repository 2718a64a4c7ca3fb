/**
 * Receipt check of a MarketView from the background before anything is rendered from it (docs/design.md §12):
 * the fields the overlay reads must have the right types; a view that fails is reported, not drawn.
 */
import type { MarketView } from '../messaging';

const STATES = new Set(['loading', 'ok', 'partial', 'stale', 'error']);
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);

/** Optional numbers must be absent or finite: extension messages are JSON, so Infinity/NaN arrive as null. */
const optNum = (x: unknown) => x === undefined || num(x);

function clusterOk(c: unknown): boolean {
  return (
    isObj(c) &&
    (c.side === 'long' || c.side === 'short') &&
    num(c.low) &&
    num(c.high) &&
    num(c.usd) &&
    num(c.distancePct) &&
    Array.isArray(c.tierMix) &&
    optNum(c.depthRatio)
  );
}

function asymmetryOk(a: unknown): boolean {
  if (!isObj(a) || !isObj(a.ratio) || typeof a.ratio.kind !== 'string') return false;
  return (a.ratio.kind !== 'ratio' || num(a.ratio.value)) && optNum(a.percentile);
}

export function checkMarketView(x: unknown): { ok: true; view: MarketView } | { ok: false; error: string } {
  if (!isObj(x)) return { ok: false, error: 'market view is not an object' };
  if (typeof x.symbol !== 'string' || typeof x.exchange !== 'string') return { ok: false, error: 'market view without exchange/symbol' };
  if (typeof x.state !== 'string' || !STATES.has(x.state)) return { ok: false, error: `market view state ${String(x.state)} unknown` };
  // The contract's coin per contract turns page contracts into coin (src/sites/dom/size-unit.ts): a positive number.
  const c = x.contract;
  if (!isObj(x.health) || (c !== undefined && !(isObj(c) && num(c.coinPerContract) && (c.coinPerContract as number) > 0))) {
    return { ok: false, error: 'market view without health or with a bad contract' };
  }
  const a = x.analysis;
  if (a !== null) {
    if (!isObj(a)) return { ok: false, error: 'analysis is not an object' };
    if (!Array.isArray(a.clusters) || !a.clusters.every(clusterOk)) return { ok: false, error: 'analysis.clusters malformed' };
    if (!isObj(a.lfr) || typeof a.lfr.kind !== 'string') return { ok: false, error: 'analysis.lfr malformed' };
    if (a.lfr.kind === 'ratio' && !num(a.lfr.value)) return { ok: false, error: 'analysis.lfr.value is not a finite number' };
    if (!isObj(a.stop) || (a.stop.kind === 'stop' && !num(a.stop.price))) return { ok: false, error: 'analysis.stop malformed' };
    if (!num(a.reference)) return { ok: false, error: 'analysis.reference is not a finite number' };
    if (!Array.isArray(a.signals) || !Array.isArray(a.cascades) || !isObj(a.asymmetry)) return { ok: false, error: 'analysis signals/cascades/asymmetry malformed' };
    if (!asymmetryOk(a.asymmetry)) return { ok: false, error: 'analysis.asymmetry ratio/percentile is not a finite number' };
  }
  return { ok: true, view: x as unknown as MarketView };
}
