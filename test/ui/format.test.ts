// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDER,
  formatAge,
  formatCoin,
  formatDecimal,
  formatLeverage,
  formatPct,
  formatPrice,
  formatPriceForCopy,
  formatRatio,
  formatSignedPct,
  formatUsd,
  plainDecimal,
} from '../../src/ui/format';

const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const ALL = { formatPrice, formatUsd, formatPct, formatSignedPct, formatCoin, formatDecimal, formatRatio, formatLeverage, formatAge };
/** Reads a formatted number back: strips separators, units and suffixes. */
const parse = (s: string) => {
  const m = /^([+-]?)\$?([\d,]+(?:\.\d+)?)([KMB]?)/.exec(s.replace(/ %$/, ''));
  if (!m) throw new Error(`not a number: ${s}`);
  const scale = { '': 1, K: 1e3, M: 1e6, B: 1e9 }[m[3] as '' | 'K' | 'M' | 'B'];
  return (m[1] === '-' ? -1 : 1) * Number(m[2]!.replace(/,/g, '')) * scale;
};

describe('formatPrice', () => {
  it('keeps the usual precision by magnitude', () => {
    expect(formatPrice(97123.44)).toBe('97,123.4');
    expect(formatPrice(97012.54)).toBe('97,012.5');
    expect(formatPrice(3456.784)).toBe('3,456.78');
    expect(formatPrice(3412.25)).toBe('3,412.25');
    expect(formatPrice(145.234)).toBe('145.23');
    expect(formatPrice(3.41225)).toBe('3.4123');
    expect(formatPrice(0.5123)).toBe('0.5123');
    expect(formatPrice(0.51234)).toBe('0.5123');
    expect(formatPrice(0.001234)).toBe('0.001234');
  });

  it('rounds the decimal a person reads half up, not the binary float (97,123.45 → 97,123.5)', () => {
    // 97123.45 is stored as 97123.4499999…; overlay and popup used to disagree on it (issue 14).
    expect(formatPrice(97123.45)).toBe('97,123.5');
    expect(formatPrice(90361.45)).toBe('90,361.5');
    expect(formatPrice(1.00005)).toBe('1.0001');
  });

  it('shows sub-cent prices (OKX/Bitget PEPE, SHIB, SATS) with four significant digits, never as 0.0000', () => {
    // 0.00001234: first significant digit at the 5th decimal → 5 + 3 = 8 decimals.
    expect(formatPrice(0.00001234)).toBe('0.00001234');
    expect(formatPrice(-0.00001234)).toBe('-0.00001234');
    // 1.5e-7 (SATS): 7th decimal → 10 decimals, and no exponent.
    expect(formatPrice(1.5e-7)).toBe('0.0000001500');
    // A stop 2 % below 0.00001 must not print the same text as the reference.
    expect(formatPrice(0.0000098)).not.toBe(formatPrice(0.00001));
  });

  it('renders non-finite input as the placeholder and zero plainly', () => {
    for (const x of NON_FINITE) expect(formatPrice(x)).toBe(PLACEHOLDER);
    expect(formatPrice(0)).toBe('0.00');
    expect(formatPrice(-0)).toBe('0.00');
  });

  it('for copying: the same digits without separators', () => {
    expect(formatPriceForCopy(97123.45)).toBe('97123.5');
    expect(formatPriceForCopy(Number.NaN)).toBe(PLACEHOLDER);
  });
});

describe('formatUsd', () => {
  it('is compact with three significant digits (one rule for overlay and popup)', () => {
    expect(formatUsd(950)).toBe('$950');
    expect(formatUsd(2500)).toBe('$2.50K');
    expect(formatUsd(12_345)).toBe('$12.3K');
    expect(formatUsd(850_000)).toBe('$850K');
    expect(formatUsd(4_560_000)).toBe('$4.56M');
    expect(formatUsd(60e6)).toBe('$60.0M');
    expect(formatUsd(123_456_789)).toBe('$123M');
    expect(formatUsd(1.2e9)).toBe('$1.20B');
    expect(formatUsd(1_234e9)).toBe('$1,234B');
  });

  it('negative amounts keep their size and use the same minus as prices (−2,500 was −$3K in one view, -$2.5K in the other)', () => {
    expect(formatUsd(-2500)).toBe('-$2.50K');
    expect(formatUsd(-0.2)).toBe('$0');
  });

  it('rounding up to 1000 moves to the next unit', () => {
    expect(formatUsd(999.6)).toBe('$1.00K');
    expect(formatUsd(999_960)).toBe('$1.00M');
    expect(formatUsd(9_996)).toBe('$10.0K');
    expect(formatUsd(99_960)).toBe('$100K');
  });

  it('renders non-finite input as the placeholder', () => {
    for (const x of NON_FINITE) expect(formatUsd(x)).toBe(PLACEHOLDER);
  });
});

describe('percent, ratio, coin, leverage', () => {
  it('percent keeps the sign of negative values (the overlay used to drop it) and never prints -0.00', () => {
    expect(formatPct(0.42)).toBe('0.42 %');
    expect(formatPct(0.4, 1)).toBe('0.4 %');
    expect(formatPct(-1.5)).toBe('-1.50 %');
    expect(formatPct(-0.001)).toBe('0.00 %');
    expect(formatSignedPct(1.2)).toBe('+1.20 %');
    expect(formatSignedPct(-0.85)).toBe('-0.85 %');
    expect(formatSignedPct(0)).toBe('0.00 %');
    expect(formatSignedPct(1.905)).toBe('+1.91 %');
  });

  it('ratio, coin and leverage', () => {
    expect(formatRatio(60 / 35)).toBe('1.71');
    expect(formatRatio(0.725)).toBe('0.73');
    expect(formatCoin(0.0502513)).toBe('0.050251');
    expect(formatCoin(12.5)).toBe('12.5');
    expect(formatCoin(4e9)).toBe('4000000000');
    expect(formatCoin(0)).toBe('0');
    expect(formatCoin(1e-7)).toBe('0.0000001');
    expect(formatCoin(1.23456e-7)).toBe('0.0000001235');
    expect(formatDecimal(110)).toBe('110');
    expect(formatDecimal(100 / 3)).toBe('33.333333');
    expect(formatDecimal(99.99999999)).toBe('100');
    expect(formatDecimal(0)).toBe('0');
    expect(formatLeverage(10)).toBe('10x');
    expect(formatLeverage(12.5)).toBe('12.5x');
  });

  it('non-finite input is the placeholder', () => {
    for (const x of NON_FINITE) for (const f of [formatPct, formatSignedPct, formatRatio, formatCoin, formatDecimal, formatLeverage]) expect(f(x)).toBe(PLACEHOLDER);
  });
});

describe('formatAge', () => {
  it('never rounds an age up', () => {
    expect(formatAge(12_000)).toBe('12 s');
    expect(formatAge(59_600)).toBe('59 s');
    expect(formatAge(90_000)).toBe('1 min');
    expect(formatAge(12 * 60_000)).toBe('12 min');
    expect(formatAge(2 * 3_600_000)).toBe('2 h');
    expect(formatAge(125 * 60_000)).toBe('2 h 5 min');
    expect(formatAge(3 * 86_400_000 + 5)).toBe('3 d');
  });

  it('a negative or non-finite age is the placeholder', () => {
    expect(formatAge(-1)).toBe(PLACEHOLDER);
    for (const x of NON_FINITE) expect(formatAge(x)).toBe(PLACEHOLDER);
  });
});

describe('plainDecimal', () => {
  it('never uses exponent notation', () => {
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(plainDecimal(-1.5e-7)).toBe('-0.00000015');
    expect(plainDecimal(97012.5)).toBe('97012.5');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(undefined)).toBe('');
    expect(plainDecimal(null)).toBe('');
    expect(plainDecimal(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('properties', () => {
  const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(...NON_FINITE, 0, -0, 1e21, 5e-324, Number.MAX_VALUE));

  it('no formatter ever prints NaN, Infinity or an exponent, for any input', () => {
    fc.assert(
      fc.property(anyNumber, (x) => {
        for (const [name, f] of Object.entries(ALL)) {
          const s = f(x);
          expect(s, `${name}(${x})`).not.toMatch(/NaN|Infinity|\de[+-]?\d/);
          expect(s.length, `${name}(${x})`).toBeGreaterThan(0);
        }
        expect(plainDecimal(x)).not.toMatch(/NaN|Infinity|e/);
      }),
    );
  });

  it('plainDecimal round-trips exactly', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Number(plainDecimal(x))).toBe(x === 0 ? 0 : x);
    }));
  });

  const price = fc.double({ min: 1e-9, max: 1e9, noNaN: true });

  it('price: reads back within half a unit of its last digit, and at most 0.05 % off', () => {
    fc.assert(
      fc.property(price, (p) => {
        const back = parse(formatPrice(p));
        expect(Math.abs(back - p) / p).toBeLessThanOrEqual(5.0001e-4);
      }),
    );
  });

  it('price and USD are monotonic: a larger number never reads back smaller', () => {
    fc.assert(
      fc.property(price, price, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(parse(formatPrice(lo))).toBeLessThanOrEqual(parse(formatPrice(hi)));
        expect(parse(formatUsd(lo))).toBeLessThanOrEqual(parse(formatUsd(hi)));
      }),
    );
  });

  it('USD: three significant digits from $1K up, within 0.5 % of the amount', () => {
    fc.assert(
      fc.property(fc.double({ min: 1000, max: 1e12, noNaN: true }), (u) => {
        const s = formatUsd(u);
        expect(s.replace(/[^\d]/g, '').length).toBeGreaterThanOrEqual(3);
        expect(Math.abs(parse(s) - u) / u).toBeLessThanOrEqual(5.0001e-3);
      }),
    );
  });

  it('age is monotonic', () => {
    const toMs = (s: string) => {
      const [, a, b] = /^(\d+) (s|min|h|d)/.exec(s)!;
      const extra = /h (\d+) min$/.exec(s);
      return Number(a) * { s: 1e3, min: 6e4, h: 3.6e6, d: 8.64e7 }[b as 's']! + (extra ? Number(extra[1]) * 6e4 : 0);
    };
    fc.assert(
      fc.property(fc.nat({ max: 30 * 86_400_000 }), fc.nat({ max: 30 * 86_400_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(toMs(formatAge(lo))).toBeLessThanOrEqual(toMs(formatAge(hi)));
        expect(toMs(formatAge(lo))).toBeLessThanOrEqual(lo);
      }),
    );
  });
});
