// @vitest-environment node
// The sentences the engine's codes become. The inputs are the engine's own outputs from the cases in
// test/engine/signals.test.ts, so wording and numbers are checked together.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { adverseFuelSignals, macroSignals, ownLiquidationSignals, squeezeSignals, staleMapSignals, thinSessionSignals } from '../../src/engine/signals';
import { sizePosition } from '../../src/engine/sizing';
import { suggestStop } from '../../src/engine/stop';
import { signalText, sizingNoneText, sizingWarningText, stopNoneText } from '../../src/ui/messages';
import { cluster } from '../engine/helpers';
import { syntheticSeries } from '../engine/synthetic';

const cfg = DEFAULT_CONFIG;
const H = 3_600_000;
const now = Date.UTC(2026, 0, 7, 12); // a Wednesday, 12:00 UTC

describe('signal sentences', () => {
  it('stale map names the exchange, the drop and the window', () => {
    const s = { ...syntheticSeries({ bars: 1, exchange: 'bybit' }), openInterest: [{ t: now - 3 * H, coin: 100, usd: 1 }, { t: now - H, coin: 84, usd: 1 }] };
    expect(signalText(staleMapSignals([s], now, cfg)[0]!)).toMatch(/bybit fell 16\.0 % within 4 h/);
  });

  it('squeeze setup says who pays and how much sits how near', () => {
    const s = { ...syntheticSeries({ bars: 1 }), funding: { rate: -0.0005, intervalHours: 8, nextTime: now } };
    const [sig] = squeezeSignals([s], [cluster('short', 100_900, 101_100, 25e6)], 100_000, cfg);
    expect(signalText(sig!)).toMatch(/shorts paying.*\$25\.0M of short liquidations within 2\.0 % above 100,000\.0/);
  });

  it('thin session and macro events say when', () => {
    expect(signalText(thinSessionSignals(Date.UTC(2026, 0, 7, 3), cfg)[0]!)).toMatch(/Asian session \(0–7 UTC\)/);
    expect(signalText(thinSessionSignals(Date.UTC(2026, 0, 10, 15), cfg)[0]!)).toMatch(/weekend/);
    const sigs = macroSignals([{ t: now + 3.5 * H, label: 'CPI' }, { t: now + 30 * H, label: 'FOMC' }, { t: now - H, label: 'NFP' }], now, cfg);
    expect(sigs.map(signalText)).toEqual([
      'NFP 1.0 h ago: expect sharp moves that can sweep clusters on both sides.',
      'CPI in 3.5 h: expect sharp moves that can sweep clusters on both sides.',
    ]);
  });

  it('own liquidation before the stop and adverse LFR say why, with the configured limit', () => {
    const stop = { kind: 'stop' as const, price: 98_106, distancePct: 1.9, bufferPct: 0.4, beyond: cluster('long', 98_500, 98_900, 1), liquidationBeforeStop: { liqPrice: 98_393.57, maxLeverage: 43 } };
    expect(signalText(ownLiquidationSignals(stop)[0]!)).toMatch(/98,393\.6 comes before the suggested stop at 98,106\.0: lower leverage to 43x/);
    const lfr = { kind: 'ratio' as const, value: 0.72, band: 'adverse' as const, profitUsd: 72e6, riskUsd: 100e6 };
    expect(signalText(adverseFuelSignals(lfr)[0]!)).toBe('LFR 0.72 < 1.0: more liquidation fuel against the position ($100M) than for it ($72.0M).');
    expect(signalText(adverseFuelSignals(lfr, { lfrNeutralFrom: 1.2 })[0]!)).toMatch(/LFR 0\.72 < 1\.2/);
  });
});

describe('sizing and stop reasons', () => {
  const base = { side: 'long' as const, entry: 100_000, stop: 98_000, accountUsd: 10_000, riskPct: 1, leverage: 5, maintenanceRate: 0.004, maxLeverageCap: 125, takerFeePct: 0.05 };

  it('each sizing warning code has its sentence', () => {
    const reduced = sizePosition({ ...base, stop: 99_700, leverage: 1 });
    expect(reduced.kind === 'size' && reduced.warnings.map(sizingWarningText)).toEqual(['The risk budget needs more margin than the account holds at 1x; size reduced to fit.']);
    const tooHigh = sizePosition({ ...base, leverage: 50 });
    expect(tooHigh.kind === 'size' && tooHigh.warnings.map(sizingWarningText)).toEqual(['At 50x the liquidation comes before the stop; use at most 41x.']);
    expect(sizingWarningText({ code: 'leverage-capped', requested: 150, used: 125 })).toBe('150x exceeds the exchange maximum; sized at 125x.');
  });

  it('no stop and no size say why', () => {
    const none = suggestStop('long', 100_000, [], cfg);
    expect(none.kind === 'none' && stopNoneText(none)).toBe('No long-liquidation cluster within 10 % below the price to place a stop beyond.');
    expect(sizingNoneText({ kind: 'none', code: 'no-account' })).toBe('No account size and risk % set.');
    const wrong = sizePosition({ ...base, stop: 101_000 });
    expect(wrong.kind === 'none' && sizingNoneText(wrong)).toBe('The stop 101,000.0 is not on the loss side of the entry 100,000.0 for a long.');
  });
});
