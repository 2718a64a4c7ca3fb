/**
 * Order-flow benchmark (issue #12 budgets, engine side): a simulated hour of a live symbol at 50 messages per
 * second (trades, liquidations, marks, a top-20 book each second) fed into one FlowState, with the signals
 * recomputed once per second as a live tick would.
 * - `stream_heap_mb`: heap growth over the hour, after a full GC before and after (budget ≤ 20 MB);
 * - `flow_signals_ms`: median time of one tick's engine work (apply the second's events + compute every flow
 *   signal). The overlay's redraw on a tick is the separate `live_tick_ms` once the stream reaches the page.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { DEFAULT_FLOW_CONFIG } from '../../src/engine/flow/config';
import { FlowState, type FlowEvent } from '../../src/engine/flow/flow-state';
import type { Cluster } from '../../src/engine/types';
import { seededRandom } from '../../tools/seeded-random';

function gc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

const cluster = (side: 'long' | 'short', low: number, high: number, usd: number): Cluster => ({
  side, low, high, centre: (low + high) / 2, usd, tierMix: [], distancePct: 0, cumulativeUsd: usd,
});

export async function run(): Promise<Record<string, number>> {
  const collect = gc();
  const rnd = seededRandom(12);
  const clusters = [cluster('long', 98_500, 99_000, 150e6), cluster('long', 97_000, 97_600, 300e6), cluster('short', 101_000, 101_500, 120e6)];
  const T0 = 1_764_000_000_000;
  collect();
  const before = process.memoryUsage().heapUsed;
  const state = new FlowState(DEFAULT_FLOW_CONFIG);
  const ticks: number[] = [];
  let mark = 100_000;
  for (let s = 0; s < 3_600; s++) {
    const t = T0 + s * 1000;
    mark *= 1 + (rnd() - 0.5) * 0.002;
    const batch: FlowEvent[] = [];
    for (let i = 0; i < 44; i++) batch.push({ kind: 'trade', t: t + i, price: mark, qty: rnd() * 2, side: rnd() < 0.5 ? 'buy' : 'sell' });
    for (let i = 0; i < 4; i++) batch.push({ kind: 'liquidation', t: t + i, price: mark * (1 - rnd() * 0.02), qty: 0.5, usd: 0.5 * mark, side: rnd() < 0.5 ? 'long' : 'short' });
    batch.push({ kind: 'mark', t, price: mark });
    const bids: [number, number][] = [];
    const asks: [number, number][] = [];
    for (let l = 0; l < 20; l++) {
      bids.push([mark - 10 * (l + 1), rnd() < 0.03 ? 50 : 1 + rnd()]);
      asks.push([mark + 10 * (l + 1), 1 + rnd()]);
    }
    batch.push({ kind: 'book', t, bids, asks });
    const a = performance.now();
    state.applyBatch(batch, clusters);
    const sig = state.signals(clusters, t);
    ticks.push(performance.now() - a);
    if (sig.depthRatios.length !== clusters.length) throw new Error('flow bench: signals lost a band');
  }
  if (state.realised(clusters, T0 + 3_600_000).length !== clusters.length) throw new Error('flow bench: realised lost a band');
  collect();
  const after = process.memoryUsage().heapUsed;
  ticks.sort((x, y) => x - y);
  // Keep `state` alive until the second measurement so its rings are counted.
  if (state.trades.size === 0) throw new Error('flow bench: no trades kept');
  return {
    stream_heap_mb: Math.round(((after - before) / 2 ** 20) * 100) / 100,
    flow_signals_ms: Math.round(ticks[ticks.length >> 1]! * 1000) / 1000,
  };
}
