/** A small hand-made Analysis for overlay tests (numbers chosen to check by hand, not from the engine). */
import type { Analysis, Cluster } from '../../src/engine/types';

export const cluster = (side: 'long' | 'short', low: number, high: number, usd: number, distancePct: number): Cluster => ({
  side,
  low,
  high,
  centre: (low + high) / 2,
  usd,
  tierMix: [
    { leverage: 10, usd: usd / 2 },
    { leverage: 50, usd: usd / 2 },
  ],
  distancePct,
  cumulativeUsd: usd,
});

export function analysis(over: Partial<Analysis> = {}): Analysis {
  const long = cluster('long', 95_000, 95_500, 30e6, -2.3);
  const short = cluster('short', 99_000, 99_400, 60e6, 1.9);
  return {
    symbol: 'BTCUSDT',
    side: 'long',
    planned: false,
    reference: 97_200,
    referenceKind: 'mark',
    position: null,
    map: { symbol: 'BTCUSDT', reference: 97_200, binWidth: 48.6, tiers: [5, 10, 25, 50, 100], bins: [], perExchange: {}, asOf: 0 },
    clusters: [long, short],
    nearest: { profit: [short], risk: [long] },
    lfr: { kind: 'ratio', value: 2, band: 'favourable', profitUsd: 60e6, riskUsd: 30e6 },
    stop: { kind: 'stop', price: 94_620, distancePct: 2.654, bufferPct: 0.4, beyond: long },
    sizing: { kind: 'none', code: 'no-account' },
    asymmetry: { ratio: { kind: 'ratio', value: 0.5 }, longUsd: 30e6, shortUsd: 60e6, windowPct: 10, fragile: 'no', referenceRatio: 2.5 },
    cascades: [],
    signals: [{ kind: 'squeeze-setup', severity: 'warn', side: 'short', fundingPer8hPct: -0.05, totalUsd: 60e6, nearPct: 1.9, reference: 97_200 }],
    partial: false,
    ...over,
  };
}
