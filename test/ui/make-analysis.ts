// A small hand-made Analysis for UI and alert tests. Numbers are chosen to be easy to check by hand;
// they are test inputs, never shown as real data.
import type { Analysis, Cluster, LiquidationMap, MapBin, Position } from '../../src/engine/types';

export function cluster(side: Cluster['side'], low: number, high: number, usd: number, reference = 100_000): Cluster {
  const centre = (low + high) / 2;
  return {
    side,
    low,
    high,
    centre,
    usd,
    tierMix: [{ leverage: 10, usd: usd * 0.6 }, { leverage: 25, usd: usd * 0.4 }],
    distancePct: ((centre - reference) / reference) * 100,
    cumulativeUsd: usd,
  };
}

/** Bins every 500 from 95,000 to 105,000: long USD below 100,000, short USD above, split over 5 tiers. */
export function makeMap(reference = 100_000): LiquidationMap {
  const bins: MapBin[] = [];
  for (let p = 95_000; p <= 105_000; p += 500) {
    const d = Math.abs(p - reference);
    const usd = d === 0 ? 0 : 1_000_000 + (d % 2000) * 1000;
    const longUsd = p < reference ? usd : 0;
    const shortUsd = p > reference ? usd : 0;
    const split = (x: number) => [0.15, 0.3, 0.25, 0.2, 0.1].map((w) => x * w);
    bins.push({ price: p, longUsd, shortUsd, longByTier: split(longUsd), shortByTier: split(shortUsd) });
  }
  return { symbol: 'BTCUSDT', reference, binWidth: 500, tiers: [5, 10, 25, 50, 100], bins, perExchange: {}, asOf: 1_700_000_000_000 };
}

export interface AnalysisOpts {
  reference?: number;
  clusters?: Cluster[];
  position?: Position | null;
  lfr?: Analysis['lfr'];
  signals?: Analysis['signals'];
}

export function makeAnalysis(o: AnalysisOpts = {}): Analysis {
  const reference = o.reference ?? 100_000;
  const clusters = o.clusters ?? [
    cluster('short', 101_000, 101_500, 30_000_000, reference),
    cluster('short', 103_000, 103_400, 20_000_000, reference),
    cluster('short', 106_000, 106_500, 10_000_000, reference),
    cluster('long', 98_500, 99_000, 20_000_000, reference),
    cluster('long', 96_000, 96_500, 10_000_000, reference),
    cluster('long', 93_000, 93_500, 5_000_000, reference),
  ];
  const short = clusters.filter((c) => c.side === 'short');
  const long = clusters.filter((c) => c.side === 'long');
  const map = makeMap(reference);
  const position = o.position ?? null;
  return {
    symbol: 'BTCUSDT',
    side: position?.side ?? 'long',
    planned: !position,
    reference,
    referenceKind: 'mark',
    position,
    map,
    clusters,
    nearest: { profit: short, risk: long },
    lfr: o.lfr ?? { kind: 'ratio', value: 60 / 35, band: 'favourable', profitUsd: 60_000_000, riskUsd: 35_000_000 },
    stop: {
      kind: 'stop',
      price: 98_105,
      distancePct: 1.895,
      bufferPct: 0.4,
      beyond: long[0]!,
    },
    sizing: { kind: 'none', code: 'no-account' },
    asymmetry: { ratio: { kind: 'ratio', value: 0.8 }, longUsd: 35e6, shortUsd: 60e6, windowPct: 10, fragile: 'no', referenceRatio: 2.5, percentile: 40 },
    cascades: [],
    signals: o.signals ?? [],
    partial: false,
  };
}

export function longPosition(entry = 100_000): Position {
  return { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry, size: 0.1, leverage: 10, marginMode: 'isolated', liqPrice: 90_361.45, source: 'page' };
}
