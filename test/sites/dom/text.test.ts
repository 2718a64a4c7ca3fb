import { describe, expect, test } from 'vitest';
import { headerUnit, labelKey, labelMatch } from '../../../src/sites/dom/text';

describe('labelKey / labelMatch', () => {
  test('punctuation, spacing, counters and units do not matter', () => {
    expect(labelKey('Liq.Price')).toBe('liqprice');
    expect(labelKey('Liq. Price (USDT)')).toBe('liqprice');
    expect(labelKey('仓位(1)')).toBe('仓位');
    expect(labelKey('收益额（收益率）')).toBe('收益额');
  });
  test('exact or unit-suffixed matches only; the longest synonym wins', () => {
    expect(labelMatch('Entry Price', ['Entry Price', 'Entry'])).toBe('entryprice'.length);
    expect(labelMatch('Break Even Price', ['Entry Price'])).toBe(0);
    expect(labelMatch('Margin Ratio', ['Margin'])).toBe(0);
    expect(labelMatch('Mark Price', ['Mark Price'])).toBeGreaterThan(0);
    expect(labelMatch('Positions(3)', ['Positions'])).toBeGreaterThan(0);
  });
  test('header units', () => {
    expect(headerUnit('Size (BTC)')).toBe('BTC');
    expect(headerUnit('数量（张）')).toBe('张');
    expect(headerUnit('Size')).toBeNull();
  });
});
