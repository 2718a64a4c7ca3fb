import { describe, expect, it } from 'vitest';
import { mountOverlayHost, OVERLAY_TAG } from '../../src/overlay/mount';

describe('overlay host', () => {
  it('is a liqlens-overlay element with an open shadow root holding our stylesheet', () => {
    const ui = mountOverlayHost(document, '.ll-root{color:red}');
    const host = document.querySelector(OVERLAY_TAG) as HTMLElement;
    expect(host).toBe(ui.host);
    expect(host.shadowRoot?.mode).toBe('open');
    expect(host.shadowRoot?.querySelector('style')?.textContent).toBe('.ll-root{color:red}');
    expect(host.style.width).toBe('0px');
    ui.remove();
  });
  it('comes back if the page removes it', () => {
    const ui = mountOverlayHost(document, '');
    ui.host.remove();
    ui.ensureAttached();
    expect(ui.host.isConnected).toBe(true);
    ui.remove();
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();
  });
  it("keeps key presses typed into our controls away from the page's hotkey handlers", () => {
    const ui = mountOverlayHost(document, '');
    const input = document.createElement('input');
    ui.container.append(input);
    const seen: string[] = [];
    const pageHotkeys = (e: Event) => seen.push(e.type);
    for (const t of ['keydown', 'keyup', 'keypress']) document.addEventListener(t, pageHotkeys);
    for (const t of ['keydown', 'keyup', 'keypress']) input.dispatchEvent(new KeyboardEvent(t, { key: 'b', bubbles: true, composed: true }));
    // A key press elsewhere on the page still reaches them.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', bubbles: true, composed: true }));
    expect(seen).toEqual(['keydown']);
    for (const t of ['keydown', 'keyup', 'keypress']) document.removeEventListener(t, pageHotkeys);
    ui.remove();
  });
});
