/**
 * What one exchange is. Two layers, both in the exchange's own folder:
 * - SiteDescriptor (src/sites/<exchange>/descriptor.ts), plain data: its hosts, trading pages, chart anchors,
 *   capabilities and fees. Its content script gets this (and its page adapter) and nothing else, so a
 *   trading page never bundles another exchange, an API client or the registry.
 * - ExchangeEntry (src/sites/<exchange>/index.ts): the descriptor plus its market-data client, recorder
 *   spec and live stream spec. src/sites/index.ts lists these, and everything that enumerates exchanges (types, settings,
 *   manifest, service worker sources, recorder, fixture server) derives from that list.
 */
import type { RecorderSpec } from './shared/recorder-spec';
import type { StreamSpec } from './shared/stream-spec';
import type { FetchDeps } from './shared/fetcher';
import type { MarketSource } from './shared/source';

export interface SiteDescriptor<Id extends string = string> {
  readonly id: Id;
  /** Shown to the user (popup, options, overlay). */
  readonly name: string;
  /** Host of the futures trading pages (https). */
  readonly pageHost: string;
  /**
   * Trading-page path prefixes, after an optional locale segment: 'futures/' matches /futures/* and
   * /{locale}/futures/*. The manifest's content-script matches are built from these.
   */
  readonly tradingPaths: readonly string[];
  /** Public market-data API hosts the service worker fetches from (no keys, no cookies). */
  readonly apiHosts: readonly string[];
  /** Where the chart sits in the page (pixel overlay, ladder), most specific first. */
  readonly chartSelectors: readonly string[];
  readonly capabilities: {
    /**
     * True when the API serves open-interest history. False when OI can only be polled: what was polled
     * cannot be fetched again, so it is persisted on every refresh and kept when history is dropped.
     */
    readonly oiHistory: boolean;
  };
  /** Fee to close that the exchange adds to the maintenance requirement (fraction; 0 when none). */
  readonly closeFeeRate: number;
}

/** A registry entry: the descriptor plus what only the service worker and the tools use. */
export interface ExchangeEntry<Id extends string = string> extends SiteDescriptor<Id> {
  /** The market-data client the service worker polls (src/sites/<exchange>/api.ts); one per hub. */
  readonly source: (deps?: FetchDeps) => MarketSource;
  /** What the Node-only recorder (tools/recorder) asks this exchange and how it reads the answers. */
  readonly recorder: RecorderSpec;
  /** Its public live WebSocket (src/sites/<exchange>/stream.ts): endpoints, subscriptions, frame parser. */
  readonly stream: StreamSpec;
}

/** Keeps the id's literal type, so the registry's ids form the `Exchange` union. */
export function defineSite<const Id extends string>(site: SiteDescriptor<Id>): SiteDescriptor<Id> {
  return site;
}

/** Manifest match patterns of the site's trading pages, with and without a locale prefix. */
export function tradingMatches(site: SiteDescriptor): string[] {
  return site.tradingPaths.flatMap((p) => [`https://${site.pageHost}/${p}*`, `https://${site.pageHost}/*/${p}*`]);
}

/** Keeps the id's literal type, so the registry's ids form the `Exchange` union. */
export function defineExchange<const Id extends string>(entry: ExchangeEntry<Id>): ExchangeEntry<Id> {
  return entry;
}
