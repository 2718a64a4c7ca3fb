/**
 * Band intensity by estimated USD on an ABSOLUTE log scale (same USD → same shade on every symbol and
 * every refresh), so a pale band really is small. The legend shows the same ticks.
 */
export const INTENSITY_DOMAIN_USD: readonly [number, number] = [1e5, 1e9];
/** Faint enough at the top that candles stay readable through the band. */
export const INTENSITY_RANGE: readonly [number, number] = [0.12, 0.55];

/** Fill opacity 0.12–0.55 for a band of `usd`, log-interpolated over $100K–$1B and clamped. */
export function usdOpacity(usd: number): number {
  if (!Number.isFinite(usd) || usd <= 0) return INTENSITY_RANGE[0];
  const [d0, d1] = INTENSITY_DOMAIN_USD;
  const t = Math.min(1, Math.max(0, Math.log(usd / d0) / Math.log(d1 / d0)));
  return INTENSITY_RANGE[0] + t * (INTENSITY_RANGE[1] - INTENSITY_RANGE[0]);
}

/** Legend ticks: $1M, $10M, $100M, $1B with their shades. */
export const LEGEND_TICKS_USD: readonly number[] = [1e6, 1e7, 1e8, 1e9];
