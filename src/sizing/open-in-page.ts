/**
 * Content-script side of the context menu: frames the sizing dialog (the extension page sizing.html) into
 * the overlay's shadow root, with the selected price (else the mark) as entry; one dialog at a time.
 * Imports no engine and no dialog code: the content-script bundle stays small.
 */
import { browser } from 'wxt/browser';
import { plainDecimal } from '../numbers/plain-decimal';
import { readFrameMessage } from './frame-protocol';
import { parseSelectedPrice } from './price-text';

let close: (() => void) | null = null;

const FRAME_WIDTH_PX = 372;

/** The entry to prefill from an `openSizing` request: a selected price, else the mark, else none. */
export function entryFromRequest(req: unknown): number | undefined {
  const r = (typeof req === 'object' && req !== null ? req : {}) as Record<string, unknown>;
  const selected = typeof r.selectionText === 'string' ? parseSelectedPrice(r.selectionText) : null;
  const mark = typeof r.mark === 'number' && Number.isFinite(r.mark) && r.mark > 0 ? r.mark : undefined;
  return selected ?? mark;
}

export function openSizingInPage(container: Element | ShadowRoot | DocumentFragment, req: unknown): void {
  close?.();
  // Keyboard users get their place back when the dialog closes (it takes focus when it opens).
  const previous = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  const entry = entryFromRequest(req);
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL('/sizing.html') + // Plain decimal: a sub-cent mark (1.5e-7) written with an exponent would not parse back as a price.
    (entry !== undefined ? `?entry=${plainDecimal(entry)}` : '');
  frame.title = 'LiqLens position sizing';
  frame.setAttribute('allow', 'clipboard-write');
  frame.dataset.testid = 'sizing-frame';
  Object.assign(frame.style, {
    position: 'fixed',
    top: '80px',
    right: '24px',
    width: `${FRAME_WIDTH_PX}px`,
    height: '480px',
    maxHeight: 'calc(100vh - 100px)',
    border: '0',
    zIndex: '2147483647',
    pointerEvents: 'auto',
    colorScheme: 'dark',
    background: 'transparent',
  });
  const onMessage = (e: MessageEvent) => {
    if (e.source !== frame.contentWindow) return; // only our frame, never the page
    const m = readFrameMessage(e.data);
    if (m?.type === 'close') close?.();
    else if (m?.type === 'height') frame.style.height = `${m.height}px`;
  };
  window.addEventListener('message', onMessage);
  container.appendChild(frame);
  close = () => {
    window.removeEventListener('message', onMessage);
    // In our shadow root the document only sees the host as focused: ask the frame's own root.
    const hadFocus = (frame.getRootNode() as Document | ShadowRoot).activeElement === frame;
    frame.remove();
    close = null;
    if (hadFocus && previous?.isConnected) previous.focus();
  };
  frame.addEventListener('load', () => frame.focus(), { once: true });
}
