// data-* hooks are read by tests and tools as plain decimals: never "1.5e-7" (docs/design.md §10: hooks are plain
// decimals, empty when undefined). Sub-cent coins (SATS, PEPE on OKX/Bitget) produce such numbers.
import { describe, expect, it } from 'vitest';
import type { MarketView } from '../../src/messaging';
import { lfrDataValue } from '../../src/ui/fuel';
import { ViewSummary } from '../../src/ui/ViewSummary';
import { cluster, makeAnalysis } from './make-analysis';
import { mount } from './mount';

const NOW = 1_700_000_060_000;
const REF = 2e-7;

function tinyView(): MarketView {
  const a = makeAnalysis({
    reference: REF,
    clusters: [cluster('short', 2.1e-7, 2.2e-7, 3e6, REF), cluster('long', 1.8e-7, 1.9e-7, 2e6, REF)],
    lfr: { kind: 'ratio', value: 1.5e-7, band: 'adverse', profitUsd: 3, riskUsd: 2e7 },
  });
  a.stop = { kind: 'stop', price: 1.75e-7, distancePct: 12.5, bufferPct: 0.4, beyond: a.clusters[1]! };
  return { exchange: 'okx', symbol: 'SATSUSDT', state: 'ok', analysis: a, health: { okx: { state: 'ok', fetchedAt: NOW } }, asOf: NOW };
}

describe('popup data-* hooks for sub-cent prices', () => {
  it('carry plain decimals (no exponent) for clusters, stop, LFR and mini-map marks', () => {
    const el = mount(<ViewSummary view={tinyView()} now={NOW} />);
    const profit = el.querySelector('[data-testid=popup-cluster-profit-0]')!;
    expect(profit.getAttribute('data-low')).toBe('0.00000021');
    expect(profit.getAttribute('data-high')).toBe('0.00000022');
    expect(el.querySelector('[data-testid=popup-stop]')!.getAttribute('data-value')).toBe('0.000000175');
    expect(el.querySelector('[data-testid=popup-lfr]')!.getAttribute('data-value')).toBe('0.00000015');
    expect(el.querySelector('[data-testid=minimap-ref]')!.getAttribute('data-value')).toBe('0.0000002');
    // Nothing anywhere in a data-* attribute is written with an exponent.
    for (const node of el.querySelectorAll('*')) {
      for (const attr of node.getAttributeNames()) {
        if (attr.startsWith('data-')) expect(node.getAttribute(attr), `${attr}`).not.toMatch(/\de[+-]?\d/i);
      }
    }
  });

  it('lfrDataValue keeps the state name for non-ratio LFRs', () => {
    expect(lfrDataValue({ kind: 'no-fuel' } as never)).toBe('no-fuel');
  });
});

describe('sizing dialog data-* hooks for sub-cent prices', () => {
  it('prefill and results are plain decimals', async () => {
    const { SizingDialog } = await import('../../src/ui/SizingDialog');
    const { flush } = await import('./mount');
    const request = async (req: { side: 'long' | 'short'; entry: number; leverage: number }) =>
      ({
        kind: 'ok',
        exchange: 'okx',
        symbol: 'SATSUSDT',
        side: req.side,
        entry: req.entry,
        leverage: req.leverage,
        accountUsd: 10_000,
        riskPct: 1,
        mark: 2e-7,
        stop: { kind: 'stop', price: 1.75e-7, distancePct: 12.5, bufferPct: 0.4, beyond: cluster('long', 1.8e-7, 1.9e-7, 2e6, REF) },
        // Numbers chosen by hand for the hooks only: 100 USD risk at 12.5 % → 800 USD notional = 4e9 SATS at 2e-7.
        sizing: { kind: 'size', riskUsd: 100, notionalUsd: 800, sizeCoin: 4e9, marginUsd: 80, leverage: req.leverage, maxLeverage: 7, stopDistancePct: 12.5, warnings: [] },
        lfr: { kind: 'ratio', value: 1.5e-7, band: 'adverse', profitUsd: 3, riskUsd: 2e7 },
        partial: false,
        asOf: 0,
      }) as never;
    const el = mount(<SizingDialog initialEntry={2e-7} request={request} onClose={() => {}} debounceMs={0} />);
    await new Promise((r) => setTimeout(r, 5));
    await flush();
    expect((el.querySelector('#ll-sizing-entry, [data-testid=sizing-entry]') as HTMLInputElement).value).toBe('0.0000002');
    expect(el.querySelector('[data-testid=sizing-stop]')!.getAttribute('data-value')).toBe('0.000000175');
    expect(el.querySelector('[data-testid=sizing-lfr]')!.getAttribute('data-value')).toBe('0.00000015');
    expect(el.querySelector('[data-testid=sizing-stop]')!.textContent).toContain('0.0000001750');
  });
});
