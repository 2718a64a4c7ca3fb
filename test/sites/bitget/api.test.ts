import { describe, expect, it } from 'vitest';
import {
  oiCoversWindow,
  parseAccountLongShort,
  parseContracts,
  parseCurrentFundRate,
  parseOpenInterest,
  parsePositionLever,
  parseTakerBuySell,
} from '../../../src/sites/bitget/api';
import { mutate, sample } from '../shared/samples';

describe('Bitget parsers accept the documented samples', () => {
  it('open interest is coin (size), USD = coin × mark', () => {
    expect(parseOpenInterest(sample('bitget', 'open-interest.json'), 'BTCUSDT', 100)).toEqual({ t: 1695796781616, coin: 34278.06, usd: 3427806 });
  });
  it("open interest of another symbol is an error, not this symbol's OI (the polled history cannot be re-fetched)", () => {
    expect(() => parseOpenInterest(sample('bitget', 'open-interest.json'), 'ETHUSDT', 100)).toThrow('bitget /api/v2/mix/market/open-interest: no open interest for ETHUSDT');
  });
  it('position lever: tier 1 is level 1 (125x, 0.4 %)', () => {
    expect(parsePositionLever(sample('bitget', 'query-position-lever.json'))).toEqual({ maintenanceRate: 0.004, maxLeverage: 125, source: 'api' });
  });
  it('contracts: tick = priceEndStep × 10^-pricePlace = 1 × 0.1; funding every 8 h', () => {
    expect(parseContracts(sample('bitget', 'contracts.trimmed.json'), 'BTCUSDT')).toEqual({ tickSize: 0.1, fundingIntervalHours: 8 });
    expect(parseContracts(sample('bitget', 'contracts.trimmed.json'), 'ETHUSDT')).toBeNull();
  });
  it('account long/short and taker buy/sell (placeholder doc values still parse)', () => {
    expect(parseAccountLongShort(sample('bitget', 'account-long-short.json'))).toEqual([{ t: 1714020600000, longShare: 0.01, shortShare: 0.12 }]);
    expect(parseTakerBuySell(sample('bitget', 'taker-buy-sell.json'))).toEqual([{ t: 1714020600000, buyCoin: 0.01, sellCoin: 0.12 }]);
  });
});

describe('Bitget details', () => {
  it('funding without nextUpdate: the next whole interval boundary after now', () => {
    const body = { code: '00000', msg: 'success', data: [{ symbol: 'BTCUSDT', fundingRate: '0.0001' }] };
    // now = 01:00 UTC on day 0 (3,600,000 ms); 8 h interval → next settlement 08:00 = 28,800,000 ms
    expect(parseCurrentFundRate(body, 3_600_000, 8)).toEqual({ rate: 0.0001, intervalHours: 8, nextTime: 28_800_000 });
  });
  it('an error code names endpoint and code', () => {
    const bad = mutate(sample('bitget', 'open-interest.json'), (b) => (b.code = '40034'));
    expect(() => parseOpenInterest(bad, 'BTCUSDT', 1)).toThrow('bitget /api/v2/mix/market/open-interest: code 40034');
  });
  it('a bad OI size names the field', () => {
    const bad = mutate(sample('bitget', 'open-interest.json'), (b) => (b.data.openInterestList[0].size = null));
    expect(() => parseOpenInterest(bad, 'BTCUSDT', 1)).toThrow(/data\.openInterestList\[0\]\.size/);
  });
  it('polled OI covers the window only once the oldest poll reaches its start (within one bar)', () => {
    const start = 1_000_000_000_000;
    expect(oiCoversWindow([], start)).toBe(false);
    expect(oiCoversWindow([{ t: start + 300_000 }], start)).toBe(true);
    expect(oiCoversWindow([{ t: start + 300_001 }], start)).toBe(false);
  });
});
