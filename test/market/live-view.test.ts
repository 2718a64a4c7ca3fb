import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_CONFIG } from '../../src/engine/flow/config';
import { FlowState } from '../../src/engine/flow/flow-state';
import type { Cluster } from '../../src/engine/types';
import { liveView, MAX_MARKERS } from '../../src/market/live-view';

const cluster = (side: 'long' | 'short', low: number, high: number, usd: number): Cluster => ({
  side, low, high, centre: (low + high) / 2, usd, tierMix: [], distancePct: 0, cumulativeUsd: usd,
});
const T = 1_764_000_000_000;
const clusters = [cluster('long', 98_000, 99_000, 100e6), cluster('short', 101_000, 102_000, 50e6)];

function state(liqs: { t: number; price: number; usd: number; side: 'long' | 'short' }[], mark?: number): FlowState {
  const s = new FlowState(DEFAULT_FLOW_CONFIG, { trades: 16, liquidations: 1024, marks: 16 });
  s.applyBatch(liqs.map((l) => ({ kind: 'liquidation' as const, ...l, qty: l.usd / l.price })), clusters);
  if (mark) s.applyBatch([{ kind: 'mark', t: T, price: mark }], clusters);
  return s;
}

describe('liveView', () => {
  it('sums realised USD per band over every streaming exchange, on the band side only', () => {
    const binance = state([
      { t: T - 3_600_000, price: 98_500, usd: 2e6, side: 'long' }, // in the long band
      { t: T - 60_000, price: 98_600, usd: 1e6, side: 'short' }, // in the long band but a short: not counted
      { t: T - 25 * 3_600_000, price: 98_500, usd: 9e6, side: 'long' }, // older than 24 h
    ], 100_000);
    const bybit = state([{ t: T - 10_000, price: 101_500, usd: 3e6, side: 'short' }, { t: T - 5_000, price: 98_100, usd: 0.5e6, side: 'long' }]);
    const v = liveView({ pageExchange: 'binance', feeds: { binance: { status: 'live', state: binance }, bybit: { status: 'stale', state: bybit } }, clusters, now: T, cfg: DEFAULT_FLOW_CONFIG });
    expect(v.realisedUsd).toEqual([2.5e6, 3e6]);
    expect(v.status).toBe('live');
    expect(v.exchanges).toEqual({ binance: 'live', bybit: 'stale' });
    expect(v.mark).toEqual({ price: 100_000, t: T });
    // Markers: last 6 h only, oldest first, tagged with their exchange.
    expect(v.markers.map((m) => [m.exchange, m.usd])).toEqual([['binance', 2e6], ['binance', 1e6], ['bybit', 3e6], ['bybit', 0.5e6]]);
    expect(v.flow).toBeDefined();
  });

  it('says polling and carries no flow when the page exchange does not stream', () => {
    const v = liveView({ pageExchange: 'okx', feeds: { bitget: { status: 'live', unpublished: 'no public liquidation channel' } }, clusters, now: T, cfg: DEFAULT_FLOW_CONFIG });
    expect(v.status).toBe('polling');
    expect(v.flow).toBeUndefined();
    expect(v.mark).toBeUndefined();
    expect(v.unpublished).toEqual({ bitget: 'no public liquidation channel' });
    expect(v.realisedUsd).toEqual([0, 0]);
  });

  it('keeps the largest markers when there are too many, still oldest first', () => {
    const liqs = Array.from({ length: MAX_MARKERS + 50 }, (_, i) => ({ t: T - 1000 * (MAX_MARKERS + 50 - i), price: 99_500, usd: 1000 + i * (i % 2 ? 1 : -1), side: 'long' as const }));
    const v = liveView({ pageExchange: 'binance', feeds: { binance: { status: 'live', state: state(liqs) } }, clusters, now: T, cfg: DEFAULT_FLOW_CONFIG });
    expect(v.markers).toHaveLength(MAX_MARKERS);
    const smallestKept = Math.min(...v.markers.map((m) => m.usd));
    const dropped = liqs.filter((l) => !v.markers.some((m) => m.t === l.t));
    expect(dropped.every((d) => d.usd <= smallestKept)).toBe(true);
    expect(v.markers.every((m, i) => i === 0 || v.markers[i - 1]!.t <= m.t)).toBe(true);
  });
});
