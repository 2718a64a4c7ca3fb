// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { adverseFuelSignals, fundingPer8hPct, macroSignals, ownLiquidationSignals, squeezeSignals, staleMapSignals, thinSessionSignals } from '../../src/engine/signals';
import { cluster } from './helpers';
import { syntheticSeries } from './synthetic';

const cfg = DEFAULT_CONFIG;
const H = 3_600_000;
const now = Date.UTC(2026, 0, 7, 12); // a Wednesday, 12:00 UTC

describe('signals', () => {
  it('stale map: OI 100 → 84 within 4 h is a 16 % drop > 15 % and names the exchange', () => {
    const s = { ...syntheticSeries({ bars: 1, exchange: 'bybit' }), openInterest: [{ t: now - 3 * H, coin: 100, usd: 1 }, { t: now - H, coin: 84, usd: 1 }] };
    const [sig] = staleMapSignals([s], now, cfg);
    expect(sig).toMatchObject({ kind: 'stale-map', severity: 'warn' });
    expect(sig).toMatchObject({ exchange: 'bybit', windowHours: 4 });
    expect(sig?.kind === 'stale-map' && sig.dropPct).toBeCloseTo(16, 9);
    // 14 % is not enough, and a drop older than 4 h is forgotten
    expect(staleMapSignals([{ ...s, openInterest: [{ t: now - 3 * H, coin: 100, usd: 1 }, { t: now, coin: 86, usd: 1 }] }], now, cfg)).toEqual([]);
    expect(staleMapSignals([{ ...s, openInterest: [{ t: now - 6 * H, coin: 100, usd: 1 }, { t: now - 5 * H, coin: 50, usd: 1 }] }], now, cfg)).toEqual([]);
  });

  it('squeeze setup: funding −0.05 %/8 h (shorts paying) with a short cluster 1 % above', () => {
    const s = { ...syntheticSeries({ bars: 1 }), funding: { rate: -0.0005, intervalHours: 8, nextTime: now } };
    expect(fundingPer8hPct([s])).toBeCloseTo(-0.05, 12);
    const near = cluster('short', 100_900, 101_100, 25e6);
    const [sig] = squeezeSignals([s], [near], 100_000, cfg);
    expect(sig).toMatchObject({ kind: 'squeeze-setup', side: 'short', totalUsd: 25e6, nearPct: 2, reference: 100_000 });
    expect(sig?.kind === 'squeeze-setup' && sig.fundingPer8hPct).toBeCloseTo(-0.05, 12);
    // funding per 4 h interval is normalised: −0.0001 per 4 h = −0.02 %/8 h < 0.03 → nothing
    expect(squeezeSignals([{ ...s, funding: { rate: -0.0001, intervalHours: 4, nextTime: now } }], [near], 100_000, cfg)).toEqual([]);
    // mirrored: positive funding needs a long cluster near below
    expect(squeezeSignals([{ ...s, funding: { rate: 0.0005, intervalHours: 8, nextTime: now } }], [near], 100_000, cfg)).toEqual([]);
  });

  it('thin session in the Asian hours and at weekends, not on a weekday afternoon', () => {
    expect(thinSessionSignals(now, cfg)).toEqual([]);
    expect(thinSessionSignals(Date.UTC(2026, 0, 7, 3), cfg)).toEqual([{ kind: 'thin-session', severity: 'info', weekend: false, fromUtcHour: 0, toUtcHour: 7 }]);
    expect(thinSessionSignals(Date.UTC(2026, 0, 10, 15), cfg)[0]).toMatchObject({ weekend: true });
  });

  it('macro events within 24 h ahead or 2 h behind, each saying when', () => {
    const sigs = macroSignals([{ t: now + 3.5 * H, label: 'CPI' }, { t: now + 30 * H, label: 'FOMC' }, { t: now - H, label: 'NFP' }], now, cfg);
    expect(sigs).toEqual([
      { kind: 'macro-event', severity: 'warn', label: 'NFP', hoursAway: -1 },
      { kind: 'macro-event', severity: 'warn', label: 'CPI', hoursAway: 3.5 },
    ]);
  });

  it('own liquidation before the stop and adverse LFR say why', () => {
    const stop = { kind: 'stop' as const, price: 98_106, distancePct: 1.9, bufferPct: 0.4, beyond: cluster('long', 98_500, 98_900, 1), liquidationBeforeStop: { liqPrice: 98_393.57, maxLeverage: 43 } };
    expect(ownLiquidationSignals(stop)).toEqual([{ kind: 'own-liq-before-stop', severity: 'warn', liqPrice: 98_393.57, stopPrice: 98_106, maxLeverage: 43 }]);
    expect(adverseFuelSignals({ kind: 'ratio', value: 0.72, band: 'adverse', profitUsd: 72e6, riskUsd: 100e6 })).toEqual([
      { kind: 'adverse-lfr', severity: 'warn', value: 0.72, threshold: 1, profitUsd: 72e6, riskUsd: 100e6 },
    ]);
    expect(adverseFuelSignals({ kind: 'no-fuel' })).toEqual([]);
  });
});
