import { describe, expect, it } from 'vitest';
import { checkMarketView } from '../../src/overlay/view-check';
import { analysis } from './fixtures';

const view = { exchange: 'bybit', symbol: 'BTCUSDT', state: 'ok', analysis: analysis(), health: {}, asOf: 1 };

describe('receipt check of market views', () => {
  it('accepts a well-formed view and a loading view without analysis', () => {
    expect(checkMarketView(view).ok).toBe(true);
    expect(checkMarketView({ ...view, state: 'loading', analysis: null }).ok).toBe(true);
  });
  it.each([
    ['unknown state', { ...view, state: 'great' }, /state/],
    ['NaN LFR', { ...view, analysis: analysis({ lfr: { kind: 'ratio', value: NaN, band: 'neutral', profitUsd: 1, riskUsd: 1 } }) }, /lfr/],
    ['cluster without prices', { ...view, analysis: { ...analysis(), clusters: [{ side: 'long' }] } }, /clusters/],
    ['stop without a price', { ...view, analysis: { ...analysis(), stop: { kind: 'stop' } } }, /stop/],
    ['not an object', 'ok', /not an object/],
  ])('refuses %s', (_w, v, err) => {
    const r = checkMarketView(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(err);
  });
});
