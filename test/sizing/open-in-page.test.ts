import { afterEach, describe, expect, it } from 'vitest';
import { FRAME_MSG, readFrameMessage } from '../../src/sizing/frame-protocol';
import { entryFromRequest, openSizingInPage } from '../../src/sizing/open-in-page';
import { parseSelectedPrice } from '../../src/sizing/price-text';

afterEach(() => document.body.replaceChildren());

describe('opening the sizing dialog in the page', () => {
  it('the selected price is the entry; else the mark; junk is ignored', () => {
    expect(entryFromRequest({ selectionText: '97,123.5', mark: 97_000 })).toBe(97_123.5);
    expect(entryFromRequest({ selectionText: 'BTCUSDT', mark: 97_000 })).toBe(97_000);
    expect(entryFromRequest({ selectionText: 42, mark: Number.NaN })).toBeUndefined();
    expect(entryFromRequest(null)).toBeUndefined();
  });

  it('frames the extension page with the entry, one at a time', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    openSizingInPage(host, { selectionText: '97,123.5' });
    openSizingInPage(host, { mark: 96_000 });
    const frames = host.querySelectorAll('iframe');
    expect(frames.length).toBe(1);
    expect(frames[0]!.src).toMatch(/\/sizing\.html\?entry=96000$/);
    expect(frames[0]!.getAttribute('allow')).toBe('clipboard-write');
  });

  it('a sub-cent entry reaches the dialog as a plain decimal it can parse back', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    openSizingInPage(host, { mark: 1.5e-7 });
    const url = new URL(host.querySelector('iframe')!.src);
    expect(url.searchParams.get('entry')).toBe('0.00000015');
    expect(parseSelectedPrice(url.searchParams.get('entry') ?? undefined)).toBe(1.5e-7);
  });

  it('closes only on a close message from its own frame, never from the page', async () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    openSizingInPage(host, {});
    const frame = host.querySelector('iframe')!;
    window.dispatchEvent(new MessageEvent('message', { data: { source: FRAME_MSG, type: 'close' }, source: window }));
    expect(host.querySelector('iframe')).not.toBeNull();
    window.dispatchEvent(new MessageEvent('message', { data: { source: FRAME_MSG, type: 'height', height: 600 }, source: frame.contentWindow }));
    expect(frame.style.height).toBe('600px');
    window.dispatchEvent(new MessageEvent('message', { data: { source: FRAME_MSG, type: 'close' }, source: frame.contentWindow }));
    expect(host.querySelector('iframe')).toBeNull();
  });

  it('gives focus back to where the user was when the dialog closes', () => {
    const button = document.createElement('button');
    const host = document.createElement('div');
    document.body.append(button, host);
    // As in the page: the dialog lives in the overlay's shadow root.
    const shadow = host.attachShadow({ mode: 'open' });
    button.focus();
    openSizingInPage(shadow, {});
    const frame = shadow.querySelector('iframe')!;
    frame.focus();
    expect(shadow.activeElement).toBe(frame);
    window.dispatchEvent(new MessageEvent('message', { data: { source: FRAME_MSG, type: 'close' }, source: frame.contentWindow }));
    expect(document.activeElement).toBe(button);
  });

  it('frame messages are shape-checked', () => {
    expect(readFrameMessage({ source: FRAME_MSG, type: 'height', height: Number.POSITIVE_INFINITY })).toBeNull();
    expect(readFrameMessage({ source: 'other', type: 'close' })).toBeNull();
    expect(readFrameMessage('close')).toBeNull();
  });
});
