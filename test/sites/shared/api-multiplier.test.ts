// 1000PEPE-style multipliers: a canonical symbol is re-expressed in each exchange's own unit via the
// instrument listing (Binance lists 1000PEPEUSDT, OKX lists PEPE-USDT-SWAP with a ctVal), never by
// assuming the name exists. Quantities × k, prices ÷ k, USD unchanged.
import { describe, expect, it } from 'vitest';
import { binanceSource } from '../../../src/sites/binance/api';
import { okxSource } from '../../../src/sites/okx/api';
import { splitCanonical } from '../../../src/sites/shared/symbols';

const T = Date.UTC(2026, 10, 24, 12);
const BAR = 300_000;
const json = (b: unknown) => new Response(JSON.stringify(b), { status: 200 });

describe('canonical symbols', () => {
  it('splits multipliers off the base', () => {
    expect(splitCanonical('1000PEPEUSDT')).toEqual({ base: 'PEPE', quote: 'USDT', multiplier: 1000 });
    expect(splitCanonical('1MBABYDOGEUSDT')).toEqual({ base: 'BABYDOGE', quote: 'USDT', multiplier: 1_000_000 });
    expect(splitCanonical('BTCUSDT')).toEqual({ base: 'BTC', quote: 'USDT', multiplier: 1 });
    expect(() => splitCanonical('BTC-USDT-SWAP')).toThrow(/canonical/);
  });
});

describe('Binance: PEPEUSDT (an OKX page) resolves to 1000PEPEUSDT', () => {
  it('prices ÷ 1000, coin × 1000, USD unchanged', async () => {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      const u = new URL(url);
      switch (u.pathname) {
        case '/fapi/v1/exchangeInfo':
          return json({ symbols: [{ symbol: '1000PEPEUSDT', contractType: 'PERPETUAL', filters: [{ filterType: 'PRICE_FILTER', tickSize: '0.0000001' }] }] });
        case '/fapi/v1/klines':
          return json([[T, '0.0120', '0.0121', '0.0119', '0.0120', '5000', T + BAR - 1, '60', 10, '2500', '30', '0']]);
        case '/futures/data/openInterestHist':
          return json([{ symbol: '1000PEPEUSDT', sumOpenInterest: '1000000', sumOpenInterestValue: '12000', timestamp: T }]);
        case '/fapi/v1/premiumIndex':
          return json({ symbol: '1000PEPEUSDT', markPrice: '0.0120', indexPrice: '0.0120', lastFundingRate: '0.0001', nextFundingTime: T + 3_600_000, time: T });
        default:
          return json([]); // depth, long/short: optional
      }
    };
    let clock = T;
    const src = binanceSource({ fetch, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const st = await src.load({ symbol: 'PEPEUSDT', now: T, windowMs: BAR, prev: null });
    expect(st.instrument).toMatchObject({ exchangeSymbol: '1000PEPEUSDT', unitFactor: 1000 });
    expect(urls.some((u) => u.includes('symbol=1000PEPEUSDT'))).toBe(true);
    const c = st.series.candles[0]!;
    expect(c.close).toBeCloseTo(0.000012, 12); // 0.0120 per 1000 PEPE = 0.000012 per PEPE
    expect(c.baseVolume).toBe(5_000_000); // 5000 × 1000 PEPE
    expect(c.quoteVolume).toBe(60); // USD unchanged
    expect(st.series.openInterest[0]).toEqual({ t: T, coin: 1_000_000_000, usd: 12_000 });
    expect(st.series.markPrice).toBeCloseTo(0.000012, 12);
  });
});

describe('OKX: 1000PEPEUSDT (a Binance page) reads PEPE-USDT-SWAP', () => {
  it('contracts × ctVal PEPE, then ÷ 1000 into 1000-PEPE units; prices × 1000', async () => {
    const ok = (data: unknown) => json({ code: '0', msg: '', data });
    const fetch = async (url: string) => {
      const p = new URL(url).pathname;
      if (p === '/api/v5/public/instruments') return ok([{ instId: 'PEPE-USDT-SWAP', ctVal: '10000000', ctType: 'linear', tickSz: '0.0000000001' }]);
      if (p === '/api/v5/public/position-tiers') return ok([{ tier: '1', mmr: '0.01', maxLever: '50' }]);
      if (p === '/api/v5/market/candles') return ok([[String(T), '0.000012', '0.0000121', '0.0000119', '0.000012', '3', '30000000', '360', '0']]);
      if (p === '/api/v5/rubik/stat/contracts/open-interest-history') return ok([[String(T), '100', '1000000000', '12000']]);
      if (p === '/api/v5/public/mark-price') return ok([{ instId: 'PEPE-USDT-SWAP', markPx: '0.000012' }]);
      if (p === '/api/v5/market/index-tickers') return ok([{ instId: 'PEPE-USDT', idxPx: '0.000012' }]);
      if (p === '/api/v5/public/funding-rate') return ok([{ fundingRate: '0.0001', fundingTime: String(T + 3_600_000), nextFundingTime: String(T + 4 * 3_600_000) }]);
      return ok([]);
    };
    let clock = T;
    const deps = { fetch, now: () => clock, sleep: async (ms: number) => void (clock += ms) };
    const st = await okxSource(deps).load({ symbol: '1000PEPEUSDT', now: T, windowMs: BAR, prev: null });
    expect(st.instrument).toMatchObject({ exchangeSymbol: 'PEPE-USDT-SWAP', unitFactor: 0.001, contractSize: 10_000_000 });
    // 100 contracts × 10,000,000 PEPE = 1e9 PEPE = 1e6 units of 1000 PEPE.
    expect(st.series.openInterest[0]).toEqual({ t: T, coin: 1_000_000, usd: 12_000 });
    expect(st.series.candles[0]!.baseVolume).toBeCloseTo(30_000, 6); // 3 contracts × 1e7 / 1000
    expect(st.series.markPrice).toBeCloseTo(0.012, 12);
    expect(st.series.funding).toEqual({ rate: 0.0001, nextTime: T + 3_600_000, intervalHours: 3 });
  });
});
