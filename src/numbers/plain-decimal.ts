/**
 * A number as plain decimal text: no separators, no units, never in exponent notation. The counterpart of
 * ./digits.ts (which reads such text): for data-* hooks, copied values and URL parameters, and the base
 * that src/ui/format.ts rounds and groups.
 */

/** Digits of a finite |x| without exponent: 1.5e-7 → "0.00000015", 1e21 → "1000000000000000000000". */
export function expand(abs: number): string {
  const s = String(abs);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const exp = Number(s.slice(e + 1));
  const [int = '0', frac = ''] = s.slice(0, e).split('.');
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Plain decimal for data-* hooks and copied values: no separators, no units, no exponent; '' for none. */
export function plainDecimal(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return n < 0 ? `-${expand(-n)}` : expand(n);
}
