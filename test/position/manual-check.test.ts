import { describe, expect, it } from 'vitest';
import { validateStoredPosition } from '../../src/position/manual-check';
import { validateManualPosition } from '../../src/position/manual-entry';

const STORED = { side: 'long', entry: 96800, size: 0.15, leverage: 10, marginMode: 'cross', liqPrice: 87512.3 };

describe('stored manual positions: numbers only, the same checks as the form', () => {
  it('accepts what the form saves', () => {
    const r = validateStoredPosition(STORED, 'binance', 'BTCUSDT');
    expect(r).toEqual({ ok: true, position: { exchange: 'binance', symbol: 'BTCUSDT', source: 'manual', ...STORED } });
    expect(validateManualPosition(STORED, 'binance', 'BTCUSDT')).toEqual(r);
  });
  it('refuses text in storage (only the form parses typed text), naming the field', () => {
    expect(validateStoredPosition({ ...STORED, size: '0.15' }, 'binance', 'BTCUSDT')).toEqual({ ok: false, field: 'size', error: 'size in coin is required (a number): not a number' });
    expect(validateManualPosition({ ...STORED, size: '0.15' }, 'binance', 'BTCUSDT')).toMatchObject({ ok: true, position: { size: 0.15 } });
  });
  it('refuses non-finite numbers and the position checks the engine makes', () => {
    expect(validateStoredPosition({ ...STORED, entry: Number.NaN }, 'binance', 'BTCUSDT')).toMatchObject({ ok: false, field: 'entry' });
    expect(validateStoredPosition({ ...STORED, liqPrice: 99000 }, 'binance', 'BTCUSDT')).toMatchObject({ ok: false });
  });
});
