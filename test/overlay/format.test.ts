import { describe, expect, it } from 'vitest';
import { formatPrice, plainDecimal } from '../../src/overlay/format';

describe('overlay formatPrice', () => {
  it('keeps the usual precision by magnitude', () => {
    expect(formatPrice(97012.54)).toBe('97,012.5');
    expect(formatPrice(3412.25)).toBe('3,412.3');
    expect(formatPrice(3.41225)).toBe('3.41');
    expect(formatPrice(0.51234)).toBe('0.5123');
  });

  it('shows sub-cent prices (OKX/Bitget PEPE, SHIB, SATS) with significant digits, never as 0.0000', () => {
    // 0.00001234: first significant digit at the 5th decimal → 5 + 2 = 7 decimals.
    expect(formatPrice(0.00001234)).toBe('0.0000123');
    // A stop 2 % below 0.00001 must not print the same text as the reference.
    expect(formatPrice(0.0000098)).not.toBe(formatPrice(0.00001));
    // 1.5e-7 (SATS): 7th decimal → 9 decimals.
    expect(formatPrice(1.5e-7)).toBe('0.000000150');
  });

  it('renders non-finite input as a dash', () => {
    expect(formatPrice(Number.NaN)).toBe('—');
  });
});

describe('plainDecimal', () => {
  it('never uses exponent notation', () => {
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(plainDecimal(97012.5)).toBe('97012.5');
    expect(plainDecimal(undefined)).toBe('');
    expect(plainDecimal(Number.POSITIVE_INFINITY)).toBe('');
  });
});
