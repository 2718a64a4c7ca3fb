import { describe, expect, it } from 'vitest';
import { parseAccountRatio, parseKline, parseOpenInterest, parseOrderbook, parseRiskLimit, parseTicker } from '../../../src/sites/bybit/api';
import { mutate, sample } from '../shared/samples';

describe('Bybit parsers accept the documented samples', () => {
  it('kline: newest-first rows are reversed into ascending candles', () => {
    const candles = parseKline(sample('bybit', 'kline.json'));
    expect(candles.map((c) => c.t)).toEqual([1670605200000, 1670608800000]);
    expect(candles[1]).toEqual({ t: 1670608800000, open: 17071, high: 17073, low: 17027, close: 17055.5, baseVolume: 268611, quoteVolume: 15.74462667 });
    expect(candles[0]!.takerBuyBase).toBeUndefined(); // Bybit publishes no taker split
  });

  it('open interest history: coin, newest first → ascending', () => {
    expect(parseOpenInterest(sample('bybit', 'open-interest.json'))).toEqual([
      { t: 1677832500000, coin: 411484.61 },
      { t: 1677832800000, coin: 411496.22 },
    ]);
  });

  it('account ratio: buy/sell shares of holders, ascending', () => {
    const pts = parseAccountRatio(sample('bybit', 'account-ratio.json'));
    expect(pts).toEqual([
      { t: 1696258800000, longShare: 0.4927, shortShare: 0.5073 },
      { t: 1696262400000, longShare: 0.49, shortShare: 0.51 },
    ]);
  });

  it('orderbook: b/a levels in coin, bids descending, asks ascending', () => {
    expect(parseOrderbook(sample('bybit', 'orderbook.json'))).toEqual({ t: 1716863719031, bids: [[65485.47, 47.081829]], asks: [[65557.7, 16.606555]] });
  });

  it('risk limit: the inverse doc example is in percent (IM 1 × 100x = 100), read as 0.5 % = 0.005', () => {
    expect(parseRiskLimit(sample('bybit', 'risk-limit.json'))).toEqual({ maintenanceRate: 0.005, maxLeverage: 100, source: 'api' });
  });

  it('risk limit: fractions stay fractions (IM 0.01 × 100x = 1)', () => {
    const linear = mutate(sample('bybit', 'risk-limit.json'), (b) => {
      b.result.list[0].maintenanceMargin = '0.005';
      b.result.list[0].initialMargin = '0.01';
    });
    expect(parseRiskLimit(linear).maintenanceRate).toBe(0.005);
  });
});

describe('Bybit errors', () => {
  it('a non-zero retCode is an error naming the endpoint', () => {
    const bad = { retCode: 10001, retMsg: 'params error', result: {} };
    expect(() => parseKline(bad)).toThrow('bybit /v5/market/kline: retCode 10001: params error');
  });
  it('a bad field in a row is named', () => {
    const bad = mutate(sample('bybit', 'open-interest.json'), (b) => (b.result.list[1].openInterest = 'NaN'));
    expect(() => parseOpenInterest(bad)).toThrow(/result\.list\[1\]\.openInterest/);
  });
  it('tickers with an empty list is an empty-data error', () => {
    expect(() => parseTicker({ retCode: 0, retMsg: 'OK', result: { list: [] } })).toThrow(/no ticker/);
  });
});
