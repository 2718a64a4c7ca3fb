import { describe, expect, it } from 'vitest';
import { parseAxisNumber } from '../../src/overlay/axis-labels';

describe('reading price-axis labels', () => {
  it.each([
    ['97,000.0', 97000],
    ['97000.0', 97000],
    ['97 000,5', 97000.5],
    ['97.000,5', 97000.5],
    ['3,412.25', 3412.25],
    ['0,5123', 0.5123],
    ['1,234', 1234],
    ['1.2K', 1200],
    ['2M', 2e6],
  ])('%s → %d', (text, value) => {
    expect(parseAxisNumber(text)).toBeCloseTo(value, 9);
  });
  it.each([
    ['1.2 K', 1200],
    ['96.800', 96.8],
    ['1.234.567', 1234567],
    [' 3,412.25 ', 3412.25],
  ])('%s → %d (the shared digit reader, page convention)', (text, value) => {
    expect(parseAxisNumber(text)).toBeCloseTo(value, 9);
  });
  it.each(['', '--', '12:00', '−5', 'BTC', '0', '5%', '12,34,567', '1,2.5', ',5', '1e300'])('%s is not an axis price', (text) => {
    expect(parseAxisNumber(text)).toBeNull();
  });
});
