/**
 * Band intensity by estimated USD on an ABSOLUTE log scale (same USD → same shade on every symbol and
 * every refresh), so a pale band really is small. The legend shows the same ticks.
 */
import { scaleLog } from 'd3-scale';

export const INTENSITY_DOMAIN_USD: readonly [number, number] = [1e5, 1e9];
export const INTENSITY_RANGE: readonly [number, number] = [0.14, 0.78];

const s = scaleLog().domain([...INTENSITY_DOMAIN_USD]).range([...INTENSITY_RANGE]).clamp(true);

/** Fill opacity 0.14–0.78 for a band of `usd`; non-positive USD gets the faintest shade. */
export function usdOpacity(usd: number): number {
  if (!Number.isFinite(usd) || usd <= 0) return INTENSITY_RANGE[0];
  return s(usd);
}

/** Legend ticks: $1M, $10M, $100M, $1B with their shades. */
export const LEGEND_TICKS_USD: readonly number[] = [1e6, 1e7, 1e8, 1e9];
