import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ManualPositionPanel } from '../../src/overlay/ManualPositionPanel';
import type { PositionState } from '../../src/position/watcher';
import type { Position } from '../../src/engine/types';
import { flush, mount } from '../ui/mount';

const pagePos: Position = { exchange: 'okx', symbol: 'BTCUSDT', side: 'long', entry: 96800, size: 0.15, leverage: 10, marginMode: 'cross', liqPrice: 87512.3, source: 'page' };
const base: PositionState = { exchange: 'okx', symbol: 'BTCUSDT', position: null, source: 'none', health: '', pageRead: 'none' };

const q = (host: HTMLElement, sel: string) => host.querySelector(sel) as HTMLElement | null;
async function type(host: HTMLElement, field: string, value: string) {
  const el = q(host, `[data-field="${field}"]`) as HTMLInputElement | HTMLSelectElement;
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });
}
async function click(host: HTMLElement, sel: string) {
  await act(() => {
    q(host, sel)!.click();
  });
  await flush();
}

describe('ManualPositionPanel', () => {
  test('an unreadable page opens the form prefilled with what was read; saving validates and saves per symbol', async () => {
    const onSave = vi.fn();
    const state: PositionState = { ...base, pageRead: 'invalid', health: 'position not used: size is shown in contracts', draft: { side: 'long', entry: 96800, liqPrice: 87512.3 } };
    const host = mount(<ManualPositionPanel state={state} onSave={onSave} onClear={vi.fn()} />);
    await flush();
    expect((q(host, '[data-field="entry"]') as HTMLInputElement).value).toBe('96800');
    expect((q(host, '[data-field="liqPrice"]') as HTMLInputElement).value).toBe('87512.3');
    expect(host.textContent).toContain('Size (BTC)');
    // Size missing → named error, nothing saved.
    await click(host, '[data-testid="liqlens-manual-save"]');
    expect(onSave).not.toHaveBeenCalled();
    expect(q(host, '[data-testid="liqlens-manual-error"]')?.getAttribute('data-field')).toBe('size');
    await type(host, 'size', '0,15');
    await type(host, 'leverage', '10');
    await click(host, '[data-testid="liqlens-manual-save"]');
    expect(onSave).toHaveBeenCalledWith({ ...pagePos, source: 'manual' });
  });

  test('a sanity failure is shown with its field and not saved', async () => {
    const onSave = vi.fn();
    const host = mount(<ManualPositionPanel state={{ ...base, position: pagePos, source: 'page', pageRead: 'position' }} onSave={onSave} onClear={vi.fn()} />);
    await click(host, '[data-testid="liqlens-manual-open"]');
    await type(host, 'side', 'short');
    await click(host, '[data-testid="liqlens-manual-save"]');
    expect(onSave).not.toHaveBeenCalled();
    expect(q(host, '[data-testid="liqlens-manual-error"]')?.textContent).toBe('liquidation price 87512.3 is not above the entry 96800 of a short');
  });

  test('a manual entry can be cleared', async () => {
    const onClear = vi.fn();
    const host = mount(<ManualPositionPanel state={{ ...base, position: { ...pagePos, source: 'manual' }, source: 'manual', pageRead: 'position' }} onSave={vi.fn()} onClear={onClear} />);
    expect(q(host, '[data-testid="liqlens-manual"]')?.getAttribute('data-source')).toBe('manual');
    await click(host, '[data-testid="liqlens-manual-clear"]');
    expect(onClear).toHaveBeenCalledOnce();
  });

  test('hedge mode: the leg switch is not in the manual panel (it sits in the panel body: HedgeSwitch)', () => {
    const short: Position = { ...pagePos, side: 'short', entry: 97500, size: 0.05, liqPrice: 106822.7, marginMode: 'isolated' };
    const host = mount(<ManualPositionPanel state={{ ...base, position: pagePos, source: 'page', pageRead: 'hedge', hedge: [pagePos, short], hedgePick: 'long' }} onSave={vi.fn()} onClear={vi.fn()} />);
    expect(host.querySelector('[data-testid="liqlens-hedge-pick"]')).toBeNull();
  });

  test('nothing is rendered off a trading page', () => {
    const host = mount(<ManualPositionPanel state={{ ...base, symbol: null, pageRead: 'no-symbol' }} onSave={vi.fn()} onClear={vi.fn()} />);
    expect(host.innerHTML).toBe('');
  });
});
