import { describe, expect, it } from 'vitest';
import { validateManualPosition } from '../../src/position/manual-entry';
import { storedPosition } from '../../src/position/manual-store';

const STORED = { side: 'long', entry: 96800, size: 0.15, leverage: 10, marginMode: 'cross', liqPrice: 87512.3 };

describe('stored manual positions: numbers only, the engine position check', () => {
  it('accepts what the form saves, as the form reads it', () => {
    const r = storedPosition(STORED, 'binance', 'BTCUSDT');
    expect(r).toEqual({ position: { exchange: 'binance', symbol: 'BTCUSDT', source: 'manual', ...STORED } });
    expect(validateManualPosition(STORED, 'binance', 'BTCUSDT')).toEqual({ ok: true, ...r });
    // No liquidation price (0 or absent) is "not known".
    const { liqPrice: _none, ...withoutLiq } = STORED;
    expect(storedPosition({ ...STORED, liqPrice: 0 }, 'binance', 'BTCUSDT')).toEqual({ position: { exchange: 'binance', symbol: 'BTCUSDT', source: 'manual', ...withoutLiq } });
  });
  it('refuses text in storage (only the form parses typed text)', () => {
    expect(storedPosition({ ...STORED, size: '0.15' }, 'binance', 'BTCUSDT')).toEqual({ error: 'size must be a positive number of coins (got 0.15)' });
    expect(validateManualPosition({ ...STORED, size: '0.15' }, 'binance', 'BTCUSDT')).toMatchObject({ ok: true, position: { size: 0.15 } });
  });
  it('refuses non-finite numbers, bad modes, and what the engine refuses', () => {
    expect(storedPosition({ ...STORED, entry: Number.NaN }, 'binance', 'BTCUSDT')).toHaveProperty('error');
    expect(storedPosition({ ...STORED, marginMode: 'portfolio' }, 'binance', 'BTCUSDT')).toEqual({ error: 'margin mode must be cross or isolated' });
    expect(storedPosition({ ...STORED, liqPrice: 99000 }, 'binance', 'BTCUSDT')).toEqual({ error: 'liquidation price 99000 is not below the entry 96800 of a long' });
    expect(storedPosition('junk', 'binance', 'BTCUSDT')).toEqual({ error: 'not an object' });
  });
});
