// No OKX samples could be recorded (docs/exchange-apis.md §3): these bodies are built from the spec,
// as are the fixtures in test/fixtures/api/okx.
import { describe, expect, it } from 'vitest';
import {
  okxInstId,
  parseBooks,
  parseCandles,
  parseFundingRate,
  parseInstrument,
  parseLongShortRatio,
  parseOpenInterest,
  parseOpenInterestHistory,
  parsePositionTiers,
} from '../../../src/sites/okx/api';
import { canonicalFromOkx } from '../../../src/sites/shared/symbols';

const ok = (data: unknown) => ({ code: '0', msg: '', data });

describe('OKX units: contracts × ctVal', () => {
  it('candles: newest first reversed; base volume = vol (contracts) × ctVal 0.01', () => {
    const body = ok([
      ['1700000300000', '97010', '97050', '96990', '97020', '1500', '15', '1455300', '0'],
      ['1700000000000', '97000', '97020', '96980', '97010', '2000', '20', '1940200', '1'],
    ]);
    const c = parseCandles(body, 0.01);
    expect(c.map((x) => x.t)).toEqual([1700000000000, 1700000300000]);
    expect(c[0]).toEqual({ t: 1700000000000, open: 97000, high: 97020, low: 96980, close: 97010, baseVolume: 20, quoteVolume: 1940200 });
    expect(c[1]!.baseVolume).toBe(15); // 1500 contracts × 0.01 BTC
  });

  it('OI history: 250,000 contracts × 0.01 = 2,500 BTC; USD from oiUsd', () => {
    const pts = parseOpenInterestHistory(ok([['1700000300000', '250000', '2500', '242500000']]), 0.01);
    expect(pts).toEqual([{ t: 1700000300000, coin: 2500, usd: 242500000 }]);
  });

  it('OI now: ETH contracts × ctVal 0.1', () => {
    const p = parseOpenInterest(ok([{ instType: 'SWAP', instId: 'ETH-USDT-SWAP', oi: '30000', oiCcy: '3000', oiUsd: '10200000', ts: '1700000000000' }]), 0.1, 3400);
    expect(p).toEqual({ t: 1700000000000, coin: 3000, usd: 10200000 });
  });

  it('books: [px, contracts, "0", orders] → coin', () => {
    const b = parseBooks(ok([{ asks: [['97001', '300', '0', '4']], bids: [['96999', '120', '0', '2'], ['97000', '50', '0', '1']], ts: '1700000000000' }]), 0.01);
    expect(b.asks).toEqual([[97001, 3]]);
    expect(b.bids).toEqual([[97000, 0.5], [96999, 1.2]]);
  });
});

describe('OKX other parsers', () => {
  it('funding: interval = nextFundingTime − fundingTime', () => {
    const f = parseFundingRate(ok([{ instId: 'BTC-USDT-SWAP', fundingRate: '0.0001', fundingTime: '1700006400000', nextFundingTime: '1700035200000' }]));
    expect(f).toEqual({ rate: 0.0001, nextTime: 1700006400000, intervalHours: 8 });
    // 4-hourly funding: 1700006400000 + 4 × 3,600,000.
    expect(parseFundingRate(ok([{ fundingRate: '0.0001', fundingTime: '1700006400000', nextFundingTime: '1700020800000' }])).intervalHours).toBe(4);
  });
  it('funding: an empty nextFundingTime falls back to the 8 h default instead of failing the OKX load', () => {
    const f = parseFundingRate(ok([{ instId: 'BTC-USDT-SWAP', fundingRate: '-0.0002', fundingTime: '1700006400000', nextFundingTime: '' }]));
    expect(f).toEqual({ rate: -0.0002, nextTime: 1700006400000, intervalHours: 8 });
    expect(() => parseFundingRate(ok([{ fundingRate: '0.0001', fundingTime: '', nextFundingTime: '' }]))).toThrow(/fundingTime/);
  });
  it('long/short ratio 1.5 → 60 % long', () => {
    const [p] = parseLongShortRatio(ok([['1700000000000', '1.5']]));
    expect(p!.longShare).toBeCloseTo(0.6, 10);
    expect(p!.shortShare).toBeCloseTo(0.4, 10);
  });
  it('position tiers: tier 1 by tier number', () => {
    const body = ok([
      { tier: '2', mmr: '0.005', maxLever: '75', instFamily: 'BTC-USDT' },
      { tier: '1', mmr: '0.004', maxLever: '100', instFamily: 'BTC-USDT' },
    ]);
    expect(parsePositionTiers(body)).toEqual({ maintenanceRate: 0.004, maxLeverage: 100, source: 'api' });
  });
  it('instruments: ctVal and tick; inverse contracts are refused', () => {
    const row = { instId: 'BTC-USDT-SWAP', ctVal: '0.01', ctType: 'linear', tickSz: '0.1', state: 'live' };
    expect(parseInstrument(ok([row]), 'BTC-USDT-SWAP')).toEqual({ ctVal: 0.01, tickSize: 0.1 });
    expect(() => parseInstrument(ok([{ ...row, ctType: 'inverse' }]), 'BTC-USDT-SWAP')).toThrow(/is inverse, expected linear/);
    expect(() => parseInstrument(ok([{ ...row, ctVal: '0' }]), 'BTC-USDT-SWAP')).toThrow(/data\[0\]\.ctVal/);
  });
  it('an error envelope names the code', () => {
    expect(() => parseCandles({ code: '50011', msg: 'Rate limit reached', data: [] }, 0.01)).toThrow('okx /api/v5/market/candles: code 50011: Rate limit reached');
  });
});

describe('OKX symbols', () => {
  it('BTC-USDT-SWAP ↔ BTCUSDT', () => {
    expect(canonicalFromOkx('BTC-USDT-SWAP')).toBe('BTCUSDT');
    expect(canonicalFromOkx('btc-usdt-swap')).toBe('BTCUSDT');
    expect(okxInstId('BTCUSDT')).toEqual({ instId: 'BTC-USDT-SWAP', instFamily: 'BTC-USDT', unitFactor: 1 });
  });
  it('1000PEPEUSDT maps to PEPE-USDT-SWAP with a 1/1000 unit factor (OKX quotes one PEPE)', () => {
    expect(okxInstId('1000PEPEUSDT')).toEqual({ instId: 'PEPE-USDT-SWAP', instFamily: 'PEPE-USDT', unitFactor: 0.001 });
  });
});
