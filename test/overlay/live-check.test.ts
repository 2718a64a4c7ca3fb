import { describe, expect, it } from 'vitest';
import { checkLiveTick, checkLiveView } from '../../src/overlay/live-check';

const good = () => ({
  status: 'live', exchanges: { binance: 'live', bitget: 'polling' }, mark: { price: 100_000, t: 1 },
  markers: [{ t: 1, price: 99_000, usd: 2e6, side: 'long', exchange: 'binance' }], markerHours: 6,
  realisedUsd: [0, 2e6], realisedHours: 24, unpublished: { bitget: 'no public liquidation channel' },
  flow: { depthRatios: [null, 5], spoofing: null, delta: [], cascades: [] },
});

describe('live view receipt check', () => {
  it('accepts a well-formed live view and tick (JSON null depth ratios allowed)', () => {
    expect(checkLiveView(good()).ok).toBe(true);
    expect(checkLiveTick({ exchange: 'binance', symbol: 'BTCUSDT', live: good() }).ok).toBe(true);
  });
  it.each([
    ['unknown status', (v: any) => (v.status = 'on')],
    ['null mark price (NaN through JSON)', (v: any) => (v.mark.price = null)],
    ['a marker with a string price', (v: any) => (v.markers[0].price = '99000')],
    ['a marker with an unknown side', (v: any) => (v.markers[0].side = 'up')],
    ['negative realised USD', (v: any) => (v.realisedUsd[0] = -1)],
    ['a flood of markers', (v: any) => (v.markers = Array.from({ length: 1001 }, () => v.markers[0]))],
    ['a depth ratio string', (v: any) => (v.flow.depthRatios[0] = 'x')],
  ])('refuses %s', (_name, spoil) => {
    const v = good();
    spoil(v);
    const c = checkLiveView(v);
    expect(c.ok).toBe(false);
  });
  it('refuses a tick without exchange', () => {
    expect(checkLiveTick({ symbol: 'BTCUSDT', live: good() }).ok).toBe(false);
  });
});
