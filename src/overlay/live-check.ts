/**
 * Receipt check of the live part of a view (issue #12) before the overlay draws from it: the same rule as
 * view-check.ts (every number finite, every enum known). Lives in the lazy UI chunk, not the content script.
 */
import type { LiveTick } from '../messaging';
import type { LiveView } from '../market/live-view';

const STATUSES = new Set(['live', 'polling', 'stale']);
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function markerOk(m: unknown): boolean {
  return isObj(m) && num(m.t) && num(m.price) && m.price > 0 && num(m.usd) && m.usd >= 0 && (m.side === 'long' || m.side === 'short') && typeof m.exchange === 'string';
}

export function checkLiveView(x: unknown): { ok: true; live: LiveView } | { ok: false; error: string } {
  if (!isObj(x)) return { ok: false, error: 'live view is not an object' };
  if (typeof x.status !== 'string' || !STATUSES.has(x.status)) return { ok: false, error: `live status ${String(x.status)} unknown` };
  if (!isObj(x.exchanges) || !Object.values(x.exchanges).every((s) => typeof s === 'string' && STATUSES.has(s))) return { ok: false, error: 'live exchanges malformed' };
  if (x.mark !== undefined && !(isObj(x.mark) && num(x.mark.price) && x.mark.price > 0 && num(x.mark.t))) return { ok: false, error: 'live mark is not a finite price' };
  if (!Array.isArray(x.markers) || x.markers.length > 1000 || !x.markers.every(markerOk)) return { ok: false, error: 'live markers malformed' };
  if (!Array.isArray(x.realisedUsd) || !x.realisedUsd.every((u) => num(u) && u >= 0)) return { ok: false, error: 'live realised USD malformed' };
  if (!num(x.markerHours) || !num(x.realisedHours) || !isObj(x.unpublished)) return { ok: false, error: 'live windows malformed' };
  if (x.flow !== undefined) {
    const f = x.flow;
    if (!isObj(f) || !Array.isArray(f.depthRatios) || !Array.isArray(f.delta) || !Array.isArray(f.cascades)) return { ok: false, error: 'live flow malformed' };
    // JSON turns undefined array entries into null: "no book reaching the cluster".
    if (!f.depthRatios.every((d) => d === null || num(d))) return { ok: false, error: 'live depth ratio is not finite' };
  }
  return { ok: true, live: x as unknown as LiveView };
}

export function checkLiveTick(x: unknown): { ok: true; tick: LiveTick } | { ok: false; error: string } {
  if (!isObj(x) || typeof x.exchange !== 'string' || typeof x.symbol !== 'string') return { ok: false, error: 'live tick without exchange/symbol' };
  const c = checkLiveView(x.live);
  return c.ok ? { ok: true, tick: { exchange: x.exchange, symbol: x.symbol, live: c.live } as LiveTick } : c;
}
