// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tools/backtest/bootstrap';
import { loadBars } from '../../tools/backtest/load';
import { readRecording, RecordingError } from '../../tools/backtest/recording';
import { buildReport } from '../../tools/backtest/report';
import { BINANCE_BTC_TIER1, enginePredictor } from '../../tools/backtest/engine-adapter';
import { runWalkForward } from '../../tools/backtest/walkforward';
import { perPriceStats, type ConsumedLevels } from '../../tools/backtest/per-price';
import { FILES, RECORDING_FORMAT, type RecordingMeta } from '../../tools/recorder/format';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1);

/** Writes a recording of `minutes` 1-minute klines, OI every 20 s, and a few liquidations. */
function writeRecording(minutes: number, seed = 5): string {
  const dir = mkdtempSync(join(tmpdir(), 'liqlens-recording-'));
  const r = seededRandom(seed);
  const meta: RecordingMeta = { format: RECORDING_FORMAT, exchange: 'bybit', symbol: 'BTCUSDT', instrument: 'BTCUSDT', contractCoin: 1, startedAt: T0, sources: {} };
  writeFileSync(join(dir, FILES.meta), JSON.stringify(meta));
  const k: string[] = [];
  const oi: string[] = [];
  const liq: string[] = [];
  let close = 100_000;
  let coin = 50_000;
  for (let m = 0; m < minutes; m++) {
    const t = T0 + m * MIN;
    const open = close;
    close = open * (1 + 0.002 * (r() - 0.5));
    const high = Math.max(open, close) * (1 + 0.0005 * r());
    const low = Math.min(open, close) * (1 - 0.0005 * r());
    k.push(JSON.stringify({ t, open, high, low, close, baseVolume: 10, quoteVolume: 10 * close }));
    for (const s of [0, 20, 40]) {
      coin *= 1 + 0.002 * (r() - 0.5);
      oi.push(JSON.stringify({ t: t + s * 1000, coin, usd: coin * close }));
    }
    if (close < open) liq.push(JSON.stringify({ t: t + 30_000, side: 'long', price: low, coin: 0.1, usd: 0.1 * low }));
    else liq.push(JSON.stringify({ t: t + 30_000, side: 'short', price: high, coin: 0.2, usd: 0.2 * high }));
  }
  writeFileSync(join(dir, FILES.klines), k.join('\n') + '\n');
  writeFileSync(join(dir, FILES.openInterest), oi.join('\n') + '\n');
  writeFileSync(join(dir, FILES.markPrice), '');
  writeFileSync(join(dir, FILES.liquidations), liq.join('\n') + '\n');
  return dir;
}

describe('readRecording', () => {
  it('aggregates 1-minute klines into bars, keeps the OI points per bar and sums liquidations per side and price', () => {
    const dir = writeRecording(60);
    const { bars, meta } = readRecording(dir, 15 * MIN);
    expect(meta.exchange).toBe('bybit');
    // the first bar has no OI before it but its own points: 4 complete 15-minute bars
    expect(bars).toHaveLength(4);
    const b = bars[1]!;
    expect(b.t).toBe(T0 + 15 * MIN);
    // 15 minutes × 3 OI points, with t in (bar.t, bar.t + 15 min]
    expect(b.oiPoints).toHaveLength(15 * 3 - 1 + 1);
    expect(b.oiPoints!.every((p) => p.t > b.t && p.t <= b.t + 15 * MIN)).toBe(true);
    const count = b.liqLongByPrice!.length + b.liqShortByPrice!.length;
    expect(count).toBe(15); // one liquidation per minute
    expect(b.liqLongUsd).toBeCloseTo(b.liqLongByPrice!.reduce((s, [, usd]) => s + usd, 0), 6);
    expect(b.baseVolume).toBe(150);
  });
  it('drops an incomplete bar (its range is unknown)', () => {
    expect(readRecording(writeRecording(50), 15 * MIN).bars).toHaveLength(3);
  });
  it('names the file, line and field of bad data', () => {
    const dir = writeRecording(20);
    writeFileSync(join(dir, FILES.liquidations), '{"t":1,"side":"long","price":1,"coin":1,"usd":1}\n{"t":2,"side":"up","price":1,"coin":1,"usd":1}\n');
    expect(() => readRecording(dir, 15 * MIN)).toThrow(RecordingError);
    expect(() => readRecording(dir, 15 * MIN)).toThrow(/liquidations.jsonl:2: side: expected "long" or "short"/);
    writeFileSync(join(dir, FILES.meta), JSON.stringify({ format: 'other' }));
    expect(() => readRecording(dir, 15 * MIN)).toThrow(/meta.json: format/);
  });
  it('feeds the engine through the same walk-forward harness as the CSV', () => {
    const dir = writeRecording(3 * 24 * 60);
    const input = loadBars({ source: { kind: 'recording', dir }, barMinutes: 15 });
    expect(input.exchange).toBe('bybit');
    const run = runWalkForward(input.bars, enginePredictor({ exchange: input.exchange, risk: BINANCE_BTC_TIER1 }), { burnInMs: 12 * 3_600_000 });
    const report = buildReport(run, { controlBins: 40, bootstrap: { reps: 50, blockLength: 24, seed: 1 }, q4BlockLength: 6, combinedMinTrain: 96, combinedRefitEvery: 24 });
    expect(report.bars).toBe(3 * 96 - 48);
    expect(run.long.predicted.some((p) => p > 0)).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });
  it('per-price: the consumed levels it reports add up to the engine’s own per-bar totals', () => {
    const dir = writeRecording(24 * 60, 9);
    const { bars } = readRecording(dir, 15 * MIN);
    const consumed = new Map<number, ConsumedLevels>();
    const predictor = enginePredictor({ exchange: 'bybit', risk: BINANCE_BTC_TIER1, onConsumed: (b, l) => consumed.set(b.t, l) });
    const run = runWalkForward(bars, predictor, { burnInMs: 6 * 3_600_000 });
    expect(consumed.size).toBe(bars.length);
    run.times.forEach((t, i) => {
      const sum = consumed.get(t)!.long.reduce((a, [, usd]) => a + usd, 0);
      expect(sum).toBeCloseTo(run.long.predicted[i]!, 6);
    });
    const stats = perPriceStats(bars, consumed, (t) => t >= run.times[0]!);
    expect(stats.long.cells).toBeGreaterThan(0);
    expect(stats.long.realisedInMapped).not.toBeNull();
  });
});
