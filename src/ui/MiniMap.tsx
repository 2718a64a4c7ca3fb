/**
 * A compact liquidation map for people who would rather look than read: price left→right, one stacked bar
 * per price bucket coloured by leverage tier, the cumulative long-liquidation curve growing leftwards
 * from the reference (what a fall would liquidate) and the short curve rightwards (what a rise would),
 * the reference price and the trader's own stop / liquidation / entry marked. Everything drawn is a
 * regrouping of the engine's bins for display; no map number is estimated here.
 */
import { scaleLinear } from 'd3-scale';
import type { LiquidationMap } from '../engine/types';
import { formatPrice, formatUsd, plainDecimal } from './format';

export interface MiniMapMarks {
  stop?: number;
  liq?: number;
  entry?: number;
}

export interface MiniMapProps {
  map: LiquidationMap;
  marks?: MiniMapMarks;
  width?: number;
  height?: number;
  /** Number of display buckets (bins are summed into these). */
  buckets?: number;
  /** Show only reference ± this percent. */
  rangePct?: number;
}

/** Colours per tier, low leverage → high leverage (cool → hot). Index-aligned with map.tiers. */
export const TIER_COLOURS = ['#a5d8ff', '#74c0fc', '#4dabf7', '#9775fa', '#da77f2', '#f783ac'];
/** Curves use hues the tier scale does not: red = longs liquidated on a fall, green = shorts on a rise. */
export const CUM_LONG_COLOUR = '#ff6b6b';
export const CUM_SHORT_COLOUR = '#8ce99a';

export interface Bucket {
  low: number;
  high: number;
  /** USD per tier (long + short: a bucket lies on one side of the reference, except the one that straddles it). */
  byTier: number[];
  total: number;
}

/** Sums the map's bins into `n` equal price buckets over [lo, hi]. Bins outside are ignored. */
export function bucketize(map: LiquidationMap, lo: number, hi: number, n: number): Bucket[] {
  const width = (hi - lo) / n;
  const tiers = map.tiers.length;
  const out: Bucket[] = Array.from({ length: n }, (_, i) => ({ low: lo + i * width, high: lo + (i + 1) * width, byTier: new Array<number>(tiers).fill(0), total: 0 }));
  if (!(width > 0)) return [];
  for (const b of map.bins) {
    if (b.price < lo || b.price >= hi) continue;
    const k = Math.min(n - 1, Math.floor((b.price - lo) / width));
    const bucket = out[k]!;
    for (let t = 0; t < tiers; t++) bucket.byTier[t]! += (b.longByTier[t] ?? 0) + (b.shortByTier[t] ?? 0);
    bucket.total += b.longUsd + b.shortUsd;
  }
  return out;
}

/**
 * Cumulative curves: for each bin price, long USD between it and the reference (prices below) and short
 * USD between the reference and it (prices above). Points are ordered by price.
 */
export function cumulativeCurves(map: LiquidationMap, lo: number, hi: number): { long: [number, number][]; short: [number, number][] } {
  const below = map.bins.filter((b) => b.price < map.reference && b.price >= lo).sort((a, b) => b.price - a.price);
  const above = map.bins.filter((b) => b.price > map.reference && b.price <= hi).sort((a, b) => a.price - b.price);
  const long: [number, number][] = [[map.reference, 0]];
  let acc = 0;
  for (const b of below) long.push([b.price, (acc += b.longUsd)]);
  const short: [number, number][] = [[map.reference, 0]];
  acc = 0;
  for (const b of above) short.push([b.price, (acc += b.shortUsd)]);
  return { long: long.reverse(), short };
}

function path(points: readonly [number, number][], x: (p: number) => number, y: (u: number) => number): string {
  return points.map(([p, u], i) => `${i ? 'L' : 'M'}${x(p).toFixed(1)},${y(u).toFixed(1)}`).join('');
}

export function MiniMap({ map, marks = {}, width = 340, height = 150, buckets = 68, rangePct = 6 }: MiniMapProps) {
  const ref = map.reference;
  const lo = ref * (1 - rangePct / 100);
  const hi = ref * (1 + rangePct / 100);
  const pad = { l: 4, r: 4, t: 6, b: 16 };
  const x = scaleLinear().domain([lo, hi]).range([pad.l, width - pad.r]);
  const bars = bucketize(map, lo, hi, buckets);
  const maxBar = Math.max(0, ...bars.map((b) => b.total));
  const curves = cumulativeCurves(map, lo, hi);
  const maxCum = Math.max(0, ...curves.long.map((p) => p[1]), ...curves.short.map((p) => p[1]));
  const yBar = scaleLinear().domain([0, maxBar || 1]).range([height - pad.b, pad.t]);
  const yCum = scaleLinear().domain([0, maxCum || 1]).range([height - pad.b, pad.t]);
  const barW = Math.max(1, (width - pad.l - pad.r) / buckets - 1);
  const totalLong = curves.long[0]?.[1] ?? 0;
  const totalShort = curves.short[curves.short.length - 1]?.[1] ?? 0;
  const empty = maxBar === 0;

  const label =
    `Estimated liquidation map ${map.symbol} around ${formatPrice(ref)} (±${rangePct} %): ` +
    `${formatUsd(totalLong)} long liquidations below, ${formatUsd(totalShort)} short liquidations above.`;

  // A mark beyond the shown range is pinned to that edge with its price, so a far liquidation is not lost.
  const markLine = (price: number | undefined, cls: string, text: string, testid: string, row: number) => {
    if (price === undefined || !(price > 0)) return null;
    const inside = price >= lo && price <= hi;
    const px = x(Math.min(hi, Math.max(lo, price)));
    const right = price > hi;
    return (
      <g class={cls} data-testid={testid} data-value={plainDecimal(price)} data-offscale={inside ? 'false' : 'true'}>
        <line x1={px} x2={px} y1={pad.t} y2={height - pad.b} />
        <text x={right ? px - 2 : px + 2} y={pad.t + 9 + row * 10} text-anchor={right ? 'end' : 'start'}>
          {inside ? text : `${right ? '' : '← '}${text} ${formatPrice(price)}${right ? ' →' : ''}`}
        </text>
      </g>
    );
  };

  return (
    <svg class="ll-minimap" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid="minimap">
      <title>{label}</title>
      <style>{`
        .ll-minimap{font:9px system-ui,sans-serif}
        .ll-minimap .ref line{stroke:#f8f9fa;stroke-width:1}
        .ll-minimap .stop line{stroke:#ff922b;stroke-dasharray:3 2}
        .ll-minimap .liq line{stroke:#fa5252;stroke-dasharray:1 2}
        .ll-minimap .entry line{stroke:#74c0fc;stroke-dasharray:4 2}
        .ll-minimap text{fill:#ced4da}
        .ll-minimap .cum{fill:none;stroke-width:1.5}
      `}</style>
      <rect x="0" y="0" width={width} height={height} fill="#101317" />
      <g data-testid="minimap-bars">
        {bars.map((b, i) => {
          let y0 = height - pad.b;
          return (
            <g key={i} data-total={plainDecimal(b.total)}>
              {b.byTier.map((usd, t) => {
                if (usd <= 0) return null;
                // The scale is linear from 0, so tier heights stack to the bucket's total height.
                const h = Math.max(0, height - pad.b - yBar(usd));
                y0 -= h;
                return <rect x={x(b.low) + 0.5} y={y0} width={barW} height={h} fill={TIER_COLOURS[t % TIER_COLOURS.length]} opacity="0.85" data-tier={String(map.tiers[t])} />;
              })}
            </g>
          );
        })}
      </g>
      <path class="cum" data-testid="minimap-cum-long" d={path(curves.long, x, yCum)} stroke={CUM_LONG_COLOUR} />
      <path class="cum" data-testid="minimap-cum-short" d={path(curves.short, x, yCum)} stroke={CUM_SHORT_COLOUR} />
      {markLine(ref, 'ref', formatPrice(ref), 'minimap-ref', 0)}
      {markLine(marks.entry, 'entry', 'entry', 'minimap-entry', 2)}
      {markLine(marks.stop, 'stop', 'stop', 'minimap-stop', 1)}
      {markLine(marks.liq, 'liq', 'liq', 'minimap-liq', 3)}
      <text x={pad.l} y={height - 4}>
        {formatPrice(lo)}
      </text>
      <text x={width - pad.r} y={height - 4} text-anchor="end">
        {formatPrice(hi)}
      </text>
      <text x={width / 2} y={height - 4} text-anchor="middle">
        {empty ? 'no estimated liquidations in range' : 'estimated'}
      </text>
    </svg>
  );
}

/** Legend for the tier colours. */
export function TierLegend({ tiers }: { tiers: readonly number[] }) {
  return (
    <ul class="ll-legend" aria-label="Leverage tiers">
      {tiers.map((lev, t) => (
        <li>
          <span class="swatch" style={{ background: TIER_COLOURS[t % TIER_COLOURS.length] }} aria-hidden="true" />
          {lev}x
        </li>
      ))}
      <li>
        <span class="swatch" style={{ background: CUM_LONG_COLOUR }} aria-hidden="true" />
        cum. long (fall)
      </li>
      <li>
        <span class="swatch" style={{ background: CUM_SHORT_COLOUR }} aria-hidden="true" />
        cum. short (rise)
      </li>
    </ul>
  );
}
