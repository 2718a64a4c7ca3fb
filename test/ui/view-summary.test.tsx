import { describe, expect, it } from 'vitest';
import type { MarketView } from '../../src/messaging';
import { ViewSummary } from '../../src/ui/ViewSummary';
import { longPosition, makeAnalysis } from './make-analysis';
import { mount } from './mount';

const NOW = 1_700_000_060_000;
const view = (o: Partial<MarketView> = {}): MarketView => ({
  exchange: 'binance',
  symbol: 'BTCUSDT',
  state: 'ok',
  analysis: makeAnalysis(),
  health: { binance: { state: 'ok', fetchedAt: NOW - 12_000 }, bybit: { state: 'ok', fetchedAt: NOW - 70_000 } },
  asOf: NOW - 60_000,
  ...o,
});
const q = (el: HTMLElement, id: string) => el.querySelector(`[data-testid=${id}]`);

describe('<ViewSummary> (popup body)', () => {
  it('shows the engine LFR with its band and the exact value for machines', () => {
    const el = mount(<ViewSummary view={view()} now={NOW} />);
    const lfr = q(el, 'popup-lfr')!;
    // 60M / 35M = 1.714…
    expect(lfr.getAttribute('data-value')).toBe(String(60 / 35));
    expect(lfr.getAttribute('data-band')).toBe('favourable');
    expect(lfr.textContent).toMatch(/1\.71/);
    expect(lfr.textContent).toMatch(/favourable/);
  });

  it('lists the three nearest clusters each side with distance and USD, and the stop', () => {
    const el = mount(<ViewSummary view={view()} now={NOW} />);
    expect(el.querySelectorAll('[data-testid^=popup-cluster-profit-]').length).toBe(3);
    expect(el.querySelectorAll('[data-testid^=popup-cluster-risk-]').length).toBe(3);
    const first = q(el, 'popup-cluster-profit-0')!;
    // Centre 101,250 vs 100,000 → +1.25 %; $30M.
    expect(first.textContent).toContain('+1.25 %');
    expect(first.textContent).toContain('$30.0M');
    expect(q(el, 'popup-stop')!.getAttribute('data-value')).toBe('98105');
    expect(q(el, 'popup-asymmetry')!.textContent).toMatch(/0\.80 long:short/);
  });

  it('shows per-exchange freshness and the data age', () => {
    const el = mount(<ViewSummary view={view()} now={NOW} />);
    expect(q(el, 'popup-health-binance')!.textContent).toContain('12 s ago');
    expect(q(el, 'popup-health-bybit')!.textContent).toContain('1 min ago');
    expect(q(el, 'popup-state')!.textContent).toContain('1 min old');
  });

  it('loading shows progress over exchanges; no NaN anywhere', () => {
    const el = mount(
      <ViewSummary view={view({ state: 'loading', analysis: null, asOf: null, health: { binance: { state: 'ok' }, okx: { state: 'loading' }, bybit: { state: 'loading' } } })} now={NOW} />,
    );
    expect(q(el, 'popup-state')!.getAttribute('data-state')).toBe('loading');
    expect(q(el, 'popup-state')!.textContent).toContain('1 of 3 exchanges');
    expect((q(el, 'popup-progress') as HTMLProgressElement).getAttribute('value')).toBe('1');
    expect(el.innerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('partial, stale and error carry their reason, and a stale view keeps the last map', () => {
    const partial = mount(<ViewSummary view={view({ state: 'partial', reason: 'okx: HTTP 429, retrying in 30 s' })} now={NOW} />);
    expect(q(partial, 'popup-state')!.textContent).toMatch(/^Partial map: okx: HTTP 429/);
    const stale = mount(<ViewSummary view={view({ state: 'stale', reason: 'all exchanges failed' })} now={NOW} />);
    expect(q(stale, 'popup-state')!.getAttribute('data-state')).toBe('stale');
    expect(q(stale, 'popup-lfr')).not.toBeNull();
    const err = mount(<ViewSummary view={view({ state: 'error', reason: 'binance: /fapi/v1/klines: malformed JSON', analysis: null })} now={NOW} />);
    expect(q(err, 'popup-state')!.textContent).toMatch(/Error: binance: \/fapi\/v1\/klines: malformed JSON/);
    expect(q(err, 'popup-lfr')).toBeNull();
  });

  it('no risk-side fuel is a named state, never Infinity', () => {
    const a = makeAnalysis({ lfr: { kind: 'no-risk-fuel', profitUsd: 5e6 } });
    const el = mount(<ViewSummary view={view({ analysis: a })} now={NOW} />);
    expect(q(el, 'popup-lfr')!.getAttribute('data-value')).toBe('no-risk-fuel');
    expect(q(el, 'popup-lfr')!.textContent).toContain('no risk-side fuel');
  });

  it('with a position: shows it, marks its liquidation on the map, and the entry-time LFR', () => {
    const el = mount(<ViewSummary view={view({ analysis: makeAnalysis({ position: longPosition() }), entryLfr: 1.9 })} now={NOW} />);
    expect(q(el, 'popup-position')!.textContent).toContain('liq 90,361.5'); // 90,361.45 to one decimal: the decimal read on the page rounds half up
    expect(q(el, 'popup-lfr')!.textContent).toContain('at entry 1.90');
    expect(q(el, 'minimap-entry')).not.toBeNull();
  });
});
