/**
 * Type-valid but wild `analyze()` inputs for the fuzz property (test/engine/fuzz.test.ts) and `npm run fuzz`
 * (scripts/fuzz.ts): one seed → one input, deterministic. Mostly realistic markets, a share at extreme
 * magnitudes (prices and volumes down to 1e-320, open interest up to 1e300 coins), irregular timestamps,
 * OI jumps of 10⁶×, flat bars (high = low), prices spread over decades, books with extreme sizes,
 * positions and accounts of any size, and sometimes an incremental refresh through a ModelCache.
 */
import type { AnalyzeInput, ModelCache } from '../../src/engine/index';
import type { Candle, DepthBook, MarketSeries, OpenInterestPoint, Position, Side } from '../../src/engine/types';
import { seededRandom } from '../../tools/seeded-random';

const EXCHANGES = ['binance', 'bybit', 'okx', 'bitget'] as const;
const BAR_MS = [60_000, 300_000, 900_000, 3_600_000] as const;

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** 10^u with u uniform in [lo, hi]. */
const pow10 = (r: Rng, lo: number, hi: number) => 10 ** (lo + (hi - lo) * r());

/** A magnitude: realistic most of the time, else anywhere in the doubles (denormals included). */
function magnitude(r: Rng, extreme: boolean, lo: number, hi: number): number {
  return extreme && r() < 0.6 ? (r() < 0.5 ? pow10(r, -320, -280) : pow10(r, 280, 308)) : pow10(r, lo, hi);
}

export interface FuzzCase {
  input: AnalyzeInput;
  /** A first call made with the same cache at an earlier `now` (incremental refresh), when present. */
  warmup?: AnalyzeInput;
  /** What makes this case wild, for the report. */
  tags: string[];
}

function candles(r: Rng, tags: string[], bars: number, barMs: number, start: number, price0: number, extreme: boolean): Candle[] {
  const out: Candle[] = [];
  const mode = pick(r, ['walk', 'walk', 'walk', 'flat', 'decades', 'iid-decades', 'tiny-vol'] as const);
  tags.push(`bars:${mode}`);
  const vol = mode === 'decades' ? pow10(r, -1, 0.7) : mode === 'tiny-vol' ? pow10(r, -14, -6) : pow10(r, -4, -1.5);
  const irregular = r() < 0.2;
  if (irregular) tags.push('irregular-t');
  let t = start;
  let price = price0;
  const vol0 = magnitude(r, extreme, -3, 6);
  for (let i = 0; i < bars; i++) {
    let open = price;
    let close: number;
    let high: number;
    let low: number;
    if (mode === 'flat') {
      open = close = high = low = price;
    } else if (mode === 'iid-decades') {
      const a = price0 * pow10(r, -4, 4);
      const b = price0 * pow10(r, -4, 4);
      open = a;
      close = b;
      high = Math.max(a, b) * (1 + r());
      low = Math.min(a, b) / (1 + r());
    } else {
      close = open * Math.exp(vol * (r() + r() + r() - 1.5) * 2);
      high = Math.max(open, close) * Math.exp(vol * r());
      low = Math.min(open, close) * Math.exp(-vol * r());
      if (r() < 0.05) high = low = close = open; // a bar with high = low
    }
    const fin = (x: number) => (Number.isFinite(x) && x > 0 ? x : price0);
    [open, close, high, low] = [fin(open), fin(close), fin(high), fin(low)];
    if (low > high) [low, high] = [high, low];
    open = Math.min(high, Math.max(low, open));
    close = Math.min(high, Math.max(low, close));
    const baseVolume = r() < 0.1 ? 0 : vol0 * r();
    const quoteVolume = r() < 0.05 ? magnitude(r, extreme, -3, 12) : baseVolume * (low + (high - low) * r());
    const c: Candle = { t, open, high, low, close, baseVolume, quoteVolume: Number.isFinite(quoteVolume) ? quoteVolume : 0 };
    if (r() < 0.5) c.takerBuyBase = baseVolume * r();
    out.push(c);
    t += irregular ? Math.max(1, Math.round(barMs * pick(r, [0.001, 0.5, 1, 1, 3, 50]) * r())) + (r() < 0.01 ? 86_400_000 * 30 : 0) : barMs;
    price = close;
  }
  return out;
}

function openInterest(r: Rng, tags: string[], cs: readonly Candle[], barMs: number, extreme: boolean): OpenInterestPoint[] {
  const mode = pick(r, ['drift', 'drift', 'drift', 'zero', 'none', 'jumps', 'falling', 'sparse'] as const);
  tags.push(`oi:${mode}`);
  if (mode === 'none') return [];
  let coin = magnitude(r, extreme, -2, 9);
  const out: OpenInterestPoint[] = [];
  const first = cs[0]?.t ?? 0;
  out.push({ t: first, coin: mode === 'zero' ? 0 : coin, usd: 0 });
  for (const c of cs) {
    if (mode === 'sparse' && r() < 0.9) continue;
    if (mode === 'jumps' && r() < 0.05) coin = r() < 0.5 ? coin * 1e6 : coin / 1e6;
    else if (mode === 'falling') coin *= 0.9;
    else coin *= 1 + 0.01 * (r() - 0.48);
    if (!Number.isFinite(coin)) coin = Number.MAX_VALUE / 2;
    const t = c.t + Math.max(1, Math.round(barMs * r()));
    if (t <= out[out.length - 1]!.t) continue;
    const usd = coin * c.close;
    out.push({ t, coin: mode === 'zero' ? 0 : coin, usd: mode === 'zero' || !Number.isFinite(usd) ? 0 : usd });
  }
  return out;
}

function book(r: Rng, mark: number, now: number, extreme: boolean): DepthBook {
  const n = Math.floor(r() * 50);
  const size = magnitude(r, extreme, -3, 6);
  const step = pow10(r, -5, -1);
  const level = (i: number, dir: number) => [mark * (1 + dir * step * (i + 1)), r() < 0.1 ? 0 : size * r()] as const;
  const side = (dir: number) => Array.from({ length: n }, (_, i) => level(i, dir)).filter(([p]) => p > 0 && Number.isFinite(p));
  return { t: now - Math.floor(r() * 120_000), bids: side(-1), asks: side(1) };
}

/** `maxBars`: longest series (default 2016, 7 days of 5m bars; the CI property uses fewer to stay fast). */
export function fuzzCase(seed: number, maxBars = 2016): FuzzCase {
  const r = seededRandom(seed);
  const tags: string[] = [];
  const extreme = r() < 0.25;
  if (extreme) tags.push('extreme');
  const nSeries = Math.floor(r() * 4) + (r() < 0.05 ? 0 : 1);
  const bars = Math.floor(pow10(r, 0, Math.log10(maxBars)));
  const barMs = pick(r, BAR_MS);
  const start = Date.UTC(2026, 0, 5) + Math.floor(r() * 1e9);
  const price0 = magnitude(r, extreme, -6, 6);
  const shared = candles(r, tags, bars, barMs, start, price0, extreme);
  const end = (shared[shared.length - 1]?.t ?? start) + barMs;
  const now = end + (r() < 0.8 ? 1 : Math.floor(r() * 10 * barMs));
  const series: MarketSeries[] = [];
  const offset = Math.floor(r() * 4);
  for (let i = 0; i < Math.min(nSeries, 4); i++) {
    const own = r() < 0.3 ? candles(r, tags, bars, barMs, start, price0 * (1 + 0.001 * i), extreme) : shared;
    const k = 1 + (r() - 0.5) * 1e-3;
    const cs = own.map((c) => ({ ...c, open: c.open * k, high: c.high * k, low: c.low * k, close: c.close * k }))
      .map((c) => (Number.isFinite(c.high) && c.low > 0 ? c : own[0]!));
    const ok = cs.every((c, j) => j === 0 || c.t > cs[j - 1]!.t) ? cs : own;
    const last = ok[ok.length - 1];
    const mark = (last?.close ?? price0) * (1 + (r() - 0.5) * 2e-3);
    const markPrice = Number.isFinite(mark) && mark > 0 ? mark : price0;
    const s: MarketSeries = {
      exchange: EXCHANGES[(offset + i) % 4]!,
      symbol: 'FUZZUSDT',
      barMs,
      candles: ok,
      openInterest: openInterest(r, tags, ok, barMs, extreme),
      markPrice,
      indexPrice: markPrice,
      risk: { maintenanceRate: pick(r, [0, 0.004, 0.005, 0.02, 0.25]), maxLeverage: pick(r, [1, 20, 75, 100, 125]), source: 'api' },
      oiPartial: r() < 0.1,
      fetchedAt: now,
    };
    if (r() < 0.7) s.funding = { rate: (r() - 0.5) * 0.01, intervalHours: pick(r, [1, 4, 8]), nextTime: now + 3_600_000 };
    if (r() < 0.5) s.depth = book(r, markPrice, now, extreme);
    series.push(s);
  }
  const side: Side = r() < 0.5 ? 'long' : 'short';
  let position: Position | null = null;
  const ref = series[0]?.markPrice ?? price0;
  if (r() < 0.3 || series.length === 0) {
    const leverage = pick(r, [1, 3, 10, 50, 125]);
    const entry = ref * (1 + (r() - 0.5) * 0.02);
    position = {
      exchange: series[0]?.exchange ?? 'binance',
      symbol: 'FUZZUSDT',
      side,
      entry: Number.isFinite(entry) && entry > 0 ? entry : ref,
      size: magnitude(r, extreme, -4, 6),
      leverage,
      marginMode: r() < 0.5 ? 'isolated' : 'cross',
      source: 'manual',
    };
    tags.push('position');
  }
  const input: AnalyzeInput = { series, position, plannedSide: side, now };
  if (r() < 0.6) input.account = { sizeUsd: magnitude(r, extreme, 1, 7), riskPct: pick(r, [0.1, 1, 5, 100]), ...(r() < 0.5 ? { leverage: pick(r, [1, 5, 20]) } : {}) };
  if (r() < 0.3) input.asymmetryHistory = Array.from({ length: Math.floor(r() * 40) }, () => magnitude(r, extreme, -2, 2));
  if (r() < 0.1) input.config = { halfLifeHours: pick(r, [Infinity, 1, 24]) };
  if (r() < 0.1) input.macroEvents = [{ t: now + Math.floor((r() - 0.5) * 86_400_000), label: 'CPI' }];
  const c: FuzzCase = { input, tags };
  if (r() < 0.1 && bars > 4) {
    const models: ModelCache = new Map();
    c.warmup = { ...input, models, now: now - Math.floor(r() * 4 + 1) * barMs };
    c.input = { ...input, models };
    if (r() < 0.5) c.input.config = { ...input.config, tierWeights: [0.2, 0.2, 0.2, 0.2, 0.2] }; // a settings change forces a rebuild
    tags.push('incremental');
  }
  return c;
}

/** The first path in `v` holding a non-finite number, or undefined (an independent check of the engine's guard). */
export function nonFinitePath(v: unknown, path = '$'): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : path;
  if (v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'number' ? Number.isFinite(x) : x === null || typeof x !== 'object') continue;
      const p = nonFinitePath(x, `${path}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (typeof x === 'number' ? Number.isFinite(x) : x === null || typeof x !== 'object') continue;
    const p = nonFinitePath(x, `${path}.${k}`);
    if (p) return p;
  }
  return undefined;
}
