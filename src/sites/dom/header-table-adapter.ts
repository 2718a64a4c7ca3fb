/**
 * A SiteAdapter for a trading page whose symbol is in the URL path and whose position sits in a
 * header-text positions table: everything but the exchange's URL pattern and reader config is shared.
 */
import type { Symbol } from '../../engine/types';
import type { PositionRead, ReadContext, SiteAdapter } from '../../position/page-adapter';
import { findPositionsPane, readPositionWith, type PageLabels, type ReaderConfig } from './position-reader';
import { hostIs } from './url';

export interface HeaderTablePage {
  config: ReaderConfig;
  /** Registrable domain, e.g. 'binance.com' (subdomains such as www. match). */
  domain: string;
  /** Trading path; its capture groups, joined and upper-cased, are the canonical symbol. */
  path: RegExp;
}

export function headerTableAdapter({ config, domain, path }: HeaderTablePage): SiteAdapter {
  return {
    exchange: config.exchange,
    symbolFromUrl(url: URL): Symbol | null {
      if (!hostIs(url, domain)) return null;
      const m = path.exec(url.pathname);
      const parts = m?.slice(1) ?? [];
      return parts.length && parts.every(Boolean) ? parts.join('').toUpperCase() : null;
    },
    readPosition(root: Document, symbol: Symbol, ctx?: ReadContext): PositionRead {
      return readPositionWith(root, symbol, config, ctx);
    },
    words: labelWords(config.labels),
    panelRoot(doc: Document): Element | null {
      const found = findPositionsPane(doc, config);
      return 'pane' in found ? found.pane : null;
    },
  };
}

/** Every word of a label table, flattened. */
export function labelWords(labels: PageLabels): string[] {
  const all = [...labels.positionsTab, ...Object.values(labels.columns).flat(), ...labels.side.long, ...labels.side.short, ...labels.contractUnits, ...labels.quoteUnits];
  all.push(...Object.values(labels.margin).flat());
  return [...new Set(all)];
}
