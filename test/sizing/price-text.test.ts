import { describe, expect, it } from 'vitest';
import { parseSelectedPrice } from '../../src/sizing/price-text';

describe('selected price → entry', () => {
  it.each([
    ['97,123.5', 97_123.5],
    ['97123.5', 97_123.5],
    [' $97,123.50 ', 97_123.5],
    ['97.123,5', 97_123.5],
    ['97 123,5', 97_123.5],
    ['97,123', 97_123],
    ['0,5123', 0.5123],
    ['3456.78 USDT', 3456.78],
    // Read like the position reader does (one core, src/numbers/digits.ts): this used to give 123.
    ['0,123', 0.123],
  ])('%s → %d', (text, want) => expect(parseSelectedPrice(text)).toBe(want));

  it.each(['', 'BTCUSDT', '-5', '1.2.3abc', '0', 'price 97,000', '1,23,456'])('%s → null', (text) => expect(parseSelectedPrice(text)).toBeNull());
});
