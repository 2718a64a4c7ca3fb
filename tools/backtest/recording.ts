/**
 * Reads a LiqLens recording (docs/recording-format.md) into backtest bars: 1-minute klines aggregated to
 * the bar length, the finest OI series kept per bar (the engine sums its positive increments), and the
 * published liquidations summed per bar and per price.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXCHANGES } from '../../src/sites';
import {
  FILES,
  RECORDING_FORMAT,
  type KlineRecord,
  type LiquidationRecord,
  type OpenInterestRecord,
  type RecordingMeta,
} from '../recorder/format';
import type { BacktestBar } from './bar';

export class RecordingError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}${line > 0 ? `:${line}` : ''}: ${field}: ${detail}`);
    this.name = 'RecordingError';
  }
}

function readJsonl<T>(dir: string, file: string, fields: readonly (keyof T & string)[], check?: (o: T, line: number) => void): T[] {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch {
    throw new RecordingError(file, 0, 'file', 'missing or unreadable');
  }
  const out: T[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new RecordingError(file, i + 1, 'line', 'not JSON');
    }
    for (const f of fields) {
      const v = o[f];
      if (f === 'side') {
        if (v !== 'long' && v !== 'short') throw new RecordingError(file, i + 1, f, `expected "long" or "short", got ${JSON.stringify(v)}`);
      } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new RecordingError(file, i + 1, f, `expected a finite number ≥ 0, got ${JSON.stringify(v)}`);
      }
    }
    check?.(o as T, i + 1);
    out.push(o as T);
  });
  return out;
}

export function readMeta(dir: string): RecordingMeta {
  let meta: RecordingMeta;
  try {
    meta = JSON.parse(readFileSync(join(dir, FILES.meta), 'utf8')) as RecordingMeta;
  } catch {
    throw new RecordingError(FILES.meta, 0, 'file', 'missing or not JSON');
  }
  if (meta.format !== RECORDING_FORMAT) throw new RecordingError(FILES.meta, 0, 'format', `expected "${RECORDING_FORMAT}", got ${JSON.stringify(meta.format)}`);
  if (!EXCHANGES.includes(meta.exchange)) throw new RecordingError(FILES.meta, 0, 'exchange', `unknown exchange ${JSON.stringify(meta.exchange)}`);
  return meta;
}

export interface Recording {
  meta: RecordingMeta;
  bars: BacktestBar[];
}

export function readRecording(dir: string, barMs: number): Recording {
  const meta = readMeta(dir);
  const klines = readJsonl<KlineRecord>(dir, FILES.klines, ['t', 'open', 'high', 'low', 'close', 'baseVolume', 'quoteVolume'], (k, line) => {
    if (k.high < k.low) throw new RecordingError(FILES.klines, line, 'high', `below low (${k.high} < ${k.low})`);
    if (k.low <= 0) throw new RecordingError(FILES.klines, line, 'low', 'must be > 0');
  });
  const oi = readJsonl<OpenInterestRecord>(dir, FILES.openInterest, ['t', 'coin', 'usd']);
  const liqs = readJsonl<LiquidationRecord>(dir, FILES.liquidations, ['t', 'side', 'price', 'coin', 'usd']);
  klines.sort((a, b) => a.t - b.t);
  oi.sort((a, b) => a.t - b.t);

  // Aggregate 1-minute klines into complete bars (a bar missing any minute is dropped: its range is unknown).
  const groups = new Map<number, KlineRecord[]>();
  for (const k of klines) {
    const t = Math.floor(k.t / barMs) * barMs;
    const g = groups.get(t) ?? [];
    if (g.length === 0) groups.set(t, g);
    if (g.length === 0 || (g[g.length - 1] as KlineRecord).t !== k.t) g.push(k); // duplicate minutes once
  }
  const perBar = barMs / 60_000;
  const bars: BacktestBar[] = [];
  let j = 0;
  let lastOi: OpenInterestRecord | undefined;
  for (const [t, g] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    if (g.length < perBar) continue;
    const end = t + barMs;
    while (j < oi.length && (oi[j] as OpenInterestRecord).t <= t) lastOi = oi[j++];
    const points: OpenInterestRecord[] = [];
    while (j < oi.length && (oi[j] as OpenInterestRecord).t <= end) points.push(oi[j++] as OpenInterestRecord);
    const open = lastOi ?? points[0];
    if (!open) continue; // no OI known yet: the engine cannot place positions
    const all = [open, ...points];
    const closeOi = all[all.length - 1] as OpenInterestRecord;
    lastOi = closeOi;
    const inBar = liqs.filter((l) => l.t >= t && l.t < end);
    const byPrice = (side: 'long' | 'short') => inBar.filter((l) => l.side === side).map((l) => [l.price, l.usd] as const);
    const sum = (side: 'long' | 'short') => inBar.reduce((s, l) => s + (l.side === side ? l.usd : 0), 0);
    bars.push({
      t,
      barMs,
      open: (g[0] as KlineRecord).open,
      high: Math.max(...g.map((k) => k.high)),
      low: Math.min(...g.map((k) => k.low)),
      close: (g[g.length - 1] as KlineRecord).close,
      baseVolume: g.reduce((s, k) => s + k.baseVolume, 0),
      quoteVolume: g.reduce((s, k) => s + k.quoteVolume, 0),
      oiOpenUsd: open.usd,
      oiHighUsd: Math.max(...all.map((p) => p.usd)),
      oiLowUsd: Math.min(...all.map((p) => p.usd)),
      oiCloseUsd: closeOi.usd,
      oiOpenCoin: open.coin,
      oiPoints: points,
      liqLongUsd: sum('long'),
      liqShortUsd: sum('short'),
      liqLongByPrice: byPrice('long'),
      liqShortByPrice: byPrice('short'),
    });
  }
  if (bars.length === 0) throw new RecordingError(FILES.klines, 0, 'klines', `no complete ${perBar}-minute bar with open interest`);
  return { meta, bars };
}
