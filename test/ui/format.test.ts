import { describe, expect, it } from 'vitest';
import { formatPrice } from '../../src/ui/format';

describe('ui formatPrice', () => {
  it('keeps the usual precision by magnitude', () => {
    expect(formatPrice(97123.44)).toBe('97,123.4');
    expect(formatPrice(3456.784)).toBe('3,456.78');
    expect(formatPrice(0.5123)).toBe('0.512300');
    expect(formatPrice(0.001234)).toBe('0.001234');
  });

  it('shows sub-cent prices with four significant digits instead of rounding them away', () => {
    // 0.00001234: first significant digit at the 5th decimal → 5 + 3 = 8 decimals.
    expect(formatPrice(0.00001234)).toBe('0.00001234');
    // 1.5e-7: 7th decimal → 10 decimals (6 would print 0.000000).
    expect(formatPrice(1.5e-7)).toBe('0.0000001500');
    expect(formatPrice(-0.00001234)).toBe('-0.00001234');
  });
});
