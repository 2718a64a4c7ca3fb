import { describe, expect, it } from 'vitest';
import { activeConditions, edgeDistancePct, nearestClusters } from '../../src/alerts/conditions';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import { cluster, longPosition, makeAnalysis } from '../ui/make-analysis';

const settings = (alerts: Partial<Settings['alerts']> = {}): Settings => ({ ...DEFAULT_SETTINGS, alerts: { ...DEFAULT_SETTINGS.alerts, ...alerts } });
const ids = (a: ReturnType<typeof activeConditions>) => a.map((c) => c.id);

describe('cluster-edge distance', () => {
  it('measures to the near edge: the low edge above, the high edge below, 0 inside', () => {
    const above = cluster('short', 101_000, 101_500, 1);
    const below = cluster('long', 98_500, 99_000, 1);
    expect(edgeDistancePct(above, 100_000)).toBeCloseTo(1.0, 10); // (101,000 − 100,000) / 100,000 = 1 %
    expect(edgeDistancePct(below, 100_000)).toBeCloseTo(1.0, 10); // (100,000 − 99,000) / 100,000 = 1 %
    expect(edgeDistancePct(above, 101_200)).toBe(0);
  });

  it('watches only the two nearest clusters per side', () => {
    const cs = [cluster('short', 103_000, 103_100, 1), cluster('short', 101_000, 101_100, 1), cluster('short', 102_000, 102_100, 1)];
    expect(nearestClusters(cs, 'short', 100_000, 2).map((c) => c.low)).toEqual([101_000, 102_000]);
  });
});

describe('active alert conditions', () => {
  it('price 0.4 % below a short cluster with a 0.5 % threshold → cluster-edge:short; at 1 % → nothing', () => {
    // Cluster 101,000–101,500; price 100,600: (101,000 − 100,600)/100,600 = 0.398 % ≤ 0.5 %.
    const a = makeAnalysis({ reference: 100_600 });
    expect(ids(activeConditions({ analysis: a, entryLfr: null, settings: settings() }))).toEqual(['cluster-edge:short']);
    const far = makeAnalysis({ reference: 100_000 }); // 1 % from both nearest edges
    expect(ids(activeConditions({ analysis: far, entryLfr: null, settings: settings() }))).toEqual([]);
  });

  it('the switch turns the cluster-edge alert off', () => {
    const a = makeAnalysis({ reference: 100_600 });
    expect(activeConditions({ analysis: a, entryLfr: null, settings: settings({ clusterEdge: false }) })).toEqual([]);
  });

  it('LFR degraded: entry LFR ≥ 1 and now < 1, with a position', () => {
    const lfr = { kind: 'ratio', value: 0.8, band: 'adverse', profitUsd: 8, riskUsd: 10 } as const;
    const withPos = makeAnalysis({ position: longPosition(), lfr });
    expect(ids(activeConditions({ analysis: withPos, entryLfr: 1.6, settings: settings() }))).toEqual(['lfr-degraded']);
    // Already below 1 at entry: not a degradation "since entry".
    expect(activeConditions({ analysis: withPos, entryLfr: 0.9, settings: settings() })).toEqual([]);
    // No snapshot, or no position: nothing to compare with.
    expect(activeConditions({ analysis: withPos, entryLfr: null, settings: settings() })).toEqual([]);
    expect(activeConditions({ analysis: makeAnalysis({ lfr }), entryLfr: 1.6, settings: settings() })).toEqual([]);
    expect(activeConditions({ analysis: withPos, entryLfr: 1.6, settings: settings({ lfrDegraded: false }) })).toEqual([]);
  });

  it('stale-map and squeeze come from the engine signals and carry their reason', () => {
    const a = makeAnalysis({
      signals: [
        { kind: 'stale-map', severity: 'warn', exchange: 'bybit', dropPct: 18, windowHours: 4 },
        { kind: 'squeeze-setup', severity: 'warn', side: 'short', fundingPer8hPct: -0.05, totalUsd: 60e6, nearPct: 2, reference: 100_000 },
        { kind: 'thin-session', severity: 'info', weekend: false, fromUtcHour: 0, toUtcHour: 7 },
      ],
    });
    const out = activeConditions({ analysis: a, entryLfr: null, settings: settings() });
    expect(out.map((c) => [c.id, c.message])).toEqual([
      ['stale-map', 'Open interest on bybit fell 18.0 % within 4 h: positions were flushed and the map may show levels that no longer exist.'],
      ['squeeze', 'Funding -0.050 % per 8 h (shorts paying) with $60.0M of short liquidations within 2.0 % above 100,000.0: short squeeze setup.'],
    ]);
    expect(activeConditions({ analysis: a, entryLfr: null, settings: settings({ staleMap: false, squeeze: false }) })).toEqual([]);
  });
});

describe('a price that jumps through a cluster edge between two looks', () => {
  it('counts as reaching it, once: the next look (same price, new map) holds nothing', async () => {
    const { watchedEdges } = await import('../../src/alerts/conditions');
    // Before: price 100,000, nearest short cluster 101,000–101,500 (1 % away, outside 0.5 %).
    const before = makeAnalysis({ reference: 100_000 });
    const previous = { price: 100_000, edges: watchedEdges(before.clusters, 100_000) };
    expect(activeConditions({ analysis: before, entryLfr: null, settings: settings() })).toEqual([]);
    // After a +2 % step to 102,000 the crossed cluster is gone from the new map; the next short cluster
    // (103,000) is 0.98 % away and the long one 2.45 % below: only the crossing can tell.
    const after = makeAnalysis({
      reference: 102_000,
      clusters: [cluster('short', 103_000, 103_400, 2e7, 102_000), cluster('long', 99_000, 99_500, 2e7, 102_000)],
    });
    const now = activeConditions({ analysis: after, entryLfr: null, settings: settings(), previous });
    expect(now.map((c) => [c.id, c.message])).toEqual([
      // The default LFR of makeAnalysis is 60/35 = 1.714… → "1.71".
      ['cluster-edge:short', 'Price 100,000.0 → 102,000.0, through the short-liq. cluster 101,000.0–101,500.0 (est. $30.0M). LFR 1.71.'],
    ]);
    const next = { price: 102_000, edges: watchedEdges(after.clusters, 102_000) };
    expect(activeConditions({ analysis: after, entryLfr: null, settings: settings(), previous: next })).toEqual([]);
  });

  it('a fall through a long cluster below is the mirror', async () => {
    const { watchedEdges } = await import('../../src/alerts/conditions');
    const before = makeAnalysis({ reference: 100_000 });
    const previous = { price: 100_000, edges: watchedEdges(before.clusters, 100_000) };
    const after = makeAnalysis({ reference: 98_000, clusters: [cluster('long', 96_000, 96_500, 1e7, 98_000)] });
    expect(activeConditions({ analysis: after, entryLfr: null, settings: settings(), previous }).map((c) => c.id)).toEqual(['cluster-edge:long']);
  });
});

describe('what a phone notification says (issue 15: cluster, distance, LFR in about two lines)', () => {
  const PHONE_CHARS = 110; // two lines of a phone notification's body, about 50–55 characters each

  it('near a short cluster above: the price, the distance below it, its range and USD, and the LFR now', () => {
    // Price 100,600; cluster 101,000–101,500, $30M: (101,000 − 100,600) / 100,600 = 0.3976 % → "0.40 %".
    const [c] = activeConditions({ analysis: makeAnalysis({ reference: 100_600 }), entryLfr: null, settings: settings() });
    expect(c!.title).toBe('BTCUSDT: price near a cluster');
    expect(c!.message).toBe('Price 100,600.0, 0.40 % below the short-liq. cluster 101,000.0–101,500.0 (est. $30.0M). LFR 1.71.');
    expect(c!.message.length).toBeLessThanOrEqual(PHONE_CHARS);
  });

  it('near a long cluster below: the price is above it; an LFR that is a state is named, not a number', () => {
    // Price 99,400; cluster 98,500–99,000, $20M: (99,400 − 99,000) / 99,400 = 0.4024 % → "0.40 %".
    const lfr = { kind: 'no-risk-fuel', profitUsd: 60_000_000, riskUsd: 0 } as const;
    const [c] = activeConditions({ analysis: makeAnalysis({ reference: 99_400, lfr }), entryLfr: null, settings: settings() });
    expect(c!.id).toBe('cluster-edge:long');
    expect(c!.message).toBe('Price 99,400.0, 0.40 % above the long-liq. cluster 98,500.0–99,000.0 (est. $20.0M). LFR: no risk-side fuel.');
    expect(c!.message.length).toBeLessThanOrEqual(PHONE_CHARS);
  });

  it('inside a cluster: no distance, the range, USD and LFR', () => {
    const [c] = activeConditions({ analysis: makeAnalysis({ reference: 101_200 }), entryLfr: null, settings: settings() });
    expect(c!.message).toBe('Price 101,200.0 is inside the short-liq. cluster 101,000.0–101,500.0 (est. $30.0M). LFR 1.71.');
  });

  it('LFR degraded: the LFR now and at entry, short enough for a phone', () => {
    const lfr = { kind: 'ratio', value: 0.8, band: 'adverse', profitUsd: 8, riskUsd: 10 } as const;
    const [c] = activeConditions({ analysis: makeAnalysis({ position: longPosition(), lfr, reference: 100_000 }), entryLfr: 1.6, settings: settings() });
    expect(c!.title).toBe('BTCUSDT: LFR fell below 1.0');
    expect(c!.message).toBe('LFR is 0.80, down from 1.60 at entry: more fuel now sits on the risk side.');
    expect(c!.message.length).toBeLessThanOrEqual(PHONE_CHARS);
  });
});

describe('cascade under way (live stream)', () => {
  it('fires per side from the live flow cascades, names the band, the USD and the threshold; the switch turns it off', () => {
    const a = makeAnalysis({ reference: 100_000 });
    const i = a.clusters.findIndex((c) => c.side === 'long');
    const band = a.clusters[i]!;
    const live = {
      status: 'live' as const, exchanges: {}, markers: [], markerHours: 6, realisedUsd: [], realisedHours: 24, unpublished: {},
      flow: { depthRatios: [], spoofing: null, delta: [], cascades: [{ cluster: i, side: 'long' as const, realisedUsd: 3.2e6, thresholdUsd: 1e6, windowSec: 60 }] },
    };
    const got = activeConditions({ analysis: a, entryLfr: null, settings: settings({ clusterEdge: false }), live });
    expect(ids(got)).toEqual(['cascade:long']);
    expect(got[0]!.message).toContain('$3.20M of long positions liquidated in the last 60 s');
    expect(got[0]!.message).toContain(`est. `);
    expect(band.usd).toBeGreaterThan(0);
    expect(activeConditions({ analysis: a, entryLfr: null, settings: settings({ clusterEdge: false, cascade: false }), live })).toEqual([]);
    expect(activeConditions({ analysis: a, entryLfr: null, settings: settings({ clusterEdge: false }) })).toEqual([]);
  });
});
