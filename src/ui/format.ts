/**
 * The one set of number formats for everything LiqLens shows: popup, overlay, sizing dialog, options and
 * notifications. Locale-independent on purpose (tests and screenshots must not depend on the browser's
 * locale), never in exponent notation, and never NaN/Infinity: a value that is not a finite number renders
 * as PLACEHOLDER.
 *
 * Rounding is half away from zero on the number's shortest decimal form — the digits a person reads on the
 * exchange — so 97,123.45 shows as 97,123.5, not as the binary float's 97,123.4.
 */
import type { Coin, Pct, Price, Usd } from '../engine/units';

import { expand, plainDecimal } from '../numbers/plain-decimal';

// Part of this module's set of formats; it lives in src/numbers so non-UI code (src/sizing) can write a
// number for a URL without depending on the presentation layer.
export { plainDecimal };

/** What a missing or non-finite number renders as. */
export const PLACEHOLDER = '—';

/** Adds one to a string of decimal digits ("099" → "100", "99" → "100"). */
function increment(digits: string): string {
  const a = digits.split('');
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] === '9') a[i] = '0';
    else {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
  }
  return `1${a.join('')}`;
}

/** |x| with exactly `digits` decimals, rounded half away from zero on its shortest decimal form. */
function fixed(abs: number, digits: number): string {
  const [int = '0', frac = ''] = expand(abs).split('.');
  if (frac.length <= digits) return digits > 0 ? `${int}.${frac.padEnd(digits, '0')}` : int;
  let kept = int + frac.slice(0, digits);
  if ((frac[digits] ?? '0') >= '5') kept = increment(kept);
  const intLen = kept.length - digits;
  return digits > 0 ? `${kept.slice(0, intLen)}.${kept.slice(intLen)}` : kept;
}

/** A minus only when the rounded text is not zero ("-0.00" is not a number anyone should read). */
function signed(negative: boolean, text: string, plus = false): string {
  if (/^[0.]*$/.test(text.replace(/[^0-9.]/g, ''))) return text;
  return negative ? `-${text}` : plus ? `+${text}` : text;
}

const group = (int: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function grouped(text: string): string {
  const [int = '0', frac] = text.split('.');
  return frac === undefined ? group(int) : `${group(int)}.${frac}`;
}

/** Decimals a price gets by its size: 97,123.4 · 3,456.78 · 145.23 · 2.3456 · 0.5123 · 0.00001234. */
export function priceDecimals(abs: number): number {
  if (abs >= 10_000) return 1;
  if (abs >= 100) return 2;
  if (abs >= 1) return 4;
  // Below 1: four significant digits, so sub-cent coins (PEPE, SHIB, SATS) never print as 0.0000.
  if (abs > 0) return Math.min(20, Math.ceil(-Math.log10(abs)) + 3);
  return 2;
}

/** Price with thousands separators and the precision of `priceDecimals`. */
export function formatPrice(price: Price): string {
  if (!Number.isFinite(price)) return PLACEHOLDER;
  const a = Math.abs(price);
  return signed(price < 0, grouped(fixed(a, priceDecimals(a))));
}

/** A price to paste into an order form: same digits as `formatPrice`, without separators. */
export function formatPriceForCopy(price: Price): string {
  return formatPrice(price).replace(/,/g, '');
}

/** `v` (≥ 0) with three significant digits: 2.50 · 12.3 · 850; the rounded text and whether it reached 1000. */
function threeSignificant(v: number): string {
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  const s = fixed(v, digits);
  // 9.996 rounds to "10.00": one decimal fewer keeps three significant digits.
  return digits > 0 && Number(s) >= 10 ** (3 - digits) ? fixed(v, digits - 1) : s;
}

const USD_UNITS: readonly [suffix: string, size: number][] = [
  ['K', 1e3],
  ['M', 1e6],
  ['B', 1e9],
];

/** USD, compact with three significant digits: $950 · $2.50K · $12.3K · $850K · $4.56M · $60.0M · $1.20B. */
export function formatUsd(usd: Usd): string {
  if (!Number.isFinite(usd)) return PLACEHOLDER;
  const a = Math.abs(usd);
  let text = fixed(a, 0);
  if (Number(text) >= 1000) {
    for (const [suffix, size] of USD_UNITS) {
      const v = threeSignificant(a / size);
      text = `${grouped(v)}${suffix}`;
      // 999.96K reads as 1.00M: move to the next unit when the rounding reaches 1000.
      if (Number(v) < 1000) break;
    }
  }
  return signed(usd < 0, `$${text}`);
}

/** Percent (input already in percent, 1 = 1 %): "0.42 %", "-1.50 %". */
export function formatPct(pct: Pct, digits = 2): string {
  if (!Number.isFinite(pct)) return PLACEHOLDER;
  return `${signed(pct < 0, fixed(Math.abs(pct), digits))} %`;
}

/** Percent with its sign always written: "+1.20 %", "-0.85 %", "0.00 %". */
export function formatSignedPct(pct: Pct, digits = 2): string {
  if (!Number.isFinite(pct)) return PLACEHOLDER;
  return `${signed(pct < 0, fixed(Math.abs(pct), digits), true)} %`;
}

/** Coin quantity, trailing zeros trimmed, no separators (it is copied into order forms): 0.0123, 12.5, 0.0000001. */
export function formatCoin(coin: Coin): string {
  if (!Number.isFinite(coin)) return PLACEHOLDER;
  const a = Math.abs(coin);
  // Below 1 at least six decimals, and four significant digits for dust (1e-7 is not "0").
  const digits = a >= 1000 ? 2 : a >= 1 ? 4 : a > 0 ? Math.min(20, Math.max(6, Math.ceil(-Math.log10(a)) + 3)) : 6;
  const text = fixed(a, digits).replace(/\.?0+$/, '') || '0';
  return signed(coin < 0, text);
}

/** A plain number with at most `maxDecimals`, trailing zeros trimmed: 110, 99.5, 33.333333. */
export function formatDecimal(x: number, maxDecimals = 6): string {
  if (!Number.isFinite(x)) return PLACEHOLDER;
  return signed(x < 0, fixed(Math.abs(x), maxDecimals).replace(/\.?0+$/, '') || '0');
}

/** A ratio such as the LFR or the asymmetry: "1.89". */
export function formatRatio(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return PLACEHOLDER;
  return signed(x < 0, fixed(Math.abs(x), digits));
}

/** Leverage as the exchanges write it: "10x", "12.5x". */
export function formatLeverage(x: number): string {
  if (!Number.isFinite(x)) return PLACEHOLDER;
  return `${formatCoin(x)}x`;
}

/**
 * Age of data, never rounded up (data 90 s old is "1 min" old, not 2): "12 s", "4 min", "2 h 5 min",
 * "3 d". Negative ages (a clock ahead of ours) are not an age: placeholder.
 */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return PLACEHOLDER;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  return `${fixed(Math.floor(h / 24), 0)} d`;
}

/** A bar's UTC time of day, "12:05 UTC" (health notes name a bad bar by it); placeholder for no time. */
export function formatUtcTime(t: number): string {
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) return PLACEHOLDER;
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
