// One position schema and one leverage bound: a watch message, a page read, the manual form and the
// engine all refuse the same positions, with the same sentence where a person reads it.
import { describe, expect, test } from 'vitest';
import { MAX_LEVERAGE } from '../../src/engine/limits';
import { validatePosition } from '../../src/engine/validate';
import { checkSizeRequest } from '../../src/sizing/size';
import { checkWatch } from '../../src/market/validate';
import { validateManualPosition } from '../../src/position/manual-entry';
import { positionProblem } from '../../src/position/sanity';

const position = { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry: 96800, size: 0.15, leverage: 10, marginMode: 'cross', liqPrice: 87512.3, source: 'page' } as const;

describe('position schema', () => {
  test('one leverage bound everywhere', () => {
    expect(MAX_LEVERAGE).toBe(150);
    const over = { ...position, leverage: MAX_LEVERAGE + 1 };
    expect(checkWatch({ exchange: 'binance', symbol: 'BTCUSDT', position: over })).toEqual({
      ok: false,
      reason: 'invalid watch request: position.leverage: leverage must be between 1x and 150x (got 151x)',
    });
    expect(checkWatch({ exchange: 'binance', symbol: 'BTCUSDT', position: { ...position, leverage: MAX_LEVERAGE } }).ok).toBe(true);
    expect(positionProblem(over)).toBe('leverage must be between 1x and 150x (got 151x)');
    expect(validateManualPosition({ ...over, leverage: '151' }, 'binance', 'BTCUSDT')).toMatchObject({ ok: false, field: 'leverage' });
    expect(checkSizeRequest({ side: 'long', entry: 1, leverage: 151 })).toEqual({ ok: false, reason: 'leverage: must be between 1 and 150' });
    expect(() => validatePosition(over, 'BTCUSDT')).toThrow(/position\.leverage: leverage must be between 1x and 150x \(got 151x\)/);
  });

  test('the engine refuses what the page reader and the form refuse: a zero size, a liquidation on the wrong side', () => {
    expect(() => validatePosition({ ...position, size: 0 }, 'BTCUSDT')).toThrow(/position\.size: size must be a positive number of coins \(got 0\)/);
    expect(positionProblem({ ...position, size: 0 })).toBe('size must be a positive number of coins (got 0)');
    expect(() => validatePosition({ ...position, liqPrice: 99000 }, 'BTCUSDT')).toThrow(/position\.liqPrice: liquidation price 99000 is not below the entry 96800 of a long/);
    expect(() => validatePosition(position, 'BTCUSDT')).not.toThrow();
  });

  test('a message with a liquidation on the wrong side of entry is refused like a page read', () => {
    expect(checkWatch({ exchange: 'binance', symbol: 'BTCUSDT', position: { ...position, liqPrice: 99000 } })).toEqual({
      ok: false,
      reason: 'invalid watch request: position.liqPrice: liquidation price 99000 is not below the entry 96800 of a long',
    });
  });

  test('non-finite numbers are named with what was got', () => {
    expect(positionProblem({ ...position, entry: Number.POSITIVE_INFINITY })).toBe('entry price must be a positive number (got Infinity)');
    expect(positionProblem({ ...position, liqPrice: -1 })).toBe('liquidation price must be a positive number (got -1)');
  });
});
