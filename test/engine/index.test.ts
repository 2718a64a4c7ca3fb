// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findClusters } from '../../src/engine/clusters';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { fuelRatio } from '../../src/engine/fuel';
import { analyze, type ModelCache } from '../../src/engine/index';
import { nearestClusters } from '../../src/engine/nearest';
import type { Analysis, MarketSeries, Position } from '../../src/engine/types';
import { EXCHANGES } from '../../src/sites';
import { expectClose, handMap, mirrorMap } from './helpers';
import { endOf, syntheticSeries } from './synthetic';

/** Every number anywhere in the value, with its path. */
function numbers(v: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbers(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbers(x, `${path}.${k}`, out);
  return out;
}

const market = (bars: number, seed = 5): MarketSeries[] =>
  EXCHANGES.map((exchange, i) => syntheticSeries({ exchange, bars, seed: seed + i, price: 100_000 * (1 + i * 1e-4), vol: 0.003 }));

describe('analyze', () => {
  const series = market(2016); // 7 days of 5m bars
  const now = endOf(series[0]!);

  it('depth ratios only when every exchange has a book (cluster USD sums all of them)', () => {
    // 1 coin every 0.02 % from the mark out to 20 % on both sides: reaches past every cluster of the ±15 % map.
    const book = (mark: number) => {
      const steps = Array.from({ length: 1000 }, (_, i) => i + 1);
      return { t: now, bids: steps.map((i) => [mark * (1 - i / 5000), 1] as const), asks: steps.map((i) => [mark * (1 + i / 5000), 1] as const) };
    };
    const withBooks = series.map((s) => ({ ...s, depth: book(s.markPrice) }));
    const all = analyze({ series: withBooks, position: null, now });
    expect(all.clusters.length).toBeGreaterThan(0);
    for (const c of all.clusters) expect(c.depthRatio).toBeGreaterThan(0);
    const oneMissing = withBooks.map((s, i) => (i === 0 ? { ...s, depth: undefined } : s));
    const some = analyze({ series: oneMissing, position: null, now });
    expect(some.clusters.length).toBe(all.clusters.length);
    for (const c of some.clusters) expect(c.depthRatio).toBeUndefined();
  });

  it('an order book older than depthMaxAgeMin (5 min) gives no depth ratio; a fresh one does', () => {
    const book = (mark: number, t: number) => {
      const steps = Array.from({ length: 1000 }, (_, i) => i + 1);
      return { t, bids: steps.map((i) => [mark * (1 - i / 5000), 1] as const), asks: steps.map((i) => [mark * (1 + i / 5000), 1] as const) };
    };
    // 4 min 59 s old: fresh; one exchange's book 5 min 1 s old: kept from an earlier fetch, not trusted.
    const fresh = series.map((s) => ({ ...s, depth: book(s.markPrice, now - 299_000) }));
    expect(analyze({ series: fresh, position: null, now }).clusters.some((c) => c.depthRatio !== undefined)).toBe(true);
    const oneOld = fresh.map((s, i) => (i === 1 ? { ...s, depth: book(s.markPrice, now - 301_000) } : s));
    for (const c of analyze({ series: oneOld, position: null, now }).clusters) expect(c.depthRatio).toBeUndefined();
  });

  it('a planned long uses the planned entry as reference and returns everything a renderer needs', () => {
    const a = analyze({ series, position: null, plannedSide: 'long', plannedEntry: series[0]!.markPrice, account: { sizeUsd: 10_000, riskPct: 1 }, now });
    expect(a).toMatchObject({ symbol: 'BTCUSDT', side: 'long', planned: true, referenceKind: 'entry', partial: false });
    expect(a.map.bins.length).toBe(600);
    expect(Object.keys(a.map.perExchange).sort()).toEqual([...EXCHANGES].sort());
    expect(a.clusters.length).toBeGreaterThan(0);
    for (const c of a.nearest.risk) expect(c.side).toBe('long');
    for (const c of a.nearest.profit) expect(c.side).toBe('short');
    expect(a.stop.kind).toBe('stop');
    if (a.stop.kind === 'stop') expect(a.stop.price).toBeCloseTo(a.stop.beyond.low * 0.996, 6); // beyond the cluster, never inside
    expect(a.sizing.kind).toBe('size');
    expect(a.asymmetry.windowPct).toBe(10);
  });

  it('an open short uses the mark, its own exchange as reference, and warns when its liquidation comes first', () => {
    const mark = series[2]!.markPrice;
    const position: Position = { exchange: 'okx', symbol: 'BTCUSDT', side: 'short', entry: mark, size: 1, leverage: 100, marginMode: 'isolated', source: 'page' };
    const a = analyze({ series, position, now });
    expect(a).toMatchObject({ side: 'short', planned: false, referenceKind: 'mark', reference: mark });
    expect(a.map.perExchange.okx?.basis).toBe(0);
    expect(a.stop.kind).toBe('stop');
    if (a.stop.kind !== 'stop') return;
    expect(a.stop.beyond.side).toBe('short');
    expect(a.stop.price).toBeCloseTo(a.stop.beyond.high * 1.004, 6);
    // 100x short liquidates ≈ 0.6 % above entry, before a stop more than 0.6 % away
    expect(a.stop.distancePct).toBeGreaterThan(0.6);
    expect(a.stop.liquidationBeforeStop).toBeDefined();
    expect(a.signals.map((s) => s.kind)).toContain('own-liq-before-stop');
  });

  it('signals come through analyze: a 20 % OI flush in the last hours, a macro event, a weekday afternoon', () => {
    const flushed = series.map((s, i) =>
      i === 1 ? { ...s, openInterest: s.openInterest.map((p) => (p.t > now - 3_600_000 ? { ...p, coin: p.coin * 0.8 } : p)) } : s,
    );
    const weekday = Date.UTC(2026, 0, 12, 14); // Monday 14:00 UTC, after the last bar
    const a = analyze({ series: flushed, position: null, now: weekday, macroEvents: [{ t: weekday + 2 * 3_600_000, label: 'FOMC' }] });
    const kinds = a.signals.map((x) => x.kind);
    expect(kinds).toContain('macro-event');
    expect(kinds).not.toContain('thin-session');
    // the flush is older than 4 h at `weekday`; at `now` it is fresh
    const fresh = analyze({ series: flushed, position: null, now });
    const stale = fresh.signals.find((x) => x.kind === 'stale-map');
    expect(stale).toMatchObject({ exchange: 'bybit' });
    expect(stale?.kind === 'stale-map' && stale.dropPct).toBeGreaterThanOrEqual(20);
    expect(stale?.kind === 'stale-map' && stale.dropPct).toBeLessThan(30);
  });

  it('referenceExchange picks whose mark centres the grid; a planned short sizes with its stop above', () => {
    const a = analyze({ series, position: null, plannedSide: 'short', referenceExchange: 'bitget', account: { sizeUsd: 5_000, riskPct: 0.5, leverage: 3 }, now });
    expect(a.map.reference).toBe(series[3]!.markPrice);
    expect(a.map.perExchange.bitget?.basis).toBe(0);
    expect(a.referenceKind).toBe('mark');
    expect(a.stop.kind).toBe('stop');
    if (a.stop.kind !== 'stop' || a.sizing.kind !== 'size') throw new Error('expected a stop and a size');
    expect(a.stop.price).toBeGreaterThan(a.reference);
    // risk 5,000 · 0.5 % = 25 USD over (stop distance + 0.1 % fees)
    expect(a.sizing.notionalUsd).toBeCloseTo(25 / (a.stop.distancePct / 100 + 0.001), 6);
    expect(a.sizing.leverage).toBe(3);
  });

  it('incremental through a ModelCache gives the same analysis as a fresh full build', () => {
    const cache: ModelCache = new Map();
    analyze({ series, position: null, now: now - 6 * 300_000, models: cache });
    const inc = analyze({ series, position: null, now, models: cache });
    const full = analyze({ series, position: null, now });
    expect(inc).toEqual(full);
  });

  it('partial when OI history is partial or too short for the window', () => {
    const partial = series.map((s, i) => (i === 3 ? { ...s, oiPartial: true } : s));
    const a = analyze({ series: partial, position: null, now });
    expect(a.partial).toBe(true);
    expect(a.map.perExchange.bitget?.partial).toBe(true);
    expect(analyze({ series: market(100), position: null, now: endOf(market(100)[0]!) }).partial).toBe(true);
  });

  it('property: finite output for any finite input (empty series, zero OI, flat bars, OI only falling)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom('normal', 'zero-oi', 'flat', 'falling', 'no-oi'),
        fc.constantFrom('long', 'short'),
        fc.boolean(),
        (bars, seed, kind, side, withPosition) => {
          const base = market(bars, seed).slice(0, 2);
          const s = base.map((x) => ({
            ...x,
            candles: kind === 'flat' ? x.candles.map((c) => ({ ...c, open: 5, high: 5, low: 5, close: 5, baseVolume: 0, quoteVolume: 0 })) : x.candles,
            openInterest: kind === 'no-oi' ? [] : x.openInterest.map((p, i) => ({ ...p, coin: kind === 'zero-oi' ? 0 : kind === 'falling' ? 1e4 / (i + 1) : p.coin })),
            markPrice: kind === 'flat' ? 5 : x.markPrice,
          }));
          const position: Position | null = withPosition
            ? { exchange: s[0]!.exchange, symbol: 'BTCUSDT', side, entry: s[0]!.markPrice, size: 1, leverage: 20, marginMode: 'cross', source: 'manual' }
            : null;
          const a: Analysis = analyze({ series: s, position, plannedSide: side, account: { sizeUsd: 1_000, riskPct: 2 }, now: endOf(s[0]!) + 1, asymmetryHistory: [0.5, 1, 2] });
          for (const [path, v] of numbers(a)) if (!Number.isFinite(v)) throw new Error(`${path} = ${v}`);
          for (const b of a.map.bins) {
            if (b.longUsd > 0) expect(b.price).toBeLessThan(a.map.reference);
            if (b.shortUsd > 0) expect(b.price).toBeGreaterThan(a.map.reference);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('property: any price or OI magnitude (memecoins at 1e-6 to indices at 1e6) stays finite and non-negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: -6, max: 6 }), fc.integer({ min: -3, max: 9 }), fc.integer({ min: 1, max: 1e6 }), (p10, oi10, seed) => {
        const s = syntheticSeries({ bars: 300, seed, price: 10 ** p10, oiCoin: 10 ** oi10, vol: 0.004 });
        const a = analyze({ series: [s], position: null, plannedSide: 'short', account: { sizeUsd: 500, riskPct: 1 }, now: endOf(s) });
        for (const [path, v] of numbers(a)) if (!Number.isFinite(v)) throw new Error(`${path} = ${v}`);
        expect(a.map.binWidth).toBeCloseTo(s.markPrice * 0.0005, 12 - p10);
        const total = a.map.bins.reduce((x, b) => x + b.longUsd + b.shortUsd, 0);
        expect(total).toBeGreaterThan(0); // positions exist at every scale
        for (const b of a.map.bins) expect(b.longUsd >= 0 && b.shortUsd >= 0).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('property: mirroring the market (prices reflected, longs ↔ shorts) mirrors the LFR', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e8, noNaN: true }), { minLength: 400, maxLength: 400 }), fc.constantFrom('long', 'short'), (usd, side) => {
        const map = handMap(100_000, 200, (k) => usd[k + 200]! * (Math.abs(k) % 17 === 3 ? 50 : 1));
        const mirrored = mirrorMap(map);
        const other = side === 'long' ? 'short' : 'long';
        const n = nearestClusters(findClusters(map, DEFAULT_CONFIG), side, 100_000, DEFAULT_CONFIG);
        const m = nearestClusters(findClusters(mirrored, DEFAULT_CONFIG), other, 100_000, DEFAULT_CONFIG);
        const a = fuelRatio(n.profit, n.risk);
        const b = fuelRatio(m.profit, m.risk);
        expect(b.kind).toBe(a.kind);
        if (a.kind === 'ratio' && b.kind === 'ratio') expectClose(b.value, a.value);
        if (a.kind !== 'no-fuel' && b.kind !== 'no-fuel') expectClose(b.profitUsd, a.profitUsd);
      }),
      { numRuns: 30 },
    );
  });
});
