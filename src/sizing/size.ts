/**
 * Sizing a planned trade for the in-page dialog (context menu "Size position with LiqLens"). All numbers
 * come from the engine's analyze() with the dialog's side, entry, leverage and risk budget: the stop is
 * placed beyond the nearest risk-side cluster *as seen from that entry*, never recomputed here.
 */
import { analyze, isEngineError } from '../engine';
import { type Exchange, type FuelRatio, type MarketSeries, type Side, type Sizing, type StopSuggestion, type Symbol } from '../engine/types';
import { MAX_LEVERAGE, MIN_LEVERAGE } from '../engine/limits';
import type { Pct, Price, Usd, UtcMs } from '../engine/units';
import { EXCHANGES } from '../sites';
import { CANONICAL_SYMBOL } from '../symbols/canonical';
import { engineConfigFromSettings, type Settings } from '../settings';

export interface SizeRequest {
  /** Which market: the tab's watched one when absent (the handler fills it from the sender tab). */
  exchange?: Exchange;
  symbol?: Symbol;
  side: Side;
  entry: Price;
  leverage: number;
  /** Override the options page's account size / risk % for this one calculation. */
  accountUsd?: Usd;
  riskPct?: Pct;
}

export type SizeAnswer =
  | {
      kind: 'ok';
      exchange: Exchange;
      symbol: Symbol;
      side: Side;
      entry: Price;
      leverage: number;
      accountUsd: Usd;
      riskPct: Pct;
      /** The map's reference (mark) price, for "entry is x % from the mark". */
      mark: Price;
      stop: StopSuggestion;
      sizing: Sizing;
      /** LFR with the entry as reference. */
      lfr: FuelRatio;
      partial: boolean;
      asOf: UtcMs;
    }
  | { kind: 'error'; reason: string };

/** Checks the request by hand (it crosses a message boundary) and names the bad field. */
export function checkSizeRequest(req: unknown): { ok: true; req: SizeRequest } | { ok: false; reason: string } {
  if (typeof req !== 'object' || req === null) return { ok: false, reason: 'request: expected an object' };
  const r = req as Record<string, unknown>;
  const pos = (k: string, min = 0) => typeof r[k] === 'number' && Number.isFinite(r[k]) && (r[k] as number) > min;
  if (r.side !== 'long' && r.side !== 'short') return { ok: false, reason: 'side: must be long or short' };
  if (!pos('entry')) return { ok: false, reason: 'entry: must be a positive price' };
  if (!(typeof r.leverage === 'number' && Number.isFinite(r.leverage) && r.leverage >= MIN_LEVERAGE && r.leverage <= MAX_LEVERAGE)) {
    return { ok: false, reason: `leverage: must be between ${MIN_LEVERAGE} and ${MAX_LEVERAGE}` };
  }
  if (r.accountUsd !== undefined && !pos('accountUsd')) return { ok: false, reason: 'accountUsd: must be a positive amount' };
  if (r.riskPct !== undefined && !(pos('riskPct') && (r.riskPct as number) <= 100)) return { ok: false, reason: 'riskPct: must be within (0, 100]' };
  // The market, when named, picks what the hub loads and caches: only a known exchange and a canonical symbol.
  if (r.exchange !== undefined && !EXCHANGES.includes(r.exchange as Exchange)) return { ok: false, reason: `exchange: must be one of ${EXCHANGES.join(', ')}` };
  if (r.symbol !== undefined && !(typeof r.symbol === 'string' && CANONICAL_SYMBOL.test(r.symbol))) {
    return { ok: false, reason: 'symbol: expected a canonical symbol like BTCUSDT' };
  }
  // Copy the known fields only: nothing else from the page travels further.
  const out: SizeRequest = { side: r.side, entry: r.entry as number, leverage: r.leverage };
  if (r.exchange !== undefined) out.exchange = r.exchange as Exchange;
  if (r.symbol !== undefined) out.symbol = r.symbol as Symbol;
  if (r.accountUsd !== undefined) out.accountUsd = r.accountUsd as number;
  if (r.riskPct !== undefined) out.riskPct = r.riskPct as number;
  return { ok: true, req: out };
}

/** Runs the engine for a planned trade. Never throws: engine errors come back as a named reason. */
export function sizeFromSeries(series: readonly MarketSeries[], req: SizeRequest, settings: Settings, now: UtcMs): SizeAnswer {
  const first = series[0];
  if (!first) return { kind: 'error', reason: 'No market data for this symbol yet.' };
  const accountUsd = req.accountUsd ?? settings.accountUsd;
  const riskPct = req.riskPct ?? settings.riskPct;
  try {
    const a = analyze({
      series,
      position: null,
      plannedSide: req.side,
      plannedEntry: req.entry,
      account: { sizeUsd: accountUsd, riskPct, leverage: req.leverage },
      config: engineConfigFromSettings(settings),
      macroEvents: settings.macroEvents,
      now,
      ...(req.exchange ? { referenceExchange: req.exchange } : {}),
    });
    return {
      kind: 'ok',
      exchange: req.exchange ?? first.exchange,
      symbol: a.symbol,
      side: req.side,
      entry: req.entry,
      leverage: req.leverage,
      accountUsd,
      riskPct,
      mark: a.map.reference,
      stop: a.stop,
      sizing: a.sizing,
      lfr: a.lfr,
      partial: a.partial,
      asOf: a.map.asOf,
    };
  } catch (e) {
    return { kind: 'error', reason: isEngineError(e) ? e.message : `Sizing failed: ${String(e)}` };
  }
}
