/**
 * The exchange registry: one line per exchange. The `Exchange` type, the settings schema, the manifest's
 * hosts and matches, the manual-store keys, the display names and the fixture server's routing all derive
 * from SITES, and so do the service worker's market-data clients (createSources), the recorder's specs and
 * the live stream specs (streamSpecs). Each entry carries its exchange's API client, recorder parsers and
 * stream spec: only the service worker, the popup, options and sizing pages, the manifest config and the
 * tools import this. Content scripts never do: each gets its own exchange's descriptor from
 * src/sites/<exchange>/content.ts.
 */
import { binance } from './binance';
import { bitget } from './bitget';
import { bybit } from './bybit';
import { okx } from './okx';
import type { FetchDeps } from './shared/fetcher';
import type { MarketSource } from './shared/source';
import type { StreamSpec } from './shared/stream-spec';
import { tradingMatches, type ExchangeEntry } from './site';

export const SITES = [
  binance,
  bybit,
  okx,
  bitget,
] as const satisfies readonly ExchangeEntry[];

export type Site = (typeof SITES)[number];
type RegisteredId = Site['id'];
export type Exchange = RegisteredId;

// The engine names no exchange: it learns the ids from here (declaration merging), so `Exchange` from
// src/engine/types is this same union everywhere.
declare module '../engine/types' {
  interface ExchangeRegistry extends Record<RegisteredId, true> {}
}

export const EXCHANGES: readonly Exchange[] = SITES.map((s) => s.id);

const BY_ID = new Map<string, Site>(SITES.map((s) => [s.id, s]));

export function isExchange(x: unknown): x is Exchange {
  return typeof x === 'string' && BY_ID.has(x);
}

/** The descriptor of a known exchange. */
export function siteOf(exchange: Exchange): Site {
  return BY_ID.get(exchange)!;
}

/** Display name ("OKX"), for the popup, options and overlay. */
export const exchangeName = (exchange: Exchange): string => siteOf(exchange).name;

/** Each exchange's fee to close (engine config `closeFeeRate`). */
export const CLOSE_FEE_RATES: Readonly<Record<Exchange, number>> = Object.fromEntries(SITES.map((s) => [s.id, s.closeFeeRate])) as Record<Exchange, number>;

/** Every trading-page match pattern (content scripts, sizing menu). */
export const TRADING_PAGE_MATCHES: readonly string[] = SITES.flatMap(tradingMatches);
/** Public market-data hosts the service worker fetches from, as manifest host patterns. */
export const API_HOST_PATTERNS: readonly string[] = SITES.flatMap((s) => s.apiHosts.map((h) => `https://${h}/*`));
/** Trading-page origins that may load the chart bridge and the framed sizing dialog. */
export const PAGE_ORIGIN_PATTERNS: readonly string[] = SITES.map((s) => `https://${s.pageHost}/*`);

/** One market-data client per exchange, each with its own budget and back-off state (service worker). */
export function createSources(deps: FetchDeps = {}): Record<Exchange, MarketSource> {
  return Object.fromEntries(SITES.map((s) => [s.id, s.source(deps)])) as Record<Exchange, MarketSource>;
}

/** Each exchange's live stream spec (endpoints, subscriptions, frame parser) for the socket manager. */
export function streamSpecs(): Record<Exchange, StreamSpec> {
  return Object.fromEntries(SITES.map((s) => [s.id, s.stream])) as Record<Exchange, StreamSpec>;
}
