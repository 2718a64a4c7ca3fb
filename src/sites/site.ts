/**
 * What one exchange is, as plain data: the one place that names its hosts, trading pages, chart anchors,
 * capabilities and fees. Each `src/sites/<exchange>/index.ts` exports one; src/sites/index.ts lists them,
 * and everything that enumerates exchanges (types, settings, manifest, fixture server) derives from that list.
 * Plain data only (no DOM, no fetch): the manifest config, the fixture server and every bundle import it.
 */
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

/** Keeps the id's literal type, so the registry's ids form the `Exchange` union. */
export function defineSite<const Id extends string>(site: SiteDescriptor<Id>): SiteDescriptor<Id> {
  return site;
}

/** Manifest match patterns of the site's trading pages, with and without a locale prefix. */
export function tradingMatches(site: SiteDescriptor): string[] {
  return site.tradingPaths.flatMap((p) => [`https://${site.pageHost}/${p}*`, `https://${site.pageHost}/*/${p}*`]);
}
