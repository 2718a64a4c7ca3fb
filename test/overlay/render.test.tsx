import { describe, expect, it, vi } from 'vitest';
import { mountOverlay } from '../../src/overlay/render';
import { makeScale } from '../../src/overlay/scale';
import { createStore, initialOverlayState, type OverlayState } from '../../src/overlay/store';
import { analysis } from './fixtures';

function setup(over: Partial<OverlayState> = {}) {
  const store = createStore<OverlayState>({
    ...initialOverlayState('bybit', 'BTCUSDT', 0),
    health: 'page: table by header text',
    view: { exchange: 'bybit', symbol: 'BTCUSDT', state: 'ok', analysis: analysis(), health: {}, asOf: Date.now(), entryLfr: 1.25 },
    tier: 'pixel',
    tierReason: 'test',
    // 94,000…100,000 over 600 px from y = 0: 1 px = $10.
    scale: makeScale({ from: 94_000, to: 100_000, mode: 'linear', inverted: false, pane: { left: 0, top: 0, width: 800, height: 600 } }),
    now: Date.now(),
    ...over,
  });
  const container = document.createElement('div');
  document.body.append(container);
  const onOverlayChange = vi.fn();
  const mounted = mountOverlay(container, store, { onOverlayChange });
  const q = (sel: string) => container.querySelector(sel) as HTMLElement | null;
  return { store, container, q, onOverlayChange, mounted };
}

describe('overlay hooks', () => {
  it('shows symbol, LFR, entry LFR, stop, status and "no position"', () => {
    const { q } = setup();
    expect(q('[data-testid=liqlens-symbol]')?.textContent).toBe('BTCUSDT');
    expect(q('[data-testid=liqlens-lfr]')?.dataset.value).toBe('2');
    expect(q('[data-testid=liqlens-lfr]')?.textContent).toBe('LFR 2.00');
    expect(q('[data-testid=liqlens-entry-lfr]')?.dataset.value).toBe('1.25');
    expect(q('[data-testid=liqlens-stop]')?.dataset.price).toBe('94620');
    expect(q('[data-testid=liqlens-status]')?.dataset.state).toBe('ok');
    const pos = q('[data-testid=liqlens-position]')!;
    expect([pos.dataset.side, pos.dataset.source, pos.dataset.entry]).toEqual(['none', 'none', '']);
    expect(q('[data-testid=liqlens-health]')?.textContent).toBe('page: table by header text');
  });

  it('shows the position as plain decimals', () => {
    const { q } = setup({
      position: { exchange: 'bybit', symbol: 'BTCUSDT', side: 'short', entry: 97_100.5, size: 0.25, leverage: 20, marginMode: 'isolated', liqPrice: 101_000, source: 'manual' },
      positionSource: 'manual',
    });
    const d = q('[data-testid=liqlens-position]')!.dataset;
    expect([d.side, d.entry, d.size, d.leverage, d.liq, d.source]).toEqual(['short', '97100.5', '0.25', '20', '101000', 'manual']);
  });

  it('a position the page shows but that could not be used: the reason in one line, never "No position", and a way to the form', () => {
    const reason = 'okx: size is shown in contracts ("15 Cont"), their BTC value not known: enter it in BTC by hand';
    const { q } = setup({
      health: `position not used: ${reason}`,
      positionState: { exchange: 'okx', symbol: 'BTCUSDT', position: null, source: 'none', health: `position not used: ${reason}`, pageRead: 'invalid', reason, draft: { side: 'long', entry: 96800 } },
    });
    const pos = q('[data-testid=liqlens-position]')!;
    expect(pos.dataset.side).toBe('none');
    expect(pos.textContent).not.toMatch(/No position/);
    expect(q('[data-testid=liqlens-position-unread]')!.textContent).toBe(`Position on the page not used: ${reason} enter it`);
    const details = q('details.ll-details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    q('[data-testid=liqlens-position-enter]')!.click();
    expect(details.open).toBe(true);
  });

  it('draws one band per cluster in view at the scale’s pixels (1 px = $10)', () => {
    const { container } = setup();
    const bands = [...container.querySelectorAll<HTMLElement>('[data-testid=liqlens-band]')];
    expect(bands.map((b) => [b.dataset.side, b.dataset.low, b.dataset.high, b.dataset.usd])).toEqual([
      ['long', '95000', '95500', '30000000'],
      ['short', '99000', '99400', '60000000'],
    ]);
    // 95,500 is 450 px below 100,000; the band is 500 USD = 50 px tall.
    expect([bands[0]!.style.top, bands[0]!.style.height]).toEqual(['450px', '50px']);
    expect([bands[1]!.style.top, bands[1]!.style.height]).toEqual(['60px', '40px']);
  });

  it('re-renders the layer on a scale change without touching the panel', () => {
    const { store, container, q } = setup();
    const panel = q('[data-testid=liqlens-panel]');
    store.set({ scale: makeScale({ from: 94_000, to: 100_000, mode: 'linear', inverted: false, pane: { left: 0, top: 100, width: 800, height: 600 } }) });
    expect(container.querySelector<HTMLElement>('[data-testid=liqlens-band]')!.style.top).toBe('450px');
    expect(container.querySelector<HTMLElement>('[data-testid=liqlens-layer]')!.style.top).toBe('100px');
    expect(q('[data-testid=liqlens-panel]')).toBe(panel);
  });

  it('shows the bad states with their reason', () => {
    const { store, q } = setup();
    store.set({ view: { exchange: 'bybit', symbol: 'BTCUSDT', state: 'error', reason: 'HTTP 500 from every exchange', analysis: null, health: {}, asOf: null } });
    expect(q('[data-testid=liqlens-status]')?.dataset.state).toBe('error');
    expect(q('[data-testid=liqlens-status]')?.textContent).toBe('HTTP 500 from every exchange');
    expect(q('[data-testid=liqlens-lfr]')?.dataset.value).toBe('');
    expect(q('[data-testid=liqlens-band]')).toBeNull();
  });

  it('hides every band with one toggle and asks to save the choice', () => {
    const { store, q, onOverlayChange } = setup();
    const toggle = () => q('[data-testid=liqlens-toggle]')!;
    // Keyboard and screen readers: a real button whose name is the action and whose state is the body shown.
    expect(toggle().getAttribute('type')).toBe('button');
    expect(toggle().hasAttribute('aria-pressed')).toBe(false);
    expect([toggle().textContent, toggle().getAttribute('aria-expanded')]).toEqual(['hide', 'true']);
    toggle().click();
    expect(onOverlayChange).toHaveBeenCalledWith({ hidden: true });
    store.set({ overlay: { mode: 'auto', opacity: 0.8, hidden: true, chartView: 'profile' } });
    expect([toggle().textContent, toggle().getAttribute('aria-expanded')]).toEqual(['show', 'false']);
    expect(q('[data-testid=liqlens-band]')).toBeNull();
    expect(q('[data-testid=liqlens-status]')).not.toBeNull();
  });

  it('lists bands in a ladder when neither chart tier works', () => {
    const { container } = setup({ tier: 'ladder', scale: null });
    const rows = [...container.querySelectorAll<HTMLElement>('[data-testid=liqlens-ladder-row]')];
    expect(rows.map((r) => r.dataset.low)).toEqual(['99000', '95000']);
    expect(container.querySelector('[data-testid=liqlens-band]')).toBeNull();
  });

  it('explains a band on hover: side, USD, tier mix, distance', () => {
    const { store, q } = setup();
    store.set({ hover: { price: 99_200, x: 10, y: 10 } });
    const tip = q('[data-testid=liqlens-tooltip]')!.textContent!;
    expect(tip).toContain('Short liquidations · $60.0M');
    expect(tip).toContain('10x $30.0M');
    expect(tip).toContain('+1.90 % from reference');
  });

  it('signals say why in their title', () => {
    const { q } = setup();
    const chip = q('[data-testid=liqlens-signals] [data-kind=squeeze-setup]')!;
    expect(chip.getAttribute('title')).toMatch(/short liquidations within 1\.9 % above/);
  });
});
