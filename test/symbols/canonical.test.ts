import { describe, expect, test } from 'vitest';
import { baseOf, CANONICAL_SYMBOL, parseCanonical, splitCanonical, withQuote } from '../../src/symbols/canonical';

describe('canonical symbols', () => {
  test('base, quote and multiplier', () => {
    expect(parseCanonical('BTCUSDT')).toEqual({ base: 'BTC', quote: 'USDT', multiplier: 1 });
    expect(parseCanonical('ETHUSDC')).toEqual({ base: 'ETH', quote: 'USDC', multiplier: 1 });
    expect(parseCanonical('1000PEPEUSDT')).toEqual({ base: 'PEPE', quote: 'USDT', multiplier: 1000 });
    expect(parseCanonical('1MBABYDOGEUSDC')).toEqual({ base: 'BABYDOGE', quote: 'USDC', multiplier: 1_000_000 });
    expect(parseCanonical('BTC-USDT-SWAP')).toBeNull();
    expect(parseCanonical('BTCUSD')).toBeNull();
    expect(() => splitCanonical('BTCUSD')).toThrow(/not a canonical symbol: BTCUSD/);
  });
  test('the unit a size is counted in keeps the multiplier prefix (as the market quotes it)', () => {
    expect(baseOf('BTCUSDT')).toBe('BTC');
    expect(baseOf('ethusdc')).toBe('ETH');
    expect(baseOf('1000PEPEUSDT')).toBe('1000PEPE');
    expect(baseOf('BTCUSD')).toBe('BTC');
  });
  test('withQuote adds the default quote only when none is there', () => {
    expect(withQuote('BTC')).toBe('BTCUSDT');
    expect(withQuote('BTCUSDT')).toBe('BTCUSDT');
    expect(withQuote('ETHUSDC')).toBe('ETHUSDC');
  });
  test('CANONICAL_SYMBOL', () => {
    expect(['BTCUSDT', 'ETHUSDC', '1000PEPEUSDT'].every((s) => CANONICAL_SYMBOL.test(s))).toBe(true);
    expect(['BTCUSD', 'btcusdt', 'BTC-USDT', 'USDT'].some((s) => CANONICAL_SYMBOL.test(s))).toBe(false);
  });
});
