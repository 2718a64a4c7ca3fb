// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analysisView } from '../../src/ui/view-model/analysis';
import { asymmetryView, ordinal } from '../../src/ui/view-model/asymmetry';
import { ladderRows } from '../../src/ui/view-model/ladder';
import { lfrView } from '../../src/ui/view-model/lfr';
import { sizingView, type SizingInput } from '../../src/ui/view-model/sizing';
import { stopView } from '../../src/ui/view-model/stop';
import { cluster, longPosition, makeAnalysis } from './make-analysis';

describe('view models', () => {
  it('LFR: text, band label, hook values; no analysis is the placeholder', () => {
    expect(lfrView({ kind: 'ratio', value: 60 / 35, band: 'favourable', profitUsd: 60, riskUsd: 35 })).toMatchObject({
      text: '1.71',
      band: 'favourable',
      label: 'favourable',
      ratio: String(60 / 35),
      value: String(60 / 35),
      state: 'favourable',
    });
    expect(lfrView({ kind: 'no-fuel' })).toMatchObject({ text: 'no fuel', band: null, ratio: '', value: 'no-fuel', state: 'no-fuel' });
    expect(lfrView(null)).toMatchObject({ text: '—', ratio: '', state: '' });
  });

  it('stop: texts and the own-liquidation warning; none carries its reason', () => {
    const s = stopView({ kind: 'stop', price: 98_105, distancePct: 1.895, bufferPct: 0.4, beyond: cluster('long', 98_500, 99_000, 1), liquidationBeforeStop: { liqPrice: 98_400, maxLeverage: 45 } });
    expect(s).toEqual({ kind: 'stop', price: 98_105, value: '98105', priceText: '98,105.0', distanceText: '1.90 %', bufferText: '0.4 %', liqWarning: 'Your liquidation (98,400.0) comes before the stop: use at most 45x.' });
    expect(stopView({ kind: 'none', code: 'no-risk-cluster', side: 'short', maxDistancePct: 10 })).toEqual({ kind: 'none', value: '', reason: 'No short-liquidation cluster within 10 % above the price to place a stop beyond.' });
  });

  it('asymmetry percentile is an ordinal (the popup said "42th")', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 42, 100].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '42nd', '100th']);
    const a = asymmetryView({ ratio: { kind: 'ratio', value: 0.8 }, longUsd: 8, shortUsd: 10, windowPct: 10, percentile: 41.6, fragile: 'no', referenceRatio: 2.5 });
    expect(a).toMatchObject({ ratio: '0.80', percentile: 42, percentileText: '42nd percentile', fragile: null, referenceText: '2.5' });
    expect(asymmetryView({ ratio: { kind: 'no-short-fuel' }, longUsd: 8, shortUsd: 0, windowPct: 10, fragile: 'long-heavy', referenceRatio: 2.5 })).toMatchObject({
      ratio: null,
      stateText: 'no short liquidations in range',
      fragile: 'long-heavy',
    });
  });

  it('analysis: cluster rows, captions and the position, from the engine numbers', () => {
    const v = analysisView(makeAnalysis({ position: longPosition() }));
    expect(v.clusters.profit[0]).toEqual({ low: '101000', high: '101500', usd: '30000000', rangeText: '101,000.0–101,500.0', distanceText: '+1.25 %', usdText: '$30.0M' });
    expect([v.profitCaption, v.riskCaption]).toEqual(['short liquidations above', 'long liquidations below']);
    expect(v.position).toMatchObject({ sideText: 'Long', leverageText: '10x', liqText: '90,361.5' });
    // A tiny size reads as a decimal, not as the raw number's "1e-7".
    expect(analysisView(makeAnalysis({ position: { ...longPosition(), size: 1e-7 } })).position?.sizeText).toBe('0.0000001');
    expect(v.lfrTitle).toMatch(/3 nearest clusters each way/);
  });

  it('ladder: bands, marks and reference highest first', () => {
    const rows = ladderRows(
      [{ key: 'band-long-0', side: 'long', low: 98_000, high: 98_500, usd: 2e6 }, { key: 'band-short-0', side: 'short', low: 101_000, high: 101_500, usd: 3e7 }],
      [{ key: 'stop', price: 97_500, colour: '#f5a300', label: 'Suggested stop 97,500.0' }],
      100_000,
    );
    expect(rows.map((r) => (r.kind === 'band' ? r.rangeText : r.text))).toEqual(['101,000.0–101,500.0', '▶ 100,000.0 reference', '98,000.0–98,500.0', '— Suggested stop 97,500.0']);
    expect(rows[0]).toMatchObject({ kind: 'band', usdText: '$30.0M', low: '101000', usdValue: '30000000' });
  });

  it('sizing: the repeated own-liquidation warning is dropped by its code, not by matching its words', () => {
    const input: SizingInput = {
      symbol: 'BTCUSDT',
      stop: { kind: 'stop', price: 98_105, distancePct: 1.895, bufferPct: 0.4, beyond: cluster('long', 98_500, 99_000, 1), liquidationBeforeStop: { liqPrice: 98_400, maxLeverage: 45 } },
      sizing: {
        kind: 'size',
        riskUsd: 100,
        notionalUsd: 5_025.13,
        sizeCoin: 0.0502513,
        marginUsd: 100.5,
        leverage: 50,
        maxLeverage: 45,
        stopDistancePct: 1.895,
        warnings: [{ code: 'liquidation-before-stop', leverage: 50, maxLeverage: 45 }, { code: 'leverage-capped', requested: 60, used: 50 }],
      },
      lfr: { kind: 'ratio', value: 0.7, band: 'adverse', profitUsd: 7, riskUsd: 10 },
    };
    const v = sizingView(input);
    expect(v.warnings).toEqual([
      'Your liquidation (98,400.0) comes before the stop: use at most 45x.',
      '60x exceeds the exchange maximum; sized at 50x.',
      'LFR 0.70 < 1: more liquidation fuel on the risk side than on the profit side.',
    ]);
    expect(v.size?.size).toEqual({ value: '0.0502513', text: '0.050251 BTC', copy: '0.050251' });
    expect(v.stopText).toBe('98,105.0 (1.90 % from entry, 0.4 % beyond the cluster)');
    // Without the stop's own warning, the sizing's is kept.
    const plain = sizingView({ ...input, stop: { ...input.stop, liquidationBeforeStop: undefined } as SizingInput['stop'] });
    expect(plain.warnings[0]).toBe('At 50x the liquidation comes before the stop; use at most 45x.');
    expect(sizingView({ ...input, sizing: { kind: 'none', code: 'no-account' } }).noSizeText).toBe('No account size and risk % set.');
  });
});

describe('view models never show NaN or Infinity', () => {
  it('for any numbers the engine could send (JSON turns NaN/Infinity into null)', async () => {
    const fc = (await import('fast-check')).default;
    const n = fc.oneof(fc.double(), fc.constant(null as unknown as number));
    fc.assert(
      fc.property(n, n, n, n, n, (low, high, usd, ref, pct) => {
        const c = { ...cluster('short', low, high, usd), centre: (low + high) / 2, distancePct: pct };
        const a = makeAnalysis({ reference: ref, clusters: [c], lfr: { kind: 'ratio', value: usd, band: 'neutral', profitUsd: usd, riskUsd: usd } });
        const v = analysisView({
          ...a,
          nearest: { profit: [c], risk: [] },
          stop: { kind: 'stop', price: low, distancePct: pct, bufferPct: pct, beyond: c, liquidationBeforeStop: { liqPrice: high, maxLeverage: usd } },
          signals: [
            { kind: 'squeeze-setup', severity: 'warn', side: 'short', fundingPer8hPct: pct, totalUsd: usd, nearPct: pct, reference: ref },
            { kind: 'adverse-lfr', severity: 'warn', value: usd, threshold: 1, profitUsd: usd, riskUsd: usd },
            { kind: 'macro-event', severity: 'warn', label: 'CPI', hoursAway: pct },
          ],
        });
        // Every string a view shows or puts in a hook; numbers kept for geometry are not text.
        const strings: string[] = [];
        const walk = (x: unknown): void => {
          if (typeof x === 'string') strings.push(x);
          else if (x && typeof x === 'object') Object.values(x).forEach(walk);
        };
        walk([v, ladderRows([{ key: 'b', side: 'long', low, high, usd }], [], ref)]);
        for (const t of strings) expect(t).not.toMatch(/NaN|Infinity|undefined|null|\de[+-]?\d/);
      }),
    );
  });
});
