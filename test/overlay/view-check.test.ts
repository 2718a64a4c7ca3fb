import { describe, expect, it } from 'vitest';
import { checkMarketView } from '../../src/overlay/view-check';
import { analysis } from './fixtures';

const view = { exchange: 'bybit', symbol: 'BTCUSDT', state: 'ok', analysis: analysis(), health: {}, asOf: 1 };

describe('receipt check of market views', () => {
  it('accepts a well-formed view and a loading view without analysis', () => {
    expect(checkMarketView(view).ok).toBe(true);
    expect(checkMarketView({ ...view, state: 'loading', analysis: null }).ok).toBe(true);
    expect(checkMarketView({ ...view, contract: { exchangeSymbol: 'BTC-USDT-SWAP', coinPerContract: 0.01 } }).ok).toBe(true);
  });
  it.each([
    ['unknown state', { ...view, state: 'great' }, /state/],
    ['NaN LFR', { ...view, analysis: analysis({ lfr: { kind: 'ratio', value: NaN, band: 'neutral', profitUsd: 1, riskUsd: 1 } }) }, /lfr/],
    ['cluster without prices', { ...view, analysis: { ...analysis(), clusters: [{ side: 'long' }] } }, /clusters/],
    ['stop without a price', { ...view, analysis: { ...analysis(), stop: { kind: 'stop' } } }, /stop/],
    ['not an object', 'ok', /not an object/],
    // A contract value turns page contracts into coin: a zero, negative or null one must never be used.
    ['a contract value of 0', { ...view, contract: { exchangeSymbol: 'BTC-USDT-SWAP', coinPerContract: 0 } }, /bad contract/],
    ['a contract value that arrived as null', { ...view, contract: { exchangeSymbol: 'BTC-USDT-SWAP', coinPerContract: null } }, /contract/],
    ['a contract value that is a string', { ...view, contract: { exchangeSymbol: 'BTC-USDT-SWAP', coinPerContract: '0.01' } }, /bad contract/],
    // Extension messages travel as JSON: an Infinity or NaN arrives as null, and .toFixed(null) would throw mid-render.
    ['asymmetry ratio that arrived as null', { ...view, analysis: { ...analysis(), asymmetry: { ...analysis().asymmetry, ratio: { kind: 'ratio', value: null } } } }, /asymmetry/],
    ['a depth ratio that arrived as null', { ...view, analysis: { ...analysis(), clusters: [{ ...analysis().clusters[0]!, depthRatio: null }] } }, /clusters/],
  ])('refuses %s', (_w, v, err) => {
    const r = checkMarketView(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(err);
  });
});
