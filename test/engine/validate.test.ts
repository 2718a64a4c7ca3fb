// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors';
import { analyze } from '../../src/engine/index';
import type { MarketSeries } from '../../src/engine/types';
import { endOf, syntheticSeries } from './synthetic';

const good = syntheticSeries({ bars: 20, exchange: 'okx' });
const now = endOf(good);

function errorOf(series: MarketSeries[], extra: Partial<Parameters<typeof analyze>[0]> = {}): EngineError {
  try {
    analyze({ series, position: null, now, ...extra });
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('no error thrown');
}

const withCandle = (i: number, patch: object): MarketSeries => ({ ...good, candles: good.candles.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

describe('bad input → typed EngineError naming field and exchange', () => {
  it('unsorted timestamps', () => {
    const e = errorOf([withCandle(5, { t: good.candles[2]!.t + 1 })]);
    expect(e).toMatchObject({ code: 'invalid-input', field: 'candles[5].t', exchange: 'okx' });
    expect(e.message).toMatch(/not ascending/);
  });
  it('duplicate timestamps', () => {
    expect(errorOf([withCandle(5, { t: good.candles[4]!.t })])).toMatchObject({ field: 'candles[5].t', exchange: 'okx' });
    const dupOi = { ...good, openInterest: [...good.openInterest.slice(0, 3), good.openInterest[2]!, ...good.openInterest.slice(3)] };
    expect(errorOf([dupOi])).toMatchObject({ field: 'openInterest[3].t', exchange: 'okx' });
  });
  it('negative or NaN prices', () => {
    expect(errorOf([withCandle(3, { low: -1 })])).toMatchObject({ field: 'candles[3].low', exchange: 'okx' });
    expect(errorOf([withCandle(7, { close: NaN })])).toMatchObject({ field: 'candles[7].close' });
    expect(errorOf([{ ...good, markPrice: Number.NaN }])).toMatchObject({ field: 'markPrice', exchange: 'okx' });
    expect(errorOf([withCandle(1, { low: good.candles[1]!.high * 2 })])).toMatchObject({ field: 'candles[1].low' });
  });
  it('mismatched series: another symbol, or the same exchange twice', () => {
    const eth = syntheticSeries({ bars: 5, exchange: 'bybit', symbol: 'ETHUSDT' });
    expect(errorOf([good, eth])).toMatchObject({ field: 'symbol', exchange: 'bybit' });
    expect(errorOf([good, good])).toMatchObject({ field: 'series', exchange: 'okx' });
  });
  it('negative OI, bad risk tier, bad depth', () => {
    const negOi = { ...good, openInterest: good.openInterest.map((p, i) => (i === 4 ? { ...p, coin: -3 } : p)) };
    expect(errorOf([negOi])).toMatchObject({ field: 'openInterest[4].coin', exchange: 'okx' });
    expect(errorOf([{ ...good, risk: { ...good.risk, maxLeverage: 0 } }])).toMatchObject({ field: 'risk.maxLeverage' });
    expect(errorOf([{ ...good, depth: { t: 0, bids: [[Number.POSITIVE_INFINITY, 1]], asks: [] } }])).toMatchObject({ field: 'depth.bids[0].price' });
  });
  it('position, plan, account, config and time', () => {
    const position = { exchange: 'okx' as const, symbol: 'BTCUSDT', side: 'long' as const, entry: -5, size: 1, leverage: 10, marginMode: 'isolated' as const, source: 'page' as const };
    expect(errorOf([good], { position })).toMatchObject({ field: 'position.entry', exchange: 'okx' });
    expect(errorOf([good], { position: { ...position, entry: 100, symbol: 'ETHUSDT' } })).toMatchObject({ field: 'position.symbol' });
    expect(errorOf([good], { plannedEntry: NaN })).toMatchObject({ field: 'plannedEntry' });
    expect(errorOf([good], { plannedSide: 'up' as never })).toMatchObject({ field: 'plannedSide' });
    expect(errorOf([good], { account: { sizeUsd: -1, riskPct: 1 } })).toMatchObject({ field: 'account.sizeUsd' });
    expect(errorOf([good], { account: { sizeUsd: 1, riskPct: 1, leverage: 0.5 } })).toMatchObject({ field: 'account.leverage' });
    expect(errorOf([good], { macroEvents: [{ t: Number.NaN, label: 'CPI' }] })).toMatchObject({ field: 'macroEvents[0].t' });
    expect(errorOf([good], { account: { sizeUsd: 1000, riskPct: 0 } })).toMatchObject({ field: 'account.riskPct' });
    expect(errorOf([good], { config: { binPct: 0 } })).toMatchObject({ code: 'invalid-config', field: 'config.binPct' });
    expect(errorOf([good], { config: { tierWeights: [1] } })).toMatchObject({ code: 'invalid-config', field: 'config.tierWeights' });
    expect(errorOf([good], { now: Number.NaN })).toMatchObject({ field: 'now' });
    expect(errorOf([])).toMatchObject({ field: 'series' });
  });
});
