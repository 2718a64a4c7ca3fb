/**
 * Log quantisation of one heatmap row (issue #13: compact snapshots). A row's values are stored as bytes
 * against the row's own maximum: code 0 is "nothing", code c ∈ 1..255 stands for max · RATIO^(255 − c), so
 * 255 codes span `DYNAMIC_RANGE` (10⁴: a level at 1/10,000 of the row's peak is the faintest kept; a colour
 * scale on log USD shows no more). Rounding in log space bounds the relative error of every kept value by
 * √RATIO − 1 ≈ 1.83 %.
 */
export const DYNAMIC_RANGE = 1e4;
const STEPS = 254;
const LOG_RATIO = Math.log(DYNAMIC_RANGE) / STEPS;
/** The largest relative error of a dequantised value at or above max / DYNAMIC_RANGE. */
export const MAX_RELATIVE_ERROR = Math.exp(LOG_RATIO / 2) - 1;

export function encode(value: number, max: number): number {
  if (!(value > 0) || !(max > 0) || !Number.isFinite(value)) return 0;
  const steps = Math.round(Math.log(max / value) / LOG_RATIO);
  if (steps > STEPS) return 0;
  return 255 - Math.max(0, steps);
}

export function decode(code: number, max: number): number {
  return code === 0 ? 0 : max * Math.exp(-(255 - code) * LOG_RATIO);
}
