// The parsers accept the fixtures (one synthetic market in each exchange's format), the fixture
// handlers honour the query parameters the real APIs take, and units agree across exchanges.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Exchange, MarketSeries } from '../../../src/engine/types';
import { createSources } from '../../../src/sites';
import { parseKline } from '../../../src/sites/bybit/api';
import { parseCandles, parseOpenInterestHistory } from '../../../src/sites/okx/api';
import { fixtureFetch, preloadHandlers } from './fixture-fetch';
import { REPO_ROOT } from './samples';

const NOW = Date.UTC(2026, 10, 24, 12, 2, 30);
const BAR = 300_000;
const WEEK = 7 * 86_400_000;
const raw = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/api', ...p), 'utf8'));

async function coldLoad(symbol: string, scenario: Partial<Record<Exchange, string>> = {}): Promise<Record<Exchange, MarketSeries>> {
  let clock = NOW;
  const ff = fixtureFetch({ now: () => clock, scenario });
  const sources = createSources({ fetch: ff.fetch, now: () => clock, sleep: async (ms) => void (clock += ms) });
  const out = {} as Record<Exchange, MarketSeries>;
  for (const ex of ['binance', 'bybit', 'okx', 'bitget'] as const) {
    clock = NOW;
    out[ex] = (await sources[ex].load({ symbol, now: NOW, windowMs: WEEK, prev: null })).series;
  }
  return out;
}

let btc: Record<Exchange, MarketSeries>;
beforeAll(async () => {
  await preloadHandlers();
  btc = await coldLoad('BTCUSDT');
});

describe('one market across four exchanges', () => {
  it('every exchange: 7 days of ascending 5m bars ending at the current bar (replayed as if now)', () => {
    for (const s of Object.values(btc)) {
      expect(s.candles).toHaveLength(2017);
      expect(s.candles[0]!.t).toBe(Math.floor((NOW - WEEK) / BAR) * BAR);
      expect(s.candles.at(-1)!.t).toBe(Math.floor(NOW / BAR) * BAR);
      for (let i = 1; i < s.candles.length; i++) expect(s.candles[i]!.t - s.candles[i - 1]!.t).toBe(BAR);
    }
  });

  it('marks agree within the small basis (< 0.05 %)', () => {
    const marks = Object.values(btc).map((s) => s.markPrice);
    expect((Math.max(...marks) - Math.min(...marks)) / Math.min(...marks)).toBeLessThan(0.0005);
    expect(marks[0]).toBeGreaterThan(90_000);
  });

  it('OI in coin has each exchange’s share: OKX contracts × ctVal lands at 25k/80k of Binance, not 100× it', () => {
    const last = (ex: Exchange) => btc[ex].openInterest.at(-1)!.coin;
    // Shares in make-fixtures.mjs: binance 80k, bybit 50k, okx 25k, bitget 40k (× the same OI path, ± noise).
    expect(last('okx') / last('binance')).toBeCloseTo(25 / 80, 1);
    expect(last('bybit') / last('binance')).toBeCloseTo(50 / 80, 1);
    expect(last('bitget') / last('binance')).toBeCloseTo(40 / 80, 1);
    // USD = coin × price for every point, within 0.5 %.
    for (const s of Object.values(btc)) {
      const p = s.openInterest.at(-1)!;
      expect(p.usd / (p.coin * s.markPrice)).toBeCloseTo(1, 2);
    }
  });

  it('OKX units proven on the raw fixture: oi contracts × 0.01 = coin, candle vol × 0.01 = base volume', () => {
    const rows = raw('okx/BTCUSDT/open-interest-history.json');
    const [newest] = rows.data;
    const parsed = parseOpenInterestHistory({ code: '0', data: [newest] }, 0.01)[0]!;
    expect(parsed.coin).toBeCloseTo(Number(newest[1]) * 0.01, 9);
    expect(parsed.coin).toBeCloseTo(Number(newest[2]), 6); // matches oiCcy
    const c = raw('okx/BTCUSDT/candles.json').data[5];
    expect(parseCandles({ code: '0', data: [c] }, 0.01)[0]!.baseVolume).toBeCloseTo(Number(c[5]) * 0.01, 9);
  });

  it('Bybit units proven on the raw fixture: newest-first list reversed, same rows', () => {
    const body = raw('bybit/BTCUSDT/kline.json');
    expect(Number(body.result.list[0][0])).toBeGreaterThan(Number(body.result.list[1][0]));
    const candles = parseKline(body);
    expect(candles.map((c) => c.t)).toEqual(body.result.list.map((r: string[]) => Number(r[0])).reverse());
  });

  it('taker split: Binance on every bar (kline column); OKX and Bitget on the bars their statistics cover', () => {
    expect(btc.binance.candles.every((c) => c.takerBuyBase !== undefined)).toBe(true);
    for (const ex of ['okx', 'bitget'] as const) {
      const c = btc[ex].candles;
      expect(c.at(-1)!.takerBuyBase).toBeGreaterThan(0);
      expect(c.at(-1)!.takerBuyBase!).toBeLessThanOrEqual(c.at(-1)!.baseVolume + 0.01);
      expect(c[0]!.takerBuyBase).toBeUndefined(); // a week back: not covered, never guessed
    }
    expect(btc.bybit.candles.every((c) => c.takerBuyBase === undefined)).toBe(true); // Bybit has no aggregate
  });

  it('Bitget OI is polled coin: one point, marked partial until it covers the window', () => {
    expect(btc.bitget.openInterest).toHaveLength(1);
    expect(btc.bitget.oiPartial).toBe(true);
    for (const ex of ['binance', 'bybit', 'okx'] as const) expect(btc[ex].oiPartial).toBe(false);
  });

  it('OI history shorter than the window is flagged partial on every exchange (here: 10-day window, 7 days held)', async () => {
    let clock = NOW;
    const ff = fixtureFetch({ now: () => clock });
    const sources = createSources({ fetch: ff.fetch, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const st = await sources.binance.load({ symbol: 'BTCUSDT', now: NOW, windowMs: 10 * 86_400_000, prev: null });
    expect(st.series.oiPartial).toBe(true);
  });

  it('risk tiers: Binance from the dated static table, the others from their APIs', () => {
    expect(btc.binance.risk).toMatchObject({ source: 'static-table', asOf: '2024-10-24' });
    expect(btc.bybit.risk).toEqual({ maintenanceRate: 0.005, maxLeverage: 100, source: 'api' });
    expect(btc.okx.risk).toEqual({ maintenanceRate: 0.004, maxLeverage: 100, source: 'api' });
    expect(btc.bitget.risk).toEqual({ maintenanceRate: 0.004, maxLeverage: 125, source: 'api' });
  });

  it('depth in coin, bids descending below asks', () => {
    for (const s of Object.values(btc)) {
      const { bids, asks } = s.depth!;
      expect(bids[0]![0]).toBeLessThan(asks[0]![0]);
      expect(bids[0]![0]).toBeGreaterThan(bids[1]![0]);
      expect(asks[0]![0]).toBeLessThan(asks[1]![0]);
    }
    // OKX book sizes are contracts: × 0.01 gives coin amounts comparable to the others (< 10 BTC per level).
    expect(Math.max(...btc.okx.depth!.bids.map((l) => l[1]))).toBeLessThan(10);
  });

  it('ETHUSDT is served too (OKX ctVal 0.1)', async () => {
    const eth = await coldLoad('ETHUSDT');
    expect(eth.okx.markPrice).toBeGreaterThan(3_000);
    expect(eth.okx.openInterest.at(-1)!.coin / eth.binance.openInterest.at(-1)!.coin).toBeCloseTo(25 / 80, 1);
  });

  it('price-step scenario: mark and the newest close jump +1.5 %, history unchanged', async () => {
    const stepped = await coldLoad('BTCUSDT', { binance: 'price-step', okx: 'price-step' });
    expect(stepped.binance.markPrice / btc.binance.markPrice).toBeCloseTo(1.015, 6);
    expect(stepped.okx.markPrice / btc.okx.markPrice).toBeCloseTo(1.015, 4);
    expect(stepped.binance.candles.at(-1)!.close / btc.binance.candles.at(-1)!.close).toBeCloseTo(1.015, 4);
    expect(stepped.binance.candles.at(-2)).toEqual(btc.binance.candles.at(-2));
  });
});

describe('fixture handlers honour query parameters', () => {
  const call = async (url: string) => {
    const ff = fixtureFetch({ now: () => NOW });
    const res = await ff.fetch(url);
    return { status: res.status, body: (await res.json()) as any };
  };
  const nowBar = Math.floor(NOW / BAR) * BAR;

  it('Binance klines: startTime + limit from the start; no startTime → the newest; bad interval → 400', async () => {
    const a = await call(`https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=5m&startTime=${nowBar - 10 * BAR}&limit=3`);
    expect(a.body.map((r: number[]) => r[0])).toEqual([nowBar - 10 * BAR, nowBar - 9 * BAR, nowBar - 8 * BAR]);
    const b = await call('https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=5m&limit=2');
    expect(b.body.map((r: number[]) => r[0])).toEqual([nowBar - BAR, nowBar]);
    expect((await call('https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=7m')).status).toBe(400);
    expect((await call('https://fapi.binance.com/fapi/v1/klines?symbol=NOPEUSDT&interval=5m')).body).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });

  it('Bybit kline: newest first within [start, end], newest `limit`', async () => {
    const r = await call(`https://api.bybit.com/v5/market/kline?category=linear&symbol=BTCUSDT&interval=5&start=${nowBar - 5 * BAR}&end=${nowBar - 2 * BAR}&limit=2`);
    expect(r.body.result.list.map((x: string[]) => Number(x[0]))).toEqual([nowBar - 2 * BAR, nowBar - 3 * BAR]);
  });

  it('OKX: /market/candles reaches back 1440 bars only; history-candles goes further', async () => {
    const deep = nowBar - 1500 * BAR;
    const recent = await call(`https://www.okx.com/api/v5/market/candles?instId=BTC-USDT-SWAP&bar=5m&after=${deep}&limit=300`);
    expect(recent.body.data).toEqual([]);
    const hist = await call(`https://www.okx.com/api/v5/market/history-candles?instId=BTC-USDT-SWAP&bar=5m&after=${deep}&limit=100`);
    expect(hist.body.data).toHaveLength(100);
    expect(Number(hist.body.data[0][0])).toBe(deep - BAR);
    expect((await call('https://www.okx.com/api/v5/market/candles?instId=DOGE-USDT-SWAP&bar=5m')).body.code).toBe('51001');
  });

  it('Bitget: USDT-FUTURES only; unknown symbol is code 40034', async () => {
    expect((await call('https://api.bitget.com/api/v2/mix/market/open-interest?symbol=BTCUSDT&productType=USDT-FUTURES')).body.data.openInterestList[0].symbol).toBe('BTCUSDT');
    expect((await call('https://api.bitget.com/api/v2/mix/market/open-interest?symbol=XUSDT&productType=USDT-FUTURES')).body.code).toBe('40034');
  });
});
