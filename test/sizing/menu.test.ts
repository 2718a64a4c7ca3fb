import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as messaging from '../../src/messaging';
import { onSizingMenuClick, registerSizingMenu, SIZING_MENU_ID, TRADING_PAGE_PATTERNS } from '../../src/sizing/menu';

beforeEach(() => fakeBrowser.reset());

describe('context menu "Size position with LiqLens"', () => {
  it('registers on page and selection contexts with those patterns', async () => {
    const create = vi.fn();
    (fakeBrowser as any).contextMenus = { removeAll: vi.fn(async () => {}), create };
    await registerSizingMenu();
    expect(create).toHaveBeenCalledWith({
      id: SIZING_MENU_ID,
      title: 'Size position with LiqLens',
      contexts: ['page', 'selection'],
      documentUrlPatterns: TRADING_PAGE_PATTERNS,
    });
  });

  it('a click sends openSizing with the selected text and the mark to that tab only', async () => {
    const send = vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
    expect(await onSizingMenuClick({ menuItemId: SIZING_MENU_ID, selectionText: '97,123.5' }, { id: 4 }, 97_000)).toBe(true);
    expect(send).toHaveBeenCalledWith('openSizing', { selectionText: '97,123.5', mark: 97_000 }, 4);
    expect(await onSizingMenuClick({ menuItemId: 'other' }, { id: 4 })).toBe(false);
    expect(await onSizingMenuClick({ menuItemId: SIZING_MENU_ID }, undefined)).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
