/**
 * The liquidation profile on the price axis (issue #13 item 2), as a pure model: the engine's map bins →
 * horizontal bars in pane pixels, one per bin and side, growing leftwards from the pane's right edge,
 * stacked by leverage tier. The canvas renderer (ProfileCanvas.tsx) only paints what this returns, the way
 * lightweight-charts separates a series' pane view (geometry) from its renderer (drawing).
 *
 * Width scaling: √(USD ÷ the largest bar in view) × the maximum width. A linear scale leaves every bin but
 * the biggest as a sliver (maps are heavy-tailed); a log scale needs an arbitrary floor and makes a $50K
 * bin look half as big as a $50M one. The square root keeps the order and lets the mid-size bins read.
 * Normalised to the bars in view, so zooming into a quiet range still shows its shape; the stacked
 * segments of a bar split its width in proportion to each tier's USD, so they always sum to the bar.
 */
import type { LiquidationMap, Side } from '../engine/types';
import { EMPHASIS_TIERS } from './bands';

/** The longest bar, as a share of the pane's width. */
export const PROFILE_MAX_WIDTH_SHARE = 0.18;

export interface ProfileSegment {
  /** The tier's leverage, or null when the bin carries no usable per-tier split. */
  leverage: number | null;
  /** 10x–25x: drawn at full opacity, the other tiers lighter. */
  emphasised: boolean;
  usd: number;
  /** CSS px, > 0. */
  width: number;
}

export interface ProfileBar {
  side: Side;
  /** Bin centre price (or the USD-weighted centre of the bins merged into one pixel row). */
  price: number;
  /** Pane-local CSS px: top edge and height (≥ 1). */
  y: number;
  height: number;
  usd: number;
  /** Total width (CSS px) = the sum of the segments' widths; the bar spans [paneWidth − width, paneWidth]. */
  width: number;
  /** From the right edge outwards, in the map's tier order. */
  segments: ProfileSegment[];
}

export interface ProfileModel {
  bars: ProfileBar[];
  /** The USD of the longest bar (the scale's reference), 0 without bars. */
  maxUsd: number;
  /** The longest bar's width in CSS px. */
  maxWidth: number;
}

export type ProfileMap = Pick<LiquidationMap, 'bins' | 'binWidth' | 'tiers'>;

const pos = (x: number | undefined): number => (typeof x === 'number' && x > 0 && x < Infinity ? x : 0);

interface Row {
  side: Side;
  top: number;
  bottom: number;
  usd: number;
  priceUsd: number;
  tiers: number[];
  /** USD with no per-tier split. */
  rest: number;
}

/**
 * Bars for `map` in a pane `width` × `height` CSS px, with `priceToY` giving a price's pane-local y.
 * Bins thinner than a pixel are merged per pixel row (and side), so a zoomed-out chart paints each row once.
 */
export function profileModel(map: ProfileMap, priceToY: (price: number) => number, height: number, width: number): ProfileModel {
  const maxWidth = Math.max(0, Math.round(PROFILE_MAX_WIDTH_SHARE * (Number.isFinite(width) ? width : 0)));
  const empty: ProfileModel = { bars: [], maxUsd: 0, maxWidth };
  const half = map.binWidth / 2;
  if (!(half > 0) || !(height > 0) || maxWidth === 0) return empty;
  const tiers = map.tiers;
  const rows = new Map<string, Row>();
  for (const bin of map.bins) {
    if (!(bin.price > 0 && bin.price < Infinity)) continue;
    const ya = priceToY(bin.price + half);
    const yb = priceToY(bin.price - half);
    if (!Number.isFinite(ya) || !Number.isFinite(yb)) continue;
    let top = Math.min(ya, yb);
    let bottom = Math.max(ya, yb);
    if (bottom < 0 || top > height) continue;
    // Sub-pixel bins: one row per whole pixel.
    const thin = bottom - top < 1;
    if (thin) {
      top = Math.floor((top + bottom) / 2);
      bottom = top + 1;
    }
    for (const side of ['long', 'short'] as const) {
      const byTier = side === 'long' ? bin.longByTier : bin.shortByTier;
      const split = byTier.length === tiers.length;
      const parts = split ? byTier.map(pos) : [];
      const usd = split ? parts.reduce((a, b) => a + b, 0) : pos(side === 'long' ? bin.longUsd : bin.shortUsd);
      if (!(usd > 0)) continue;
      const key = thin ? `${side}:${top}` : `${side}:${bin.price}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { side, top, bottom, usd: 0, priceUsd: 0, tiers: tiers.map(() => 0), rest: 0 }));
      row.usd += usd;
      row.priceUsd += bin.price * usd;
      if (split) parts.forEach((u, i) => (row.tiers[i] = row.tiers[i]! + u));
      else row.rest += usd;
    }
  }
  let maxUsd = 0;
  for (const r of rows.values()) if (r.usd > maxUsd) maxUsd = r.usd;
  if (!(maxUsd > 0 && maxUsd < Infinity)) return empty;
  const bars: ProfileBar[] = [];
  for (const r of rows.values()) {
    const w = Math.sqrt(r.usd / maxUsd) * maxWidth;
    if (!(w > 0)) continue;
    const segments: ProfileSegment[] = [];
    r.tiers.forEach((u, i) => {
      const lev = tiers[i]!;
      if (u > 0) segments.push({ leverage: lev, emphasised: lev >= EMPHASIS_TIERS.min && lev <= EMPHASIS_TIERS.max, usd: u, width: (w * u) / r.usd });
    });
    if (r.rest > 0) segments.push({ leverage: null, emphasised: false, usd: r.rest, width: (w * r.rest) / r.usd });
    bars.push({ side: r.side, price: r.priceUsd / r.usd, y: r.top, height: Math.max(1, r.bottom - r.top), usd: r.usd, width: w, segments });
  }
  bars.sort((a, b) => a.y - b.y);
  return { bars, maxUsd, maxWidth };
}
