import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import type { Candle, MarketSeries, OpenInterestPoint } from '../../src/engine/types';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { checkSizeRequest, sizeFromSeries } from '../../src/sizing/size';

const BAR = 300_000;
const T0 = 1_700_000_000_000;

/** Two days of 5m bars oscillating ±3 % around 100,000 with OI rising: enough to build clusters both sides. */
function series(): MarketSeries {
  const candles: Candle[] = [];
  const oi: OpenInterestPoint[] = [];
  let coin = 10_000;
  for (let i = 0; i < 576; i++) {
    const mid = 100_000 * (1 + 0.03 * Math.sin(i / 40));
    const c: Candle = { t: T0 + i * BAR, open: mid * 0.999, high: mid * 1.002, low: mid * 0.998, close: mid * 1.001, baseVolume: 100, quoteVolume: 100 * mid };
    candles.push(c);
    coin += 20 + 10 * Math.cos(i / 7);
    oi.push({ t: c.t, coin, usd: coin * mid });
  }
  const last = candles[candles.length - 1]!;
  return {
    exchange: 'binance', symbol: 'BTCUSDT', barMs: BAR, candles, openInterest: oi,
    markPrice: last.close, indexPrice: last.close,
    risk: { maintenanceRate: 0.004, maxLeverage: 125, source: 'static-table' },
    oiPartial: false, fetchedAt: last.t + BAR,
  };
}
const NOW = T0 + 576 * BAR;

describe('sizing a planned trade through the engine', () => {
  it('answers exactly what the engine analyze() gives for that entry, side, leverage and budget', () => {
    const s = [series()];
    const entry = Math.round(s[0]!.markPrice * 1.002);
    const ans = sizeFromSeries(s, { side: 'long', entry, leverage: 10 }, DEFAULT_SETTINGS, NOW);
    const direct = analyze({
      series: s, position: null, plannedSide: 'long', plannedEntry: entry,
      account: { sizeUsd: 10_000, riskPct: 1, leverage: 10 },
      config: { stopBufferPct: 0.4, tierWeights: [0.15, 0.3, 0.25, 0.2, 0.1], windowDays: 7 }, now: NOW,
    });
    expect(ans.kind).toBe('ok');
    if (ans.kind !== 'ok') return;
    expect(ans.stop).toEqual(direct.stop);
    expect(ans.sizing).toEqual(direct.sizing);
    expect(ans.lfr).toEqual(direct.lfr);
    expect(ans.mark).toBe(s[0]!.markPrice);
  });

  it('the stop is 0.4 % beyond the far edge of the nearest long cluster below the entry, and the size follows the budget', () => {
    const s = [series()];
    const ans = sizeFromSeries(s, { side: 'long', entry: s[0]!.markPrice, leverage: 5 }, DEFAULT_SETTINGS, NOW);
    if (ans.kind !== 'ok' || ans.stop.kind !== 'stop' || ans.sizing.kind !== 'size') throw new Error(`expected a stop and a size, got ${JSON.stringify(ans).slice(0, 300)}`);
    expect(ans.stop.beyond.side).toBe('long');
    expect(ans.stop.price).toBeCloseTo(ans.stop.beyond.low * (1 - 0.004), 6);
    // risk $100 (1 % of $10,000) = notional × (stop distance + 2 × 0.05 % taker fee)
    const d = (ans.entry - ans.stop.price) / ans.entry;
    expect(ans.sizing.notionalUsd * (d + 0.001)).toBeCloseTo(100, 6);
    expect(ans.sizing.sizeCoin).toBeCloseTo(ans.sizing.notionalUsd / ans.entry, 9);
    expect(ans.sizing.marginUsd).toBeCloseTo(ans.sizing.notionalUsd / 5, 6);
  });

  it('uses the options page budget and buffer unless the request overrides them', () => {
    const s = [series()];
    const settings = { ...DEFAULT_SETTINGS, accountUsd: 20_000, riskPct: 0.5, stopBufferPct: 0.3 };
    const a = sizeFromSeries(s, { side: 'short', entry: s[0]!.markPrice, leverage: 5 }, settings, NOW);
    if (a.kind !== 'ok' || a.stop.kind !== 'stop' || a.sizing.kind !== 'size') throw new Error('expected a stop and a size');
    expect([a.accountUsd, a.riskPct, a.stop.bufferPct]).toEqual([20_000, 0.5, 0.3]);
    expect(a.sizing.riskUsd).toBeCloseTo(100, 6); // 0.5 % of $20,000
    const b = sizeFromSeries(s, { side: 'short', entry: s[0]!.markPrice, leverage: 5, accountUsd: 1000, riskPct: 2 }, settings, NOW);
    expect(b.kind === 'ok' && b.sizing.kind === 'size' && b.sizing.riskUsd).toBeCloseTo(20, 6);
  });

  it('no data, or data the engine rejects, is a named error', () => {
    expect(sizeFromSeries([], { side: 'long', entry: 1, leverage: 1 }, DEFAULT_SETTINGS, NOW)).toEqual({ kind: 'error', reason: 'No market data for this symbol yet.' });
    const bad = { ...series(), markPrice: Number.NaN };
    const r = sizeFromSeries([bad], { side: 'long', entry: 100_000, leverage: 10 }, DEFAULT_SETTINGS, NOW);
    expect(r).toEqual({ kind: 'error', reason: expect.stringMatching(/^binance: markPrice: must be a positive finite number/) });
  });

  it('requests from the page are checked field by field', () => {
    expect(checkSizeRequest({ side: 'up', entry: 1, leverage: 1 })).toEqual({ ok: false, reason: 'side: must be long or short' });
    expect(checkSizeRequest({ side: 'long', entry: -1, leverage: 1 })).toEqual({ ok: false, reason: 'entry: must be a positive price' });
    expect(checkSizeRequest({ side: 'long', entry: 1, leverage: 0.5 })).toEqual({ ok: false, reason: 'leverage: must be between 1 and 150' });
    expect(checkSizeRequest({ side: 'long', entry: 1, leverage: 2, riskPct: 101 })).toEqual({ ok: false, reason: 'riskPct: must be within (0, 100]' });
    expect(checkSizeRequest({ side: 'long', entry: 1, leverage: 2 }).ok).toBe(true);
  });

  it('a named market must be a known exchange and a canonical symbol; unknown fields are not passed on', () => {
    const base = { side: 'long', entry: 1, leverage: 2 };
    expect(checkSizeRequest({ ...base, exchange: 'kraken' })).toEqual({ ok: false, reason: 'exchange: must be one of binance, bybit, okx, bitget' });
    expect(checkSizeRequest({ ...base, exchange: 'okx', symbol: '../BTC' })).toEqual({ ok: false, reason: 'symbol: expected a canonical symbol like BTCUSDT' });
    expect(checkSizeRequest({ ...base, symbol: 42 })).toEqual({ ok: false, reason: 'symbol: expected a canonical symbol like BTCUSDT' });
    expect(checkSizeRequest({ ...base, exchange: 'okx', symbol: '1000PEPEUSDT', riskPct: 2, extra: 'x' })).toEqual({
      ok: true,
      req: { side: 'long', entry: 1, leverage: 2, exchange: 'okx', symbol: '1000PEPEUSDT', riskPct: 2 },
    });
  });
});
