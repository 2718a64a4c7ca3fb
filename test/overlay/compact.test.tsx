// The phone layout (issue 15): below 600 px of viewport the panel is an LFR badge at the chart's top-left,
// away from the right-hand price axis, and a card that opens on tap and closes on a second tap or Escape.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMPACT_MAX_WIDTH, compactAnchor, isCompact } from '../../src/overlay/compact';
import { mountOverlay } from '../../src/overlay/render';
import { createStore, initialOverlayState, type OverlayState } from '../../src/overlay/store';
import { analysis } from './fixtures';

const setViewport = (width: number, height: number) => {
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height });
};
afterEach(() => {
  setViewport(1024, 768);
  document.body.innerHTML = '';
});

function setup(over: Partial<OverlayState> = {}) {
  const store = createStore<OverlayState>({
    ...initialOverlayState('bybit', 'BTCUSDT', 0),
    view: { exchange: 'bybit', symbol: 'BTCUSDT', state: 'ok', analysis: analysis(), health: {}, asOf: Date.now(), entryLfr: 1.25 },
    tier: 'pixel',
    tierReason: 'test',
    chartRect: { left: 0, top: 120, width: 360, height: 300 },
    now: Date.now(),
    ...over,
  });
  const container = document.createElement('div');
  document.body.append(container);
  mountOverlay(container, store, { onOverlayChange: vi.fn() });
  const q = (sel: string) => container.querySelector(sel) as HTMLElement | null;
  return { store, q };
}

describe('compact layout decision and anchor', () => {
  it('is compact below 600 px only', () => {
    expect(COMPACT_MAX_WIDTH).toBe(600);
    expect([isCompact(360), isCompact(599), isCompact(600), isCompact(1400), isCompact(0), isCompact(Number.NaN)]).toEqual([true, true, false, false, false, false]);
  });

  it("sits 8 px inside the chart's top-left corner, kept 4 px inside the viewport and clear of its right edge", () => {
    expect(compactAnchor({ left: 0, top: 120, width: 360, height: 300 }, 360)).toEqual({ left: 8, top: 128 });
    expect(compactAnchor({ left: -50, top: -20, width: 400, height: 300 }, 360)).toEqual({ left: 4, top: 4 });
    // A chart whose left edge is far right: the badge is pulled back to 360 − 120 = 240.
    expect(compactAnchor({ left: 300, top: 10, width: 60, height: 300 }, 360)).toEqual({ left: 240, top: 18 });
    expect(compactAnchor(null, 360)).toEqual({ left: 8, top: 60 });
  });
});

describe('the overlay at 360 × 740', () => {
  it('desktop widths keep the full panel at the top-right and no badge', () => {
    setViewport(1400, 900);
    const { q } = setup({ chartRect: { left: 100, top: 50, width: 900, height: 500 } });
    const panel = q('[data-testid=liqlens-panel]')!;
    expect(panel.dataset.layout).toBe('full');
    expect([panel.style.left, panel.style.top]).toEqual(['992px', '58px']);
    expect(q('[data-testid=liqlens-badge]')).toBeNull();
  });

  it('a badge with the LFR at the top-left; the card opens on tap, closes on a second tap and on Escape', () => {
    setViewport(360, 740);
    const { q } = setup();
    const panel = q('[data-testid=liqlens-panel]')!;
    const badge = q('[data-testid=liqlens-badge]') as HTMLButtonElement;
    expect(panel.dataset.layout).toBe('compact');
    expect([panel.style.left, panel.style.top]).toEqual(['8px', '128px']);
    expect(badge.textContent).toContain('LFR 2.00');
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    expect(badge.getAttribute('aria-label')).toMatch(/^LiqLens: LFR 2\.00 .*Open the panel$/);
    // Closed: the card is in the DOM (its hooks stay readable) but not shown.
    expect(panel.classList.contains('ll-open')).toBe(false);
    expect(q('[data-testid=liqlens-lfr]')?.dataset.value).toBe('2');

    act(() => badge.click());
    expect(q('[data-testid=liqlens-badge]')!.getAttribute('aria-expanded')).toBe('true');
    expect(q('[data-testid=liqlens-panel]')!.classList.contains('ll-open')).toBe(true);
    expect(q('#ll-card [data-testid=liqlens-stop]')?.dataset.price).toBe('94620');
    act(() => q('[data-testid=liqlens-badge]')!.click());
    expect(q('[data-testid=liqlens-panel]')!.classList.contains('ll-open')).toBe(false);

    act(() => q('[data-testid=liqlens-badge]')!.click());
    act(() => void q('[data-testid=liqlens-toggle]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(q('[data-testid=liqlens-panel]')!.classList.contains('ll-open')).toBe(false);
    expect(q('[data-testid=liqlens-badge]')!.getAttribute('aria-expanded')).toBe('false');
    expect((q('[data-testid=liqlens-badge]')!.getRootNode() as Document).activeElement).toBe(q('[data-testid=liqlens-badge]'));
  });

  it('never wider than the viewport: the panel is capped at its width minus the margins', () => {
    setViewport(320, 640);
    const { q } = setup({ chartRect: { left: 0, top: 100, width: 320, height: 300 } });
    expect(q('[data-testid=liqlens-panel]')!.style.maxWidth).toBe('304px'); // 320 − 8 left − 8 right
  });

  it('turning a phone (or resizing a window) across 600 px switches the layout', () => {
    setViewport(1024, 768);
    const { q } = setup();
    expect(q('[data-testid=liqlens-panel]')!.dataset.layout).toBe('full');
    setViewport(360, 740);
    window.dispatchEvent(new Event('resize'));
    expect(q('[data-testid=liqlens-panel]')!.dataset.layout).toBe('compact');
  });

  it('the ladder starts below the badge on a phone (the badge owns the top-left corner), beside it on a desktop', () => {
    setViewport(360, 740);
    const phone = setup({ tier: 'ladder' });
    expect(phone.q('[data-testid=liqlens-ladder]')!.style.top).toBe('168px'); // chart top 120 + 8 inset + 40 below the badge
    document.body.innerHTML = '';
    setViewport(1400, 900);
    const desk = setup({ tier: 'ladder' });
    expect(desk.q('[data-testid=liqlens-ladder]')!.style.top).toBe('128px');
  });
});
