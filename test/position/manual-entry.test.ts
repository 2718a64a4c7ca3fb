import { describe, expect, test } from 'vitest';
import { validateManualPosition } from '../../src/position/manual-entry';

const form = { side: 'long', entry: '96,800', size: '0.15', leverage: '10', marginMode: 'cross', liqPrice: '87 512,3' };

describe('validateManualPosition', () => {
  test('typed strings in any locale format become a manual position', () => {
    expect(validateManualPosition(form, 'binance', 'BTCUSDT', 'en-US')).toEqual({
      ok: true,
      position: { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry: 96800, size: 0.15, leverage: 10, marginMode: 'cross', liqPrice: 87512.3, source: 'manual' },
    });
  });
  test('96,800 without a locale that settles it is refused with both readings, not guessed', () => {
    expect(validateManualPosition(form, 'binance', 'BTCUSDT')).toEqual({
      ok: false,
      field: 'entry',
      error: 'entry price is required (a number): "96,800" could be 96.8 or 96800: which one? Type 96800 for the thousands or 96.80 for the decimal.',
    });
    expect(validateManualPosition(form, 'binance', 'BTCUSDT', 'de-DE')).toMatchObject({ ok: false, field: 'liqPrice', error: expect.stringMatching(/not below the entry 96.8 /) });
    expect(validateManualPosition({ ...form, size: '0,5', leverage: '12,5x' }, 'binance', 'BTCUSDT', 'en-US')).toMatchObject({ ok: true, position: { size: 0.5, leverage: 12.5 } });
    expect(validateManualPosition({ ...form, size: '1,2,3' }, 'binance', 'BTCUSDT', 'en-US')).toMatchObject({ ok: false, field: 'size', error: expect.stringMatching(/groups of three/) });
  });
  test('an empty liquidation price is allowed (cross margin may have none)', () => {
    const r = validateManualPosition({ ...form, liqPrice: '' }, 'okx', 'BTCUSDT', 'en-US');
    expect(r.ok && r.position.liqPrice).toBeUndefined();
  });
  test('each bad field is named', () => {
    expect(validateManualPosition({ ...form, side: 'up' }, 'binance', 'BTCUSDT', 'en-US')).toMatchObject({ ok: false, field: 'side' });
    expect(validateManualPosition({ ...form, entry: 'abc' }, 'binance', 'BTCUSDT', 'en-US')).toMatchObject({ ok: false, field: 'entry' });
    expect(validateManualPosition({ ...form, size: '' }, 'binance', 'BTCUSDT', 'en-US')).toMatchObject({ ok: false, field: 'size' });
    expect(validateManualPosition({ ...form, leverage: '200' }, 'binance', 'BTCUSDT', 'en-US')).toMatchObject({ ok: false, field: 'leverage', error: expect.stringMatching(/1x and 150x/) });
    expect(validateManualPosition({ ...form, marginMode: 'portfolio' }, 'binance', 'BTCUSDT', 'en-US')).toMatchObject({ ok: false, field: 'marginMode' });
    expect(validateManualPosition({ ...form, liqPrice: '99000' }, 'binance', 'BTCUSDT', 'en-US')).toMatchObject({ ok: false, field: 'liqPrice', error: expect.stringMatching(/not below the entry/) });
  });
});
