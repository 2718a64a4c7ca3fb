import { describe, expect, it } from 'vitest';
import { checkGetView, checkWatch } from '../../src/market/validate';

const position = { exchange: 'bybit', symbol: 'BTCUSDT', side: 'long', entry: 97_000, size: 0.5, leverage: 20, marginMode: 'isolated', source: 'page' };

describe('message validation', () => {
  it('accepts a well-formed watch with or without a position', () => {
    expect(checkWatch({ exchange: 'bybit', symbol: 'BTCUSDT', position }).ok).toBe(true);
    expect(checkWatch({ exchange: 'okx', symbol: 'ETHUSDT', position: null, plannedSide: 'short' }).ok).toBe(true);
  });
  it('names the bad field', () => {
    expect(checkWatch({ exchange: 'kraken', symbol: 'BTCUSDT', position: null })).toMatchObject({ ok: false, reason: expect.stringMatching(/exchange/) });
    expect(checkWatch({ exchange: 'okx', symbol: 'btc-usdt-swap', position: null })).toMatchObject({ ok: false, reason: expect.stringMatching(/symbol/) });
    expect(checkWatch({ exchange: 'okx', symbol: 'BTCUSDT', position: { ...position, entry: Number.NaN } })).toMatchObject({ ok: false, reason: expect.stringMatching(/position\.entry/) });
    expect(checkWatch({ exchange: 'okx', symbol: 'BTCUSDT', position: { ...position, leverage: 1000 } })).toMatchObject({ ok: false, reason: expect.stringMatching(/position\.leverage/) });
  });
  it('getView: tab id or a hand-picked market', () => {
    expect(checkGetView({ tabId: 3 }).ok).toBe(true);
    expect(checkGetView({ exchange: 'bitget', symbol: 'ETHUSDT' }).ok).toBe(true);
    expect(checkGetView({ tabId: -1 }).ok).toBe(false);
  });
});
