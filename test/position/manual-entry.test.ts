import { describe, expect, test } from 'vitest';
import { validateManualPosition } from '../../src/position/manual-entry';

const form = { side: 'long', entry: '96,800', size: '0.15', leverage: '10', marginMode: 'cross', liqPrice: '87 512,3' };

describe('validateManualPosition', () => {
  test('typed strings in any locale format become a manual position', () => {
    expect(validateManualPosition(form, 'binance', 'BTCUSDT')).toEqual({
      ok: true,
      position: { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry: 96800, size: 0.15, leverage: 10, marginMode: 'cross', liqPrice: 87512.3, source: 'manual' },
    });
  });
  test('an empty liquidation price is allowed (cross margin may have none)', () => {
    const r = validateManualPosition({ ...form, liqPrice: '' }, 'okx', 'BTCUSDT');
    expect(r.ok && r.position.liqPrice).toBeUndefined();
  });
  test('each bad field is named', () => {
    expect(validateManualPosition({ ...form, side: 'up' }, 'binance', 'BTCUSDT')).toMatchObject({ ok: false, field: 'side' });
    expect(validateManualPosition({ ...form, entry: 'abc' }, 'binance', 'BTCUSDT')).toMatchObject({ ok: false, field: 'entry' });
    expect(validateManualPosition({ ...form, size: '' }, 'binance', 'BTCUSDT')).toMatchObject({ ok: false, field: 'size' });
    expect(validateManualPosition({ ...form, leverage: '200' }, 'binance', 'BTCUSDT')).toMatchObject({ ok: false, field: 'leverage', error: expect.stringMatching(/1x and 150x/) });
    expect(validateManualPosition({ ...form, marginMode: 'portfolio' }, 'binance', 'BTCUSDT')).toMatchObject({ ok: false, field: 'marginMode' });
    expect(validateManualPosition({ ...form, liqPrice: '99000' }, 'binance', 'BTCUSDT')).toMatchObject({ ok: false, field: 'liqPrice', error: expect.stringMatching(/not below the entry/) });
  });
});
