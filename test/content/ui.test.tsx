import { describe, expect, it } from 'vitest';
import { mountUi } from '../../src/content/ui';
import { mountOverlayHost } from '../../src/overlay/mount';
import { createStore, initialOverlayState, type OverlayState } from '../../src/overlay/store';

// The content script mounts an unstyled host at start; its lazily loaded UI (content-ui.js) brings the rest.
describe('lazily loaded content UI', () => {
  it('styles the shadow root and renders the panel from the store, then follows it', () => {
    const host = mountOverlayHost(document);
    expect(host.shadow.querySelector('style')).toBeNull();
    const store = createStore<OverlayState>(initialOverlayState('bybit', 'BTCUSDT', 0));
    const ui = mountUi(host.shadow, host.container, store, { onOverlayChange: () => {}, onSaveManual: () => {}, onClearManual: () => {}, onPickHedge: () => {}, reportInput: () => { throw new Error('not asked'); } });
    const style = host.shadow.firstElementChild;
    expect(style?.tagName).toBe('STYLE');
    // (Vitest stubs the stylesheet's text; the built module carries it: see the e2e overlay tests.)
    const symbol = () => host.container.querySelector('[data-testid=liqlens-symbol]')?.textContent;
    expect(symbol()).toBe('BTCUSDT');
    store.set({ symbol: 'ETHUSDT' });
    expect(symbol()).toBe('ETHUSDT');
    ui.unmount();
    expect(host.shadow.querySelector('style')).toBeNull();
    expect(host.container.childElementCount).toBe(0);
    host.remove();
  });
});
