/**
 * Engine benchmark (docs/design.md §11), measured side by side in one run:
 *  - map_vs_parse: full map + analysis for 4 exchanges × 7 days of 5m bars ÷ JSON.parse of the raw API
 *    responses those series came from (budget ≤ 1.0); map_vs_parse_30d the same for 30 days;
 *  - incremental_speedup: rebuilding the four exchanges' model states from all bars ÷ appending one new bar
 *    to them (docs/design.md §5.1.8: "appending one bar updates state without replaying history"; budget ≥ 50);
 *  - analyze_incremental_speedup: the same end to end (full analyze() ÷ analyze() with a ModelCache and one
 *    new bar). Re-binning the map around the new mark and the analytics are a fixed cost of every refresh
 *    (≈ 0.3 ms here, independent of history length), which bounds this ratio; reported, not budgeted.
 * Medians over several repetitions after a warm-up, so JIT compilation is not what we time. Times are the
 * process's CPU time (user + system) rather than wall time: on a shared 2-core machine other work steals
 * the CPU at random, and for single-threaded code CPU time is what wall time would be on an idle machine.
 */
import { analyze, type ModelCache } from '../../src/engine/index';
import { buildModel, cloneModel, syncModel } from '../../src/engine/model';
import { resolveConfig } from '../../src/engine/config';
import type { DepthBook, Exchange, MarketSeries } from '../../src/engine/types';
import { EXCHANGES } from '../../src/sites';
import { endOf, syntheticSeries } from '../engine/synthetic';
import { rawResponses } from './raw-responses';

const FIVE_MIN = 300_000;
const DAY_BARS = 288;

function book(mark: number): DepthBook {
  const level = (i: number, dir: number) => [mark * (1 + (dir * (i + 1)) / 20_000), 0.5 + (i % 5)] as const;
  return { t: 0, bids: Array.from({ length: 200 }, (_, i) => level(i, -1)), asks: Array.from({ length: 200 }, (_, i) => level(i, 1)) };
}

/** Four exchanges of one synthetic market (same path, small basis, own OI levels). */
export function market(days: number, extraBars = 0): MarketSeries[] {
  const base = syntheticSeries({ bars: days * DAY_BARS + extraBars, barMs: FIVE_MIN, seed: 7 });
  return EXCHANGES.map((exchange: Exchange, i) => {
    const k = 1 + i * 0.0001;
    const oiScale = [1, 0.7, 0.5, 0.4][i]!;
    return {
      ...base,
      exchange,
      candles: base.candles.map((c) => ({ ...c, open: c.open * k, high: c.high * k, low: c.low * k, close: c.close * k, quoteVolume: c.quoteVolume * k })),
      openInterest: base.openInterest.map((p) => ({ t: p.t, coin: p.coin * oiScale, usd: p.usd * oiScale * k })),
      markPrice: base.markPrice * k,
      depth: book(base.markPrice * k),
      risk: syntheticSeries({ exchange, bars: 0 }).risk,
    };
  });
}

function median(xs: number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/** CPU milliseconds spent in `fn` (user + system). */
function cpuMs(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function time(fn: () => unknown, reps: number): number {
  const out: number[] = [];
  for (let i = 0; i < reps; i++) out.push(cpuMs(fn));
  return median(out);
}

const input = (series: MarketSeries[], now: number, models?: ModelCache) => ({
  series,
  position: null,
  plannedSide: 'long' as const,
  account: { sizeUsd: 10_000, riskPct: 1 },
  now,
  ...(models ? { models } : {}),
});

function mapVsParse(days: number, reps: number): { ratio: number; engineMs: number; parseMs: number; rawMB: number } {
  const series = market(days);
  const now = endOf(series[0]!);
  const texts = series.flatMap(rawResponses);
  const rawMB = texts.reduce((a, t) => a + t.length, 0) / 1e6;
  let sink = 0;
  const parse = () => {
    for (const t of texts) sink += (JSON.parse(t) as unknown[]).length ?? 0;
  };
  const engine = () => (sink += analyze(input(series, now)).clusters.length);
  // Warm both, then interleave so machine noise hits both alike.
  for (let i = 0; i < 3; i++) {
    parse();
    engine();
  }
  const p: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < reps; i++) {
    p.push(time(parse, 1));
    e.push(time(engine, 1));
  }
  if (sink === -1) console.log(sink);
  return { ratio: median(e) / median(p), engineMs: median(e), parseMs: median(p), rawMB };
}

const APPENDED = 40;

/**
 * Start from the states of 7 days of bars, then append the next APPENDED bars one at a time (each call
 * sees exactly one newly closed bar), averaging over the batch so the clock's own cost does not count.
 * Each repetition starts from an untimed copy of the same starting states.
 */
function incremental(reps: number): { speedup: number; modelSpeedup: number; fullMs: number; oneBarMs: number; modelFullMs: number; modelOneBarMs: number } {
  const series = market(7, APPENDED);
  const start = endOf(series[0]!) - APPENDED * FIVE_MIN; // 7 days of closed bars
  const cfg = resolveConfig();
  const cache: ModelCache = new Map();
  analyze(input(series, start, cache));
  const copyOf = (): ModelCache => new Map([...cache].map(([k, v]) => [k, cloneModel(v)]));

  const full = () => analyze(input(series, start + FIVE_MIN));
  for (let i = 0; i < 3; i++) full();
  const fullMs = time(full, reps);
  const modelFull = time(() => series.map((s) => buildModel(s, cfg, start + FIVE_MIN)), reps);

  const oneBar: number[] = [];
  const modelOne: number[] = [];
  for (let i = 0; i < reps; i++) {
    const a = copyOf();
    oneBar.push(cpuMs(() => {
      for (let k = 1; k <= APPENDED; k++) analyze(input(series, start + k * FIVE_MIN, a));
    }) / APPENDED);
    const m = copyOf();
    modelOne.push(cpuMs(() => {
      for (let k = 1; k <= APPENDED; k++) for (const s of series) m.set(s.exchange, syncModel(m.get(s.exchange), s, cfg, start + k * FIVE_MIN));
    }) / APPENDED);
  }
  return {
    speedup: fullMs / median(oneBar),
    modelSpeedup: modelFull / median(modelOne),
    fullMs,
    oneBarMs: median(oneBar),
    modelFullMs: modelFull,
    modelOneBarMs: median(modelOne),
  };
}

export async function run(): Promise<Record<string, number>> {
  const week = mapVsParse(7, 15);
  const month = mapVsParse(30, 7);
  const inc = incremental(9);
  return {
    map_vs_parse: round(week.ratio),
    map_vs_parse_30d: round(month.ratio),
    incremental_speedup: round(inc.modelSpeedup),
    analyze_incremental_speedup: round(inc.speedup),
    engine_full_ms_7d: round(week.engineMs),
    json_parse_ms_7d: round(week.parseMs),
    raw_mb_7d: round(week.rawMB),
    engine_full_ms_30d: round(month.engineMs),
    json_parse_ms_30d: round(month.parseMs),
    model_full_ms_7d: round(inc.modelFullMs),
    model_one_bar_ms: round(inc.modelOneBarMs, 4),
    analyze_one_bar_ms: round(inc.oneBarMs, 4),
  };
}

function round(x: number, digits = 3): number {
  return Number(x.toFixed(digits));
}
