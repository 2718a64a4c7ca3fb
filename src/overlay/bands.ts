/**
 * Which clusters become bands, and where they sit in pixels. The overlay renders the engine's clusters
 * as given: no map numbers are computed here, only selection, ordering and geometry.
 */
import { DEFAULT_CONFIG } from '../engine/config';
import type { Analysis, Cascade, Cluster, Side } from '../engine/types';
import type { PriceScale } from './scale';

/** Keeps the chart readable and native drawing cheap (Binance saves on drawing events). */
export const MAX_BANDS_PER_SIDE = 8;
/** Profile (and heatmap) view: the price-axis histogram shows the map, so only the nearest clusters are labelled. */
export const PROFILE_BANDS_PER_SIDE = 3;

/** Bands per side for an on-chart view (src/overlay/chart-view.ts): 'off' draws no map, only the lines. */
export const bandsPerSide = (view: string): number => (view === 'bands' ? MAX_BANDS_PER_SIDE : view === 'off' ? 0 : PROFILE_BANDS_PER_SIDE);

/** Leverage tiers the seed calls "most actionable": emphasised (engine config `emphasisLeverage`). */
export const EMPHASIS_TIERS = { min: DEFAULT_CONFIG.emphasisLeverage[0], max: DEFAULT_CONFIG.emphasisLeverage[1] } as const;

export interface Band {
  /** Stable across refreshes (side + rank by distance), so native shapes update in place. */
  key: string;
  side: Side;
  low: number;
  high: number;
  usd: number;
  /** Share (0–1) of the band's USD that comes from the 10x–25x tiers. */
  emphasis: number;
  cluster: Cluster;
}

export function emphasisShare(c: Cluster): number {
  let inBand = 0;
  let all = 0;
  for (const t of c.tierMix) {
    if (!(t.usd > 0)) continue;
    all += t.usd;
    if (t.leverage >= EMPHASIS_TIERS.min && t.leverage <= EMPHASIS_TIERS.max) inBand += t.usd;
  }
  return all > 0 ? inBand / all : 0;
}

function valid(c: Cluster): boolean {
  return Number.isFinite(c.low) && Number.isFinite(c.high) && c.low > 0 && c.high > c.low && Number.isFinite(c.usd);
}

/** Up to `maxPerSide` clusters per side, nearest first. */
export function selectBands(analysis: Pick<Analysis, 'clusters'>, maxPerSide = MAX_BANDS_PER_SIDE): Band[] {
  const out: Band[] = [];
  for (const side of ['long', 'short'] as const) {
    const ofSide = analysis.clusters
      .filter((c) => c.side === side && valid(c))
      .sort((a, b) => Math.abs(a.distancePct) - Math.abs(b.distancePct))
      .slice(0, maxPerSide);
    ofSide.forEach((c, i) =>
      out.push({ key: `band-${side}-${i}`, side, low: c.low, high: c.high, usd: c.usd, emphasis: emphasisShare(c), cluster: c }),
    );
  }
  return out;
}

export interface BandBox {
  band: Band;
  /** Viewport y of the band's top (its high price) and its height, unclipped. */
  top: number;
  height: number;
}

/** Pixel boxes of the bands that intersect the pane; bands fully outside are left out. */
export function layoutBands(bands: readonly Band[], scale: PriceScale): BandBox[] {
  const paneTop = scale.input.pane.top;
  const paneBottom = paneTop + scale.input.pane.height;
  const out: BandBox[] = [];
  for (const band of bands) {
    const y1 = scale.y(band.high);
    const y2 = scale.y(band.low);
    const top = Math.min(y1, y2);
    const bottom = Math.max(y1, y2);
    if (!Number.isFinite(top) || !Number.isFinite(bottom) || bottom < paneTop || top > paneBottom) continue;
    out.push({ band, top, height: Math.max(bottom - top, 1) });
  }
  return out;
}

/** The cascade chain a cluster belongs to (same side, matched by its band), or null. */
export function cascadeOf(cluster: Cluster, cascades: readonly Cascade[]): Cascade | null {
  for (const c of cascades) {
    if (c.side !== cluster.side || c.clusters.length < 2) continue;
    if (c.clusters.some((k) => k === cluster || (k.low === cluster.low && k.high === cluster.high))) return c;
  }
  return null;
}

/** The band under a price (hover), nearest-first when bands touch. */
export function bandAtPrice(bands: readonly Band[], price: number): Band | null {
  return bands.find((b) => price >= b.low && price <= b.high) ?? null;
}
