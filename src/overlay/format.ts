/** Number formats for the overlay: compact for people, plain decimals for data-* hooks. */

/** Plain decimal for data-* attributes: no separators, no units, no exponent; '' for none. */
export function plainDecimal(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(12).replace(/\.?0+$/, '');
}

/** $12.3M, $850K, $1.20B. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  const a = Math.abs(usd);
  const sign = usd < 0 ? '−' : '';
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(0)}K`;
  return `${sign}$${a.toFixed(0)}`;
}

/**
 * Price with precision that suits its size (97,012.5 · 3,412.25 · 0.5123 · 0.0000123): below 1, at least
 * three significant digits, so sub-cent coins (PEPE, SHIB, SATS on OKX/Bitget) never print as 0.0000.
 */
export function formatPrice(p: number): string {
  if (!Number.isFinite(p)) return '—';
  const a = Math.abs(p);
  const digits = a >= 1000 ? 1 : a >= 1 ? 2 : a > 0 ? Math.min(20, Math.max(4, Math.ceil(-Math.log10(a)) + 2)) : 4;
  return p.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatPct(pct: number, signed = false): string {
  if (!Number.isFinite(pct)) return '—';
  const s = `${Math.abs(pct).toFixed(2)} %`;
  if (!signed) return s;
  return pct > 0 ? `+${s}` : pct < 0 ? `−${s}` : s;
}

/** "3 min", "2 h 5 min" from milliseconds. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const min = Math.floor(ms / 60_000);
  if (min < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return `${h} h ${min % 60} min`;
}
