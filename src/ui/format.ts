/**
 * Number formats shared by the popup, the overlay and notifications. Locale-independent on purpose (tests
 * and screenshots must not depend on the browser's locale) and never print NaN/Infinity: a non-finite
 * value renders as an em dash.
 */

const DASH = '—';

/** data-* hooks: plain decimals (no exponent), '' when undefined — one definition for the overlay and the popup. */
export { plainDecimal } from '../overlay/format';

/** USD with a compact suffix: $950, $12.3K, $4.56M, $1.20B. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return DASH;
  const sign = usd < 0 ? '-' : '';
  const a = Math.abs(usd);
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(1)}K`;
  return `${sign}$${a.toFixed(0)}`;
}

/**
 * Price with precision that suits its magnitude and thousands separators: 97,123.4 · 3,456.78 · 0.5123 ·
 * 0.00001234 (below 1: at least four significant digits, so sub-cent coins are not rounded to 0.000000).
 */
export function formatPrice(price: number): string {
  if (!Number.isFinite(price)) return DASH;
  const a = Math.abs(price);
  const digits = a >= 10_000 ? 1 : a >= 100 ? 2 : a >= 1 ? 4 : a > 0 ? Math.min(20, Math.max(6, Math.ceil(-Math.log10(a)) + 3)) : 6;
  const [int = '0', frac] = Math.abs(price).toFixed(digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${price < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Percent (input already in percent, 1 = 1 %): "0.42 %". */
export function formatPct(pct: number, digits = 2): string {
  if (!Number.isFinite(pct)) return DASH;
  return `${pct.toFixed(digits)} %`;
}

/** Signed percent: "+1.20 %" / "-0.85 %". */
export function formatSignedPct(pct: number, digits = 2): string {
  if (!Number.isFinite(pct)) return DASH;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(digits)} %`;
}

/** Coin quantity with up to 6 significant decimals, trailing zeros trimmed: 0.0123, 12.5. */
export function formatCoin(coin: number): string {
  if (!Number.isFinite(coin)) return DASH;
  const a = Math.abs(coin);
  const digits = a >= 1000 ? 2 : a >= 1 ? 4 : 6;
  return coin.toFixed(digits).replace(/\.?0+$/, '');
}

/** A ratio such as the LFR: "1.89". */
export function formatRatio(x: number): string {
  if (!Number.isFinite(x)) return DASH;
  return x.toFixed(2);
}

/** Age of data, coarse: "12 s", "4 min", "3 h", "2 d". */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return DASH;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} d`;
}
