// The panel's leg switch in hedge mode: visible in the panel body (not folded in the details) whenever the
// page shows two legs, the shown leg pressed, a click asks for the other leg.
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { Position } from '../../src/engine/types';
import { mountOverlay } from '../../src/overlay/render';
import { createStore, initialOverlayState, type OverlayState } from '../../src/overlay/store';
import { resolveState } from '../../src/position/precedence';
import type { PositionRead } from '../../src/position/page-adapter';

const long: Position = { exchange: 'bybit', symbol: 'BTCUSDT', side: 'long', entry: 96800, size: 0.15, leverage: 10, marginMode: 'cross', liqPrice: 87512.3, source: 'page' };
const short: Position = { exchange: 'bybit', symbol: 'BTCUSDT', side: 'short', entry: 97500, size: 0.05, leverage: 10, marginMode: 'isolated', liqPrice: 106822.7, source: 'page' };
const hedgeRead: PositionRead = { kind: 'hedge', positions: [long, short], marks: [97230.3, 97230.3], strategy: 'table by header text' };

function setup(pick: 'long' | 'short' | null) {
  const ps = resolveState('bybit', 'BTCUSDT', hedgeRead, null, pick);
  const store = createStore<OverlayState>({
    ...initialOverlayState('bybit', 'BTCUSDT', 0),
    position: ps.position,
    positionSource: ps.source,
    health: ps.health,
    positionState: ps,
  });
  const container = document.createElement('div');
  document.body.append(container);
  const onPickHedge = vi.fn();
  mountOverlay(container, store, { onOverlayChange: vi.fn(), onPickHedge });
  return { container, onPickHedge, store };
}

describe('hedge leg switch', () => {
  it('shows the larger leg at once, with a visible switch outside the details', () => {
    const { container } = setup(null);
    const pos = container.querySelector<HTMLElement>('[data-testid=liqlens-position]')!;
    expect([pos.dataset.side, pos.dataset.size, pos.dataset.entry, pos.dataset.source]).toEqual(['long', '0.15', '96800', 'page']);
    expect(pos.textContent).not.toMatch(/No position/);
    const sw = container.querySelector<HTMLElement>('[data-testid=liqlens-hedge]')!;
    expect(sw).not.toBeNull();
    expect(sw.closest('details')).toBeNull();
    expect(sw.dataset.reason).toBe('larger');
    const buttons = [...sw.querySelectorAll<HTMLElement>('[data-testid=liqlens-hedge-pick]')];
    expect(buttons.map((b) => [b.dataset.side, b.getAttribute('aria-pressed'), b.textContent])).toEqual([
      ['long', 'true', 'Long 0.15'],
      ['short', 'false', 'Short 0.05'],
    ]);
  });

  it('a click asks for the other leg; a picked leg is shown pressed with its reason', async () => {
    const { container, onPickHedge } = setup(null);
    await act(() => container.querySelector<HTMLElement>('[data-testid=liqlens-hedge-pick][data-side=short]')!.click());
    expect(onPickHedge).toHaveBeenCalledWith('short');
    const picked = setup('short').container;
    expect(picked.querySelector<HTMLElement>('[data-testid=liqlens-position]')!.dataset.side).toBe('short');
    expect(picked.querySelector<HTMLElement>('[data-testid=liqlens-hedge]')!.dataset.reason).toBe('picked');
    expect(picked.querySelector('[data-testid=liqlens-hedge-pick][data-side=short]')!.getAttribute('aria-pressed')).toBe('true');
  });

  it('no switch for a single position or a manual entry', () => {
    const { container, store } = setup(null);
    const single = resolveState('bybit', 'BTCUSDT', { kind: 'position', position: long, strategy: 't' }, null, null);
    act(() => store.set({ positionState: single, position: single.position }));
    expect(container.querySelector('[data-testid=liqlens-hedge]')).toBeNull();
    const manual = resolveState('bybit', 'BTCUSDT', hedgeRead, { ...long, source: 'manual' }, null);
    act(() => store.set({ positionState: manual, position: manual.position, positionSource: 'manual' }));
    expect(container.querySelector('[data-testid=liqlens-hedge]')).toBeNull();
  });
});
