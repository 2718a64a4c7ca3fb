import { describe, expect, it } from 'vitest';
import {
  binanceWeight,
  binanceWeightPause,
  BINANCE_PROFILE,
  parseDepth,
  parseExchangeInfo,
  parseKlines,
  parseLongShort,
  parseOpenInterest,
  parseOpenInterestHist,
  parsePremiumIndex,
  parseTakerVolume,
} from '../../../src/sites/binance/api';
import { binanceTier1 } from '../../../src/sites/binance/brackets';
import { ApiError } from '../../../src/sites/shared/errors';
import { ExchangeFetcher } from '../../../src/sites/shared/fetcher';
import { mutate, sample } from '../shared/samples';

describe('Binance parsers accept the documented samples', () => {
  it('klines: numbers, quote volume from column 7, taker-buy base from column 9', () => {
    const [c] = parseKlines(sample('binance', 'klines.json'));
    expect(c).toEqual({
      t: 1499040000000,
      open: 0.0163479,
      high: 0.8,
      low: 0.015758,
      close: 0.015771,
      baseVolume: 148976.11427815,
      quoteVolume: 2434.19055334,
      takerBuyBase: 1756.87402397,
    });
  });

  it('open interest now is coin; USD = coin × the given price', () => {
    expect(parseOpenInterest(sample('binance', 'openInterest.json'), 100)).toEqual({ t: 1589437530011, coin: 10659.509, usd: 1065950.9 });
  });

  it('open interest history keeps both units and ascends', () => {
    const pts = parseOpenInterestHist(sample('binance', 'openInterestHist.json'));
    expect(pts.map((p) => p.t)).toEqual([1583127900000, 1583128200000]);
    expect(pts[0]).toEqual({ t: 1583127900000, coin: 20403.637, usd: 150570784.07809979 });
  });

  it('long/short: all three ratio endpoints share one shape', () => {
    for (const f of ['globalLongShortAccountRatio.json', 'topLongShortAccountRatio.json', 'topLongShortPositionRatio.json']) {
      const pts = parseLongShort(sample('binance', f));
      expect(pts).toHaveLength(2);
      expect(pts[0]!.longShare + pts[0]!.shortShare).toBeCloseTo(1, 3);
    }
  });

  it('taker volume sorts the out-of-order doc example ascending', () => {
    const pts = parseTakerVolume(sample('binance', 'takerlongshortRatio.json'));
    expect(pts.map((p) => p.t)).toEqual([1583139900000, 1585614900000]);
    expect(pts[1]).toEqual({ t: 1585614900000, buyCoin: 387.33, sellCoin: 248.503 });
  });

  it('premium index: mark, index, funding fraction, next funding time', () => {
    expect(parsePremiumIndex(sample('binance', 'premiumIndex.json'))).toEqual({
      mark: 11793.63104562,
      index: 11781.8049597,
      fundingRate: 0.00038246,
      nextFundingTime: 1597392000000,
      t: 1597370495002,
    });
  });

  it('depth: [price, coin] levels and the transaction time', () => {
    expect(parseDepth(sample('binance', 'depth.json'), 0)).toEqual({ t: 1589436922959, bids: [[4, 431]], asks: [[4.000002, 12]] });
  });
});

describe('Binance bad bodies name exchange, endpoint and field', () => {
  it('a non-numeric close price', () => {
    const bad = mutate(sample('binance', 'klines.json'), (b) => (b[0][4] = 'abc'));
    expect(() => parseKlines(bad)).toThrow(ApiError);
    expect(() => parseKlines(bad)).toThrow('binance /fapi/v1/klines: invalid field [0][4]');
  });
  it('a missing markPrice', () => {
    const bad = mutate(sample('binance', 'premiumIndex.json'), (b) => delete b.markPrice);
    try {
      parsePremiumIndex(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ exchange: 'binance', endpoint: '/fapi/v1/premiumIndex', kind: 'schema', field: 'markPrice' });
    }
  });
  it('an empty-string quantity is not zero', () => {
    const bad = mutate(sample('binance', 'openInterest.json'), (b) => (b.openInterest = ''));
    expect(() => parseOpenInterest(bad, 1)).toThrow(/openInterest/);
  });
});

describe('Binance weights and static brackets', () => {
  it('kline weight follows the limit table; futures/data is weight 0', () => {
    expect(binanceWeight('/fapi/v1/klines', { limit: 99 })).toBe(1);
    expect(binanceWeight('/fapi/v1/klines', { limit: 100 })).toBe(2);
    expect(binanceWeight('/fapi/v1/klines', { limit: 1000 })).toBe(5);
    expect(binanceWeight('/fapi/v1/klines', { limit: 1500 })).toBe(10);
    expect(binanceWeight('/fapi/v1/depth', { limit: 500 })).toBe(10);
    expect(binanceWeight('/futures/data/openInterestHist', {})).toBe(0);
  });
  it('tier 1 comes from the dated static table and says so', () => {
    expect(binanceTier1('BTCUSDT')).toEqual({ maintenanceRate: 0.004, maxLeverage: 125, source: 'static-table', asOf: '2024-10-24' });
    expect(binanceTier1('XYZUSDT').asOf).toMatch(/default/);
  });
  it('exchangeInfo: tick size from PRICE_FILTER, null for an unlisted symbol', () => {
    const body = { symbols: [{ symbol: 'BTCUSDT', contractType: 'PERPETUAL', filters: [{ filterType: 'PRICE_FILTER', tickSize: '0.10' }] }] };
    expect(parseExchangeInfo(body, 'BTCUSDT')).toEqual({ tickSize: 0.1 });
    expect(parseExchangeInfo(body, 'ETHUSDT')).toBeNull();
  });
});

describe('Binance used-weight header', () => {
  it('pauses until the next minute once the IP has used 80 % of 2400', () => {
    const h = (used: string) => new Headers({ 'x-mbx-used-weight-1m': used });
    expect(binanceWeightPause(h('1919'), 90_000)).toBeUndefined();
    expect(binanceWeightPause(h('1920'), 90_000)).toBe(120_000);
    expect(binanceWeightPause(new Headers(), 90_000)).toBeUndefined();
  });
  it('the fetcher honours it: the next request waits for the minute to roll over', async () => {
    let now = 90_000;
    const fetch = async () => new Response('[]', { status: 200, headers: { 'x-mbx-used-weight-1m': '2300' } });
    const f = new ExchangeFetcher(BINANCE_PROFILE, { fetch, now: () => now });
    await f.get('/fapi/v1/premiumIndex');
    await expect(f.get('/fapi/v1/depth')).rejects.toMatchObject({ kind: 'backoff' });
    now = 120_000;
    await expect(f.get('/fapi/v1/depth')).resolves.toEqual([]);
  });
});
