import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { canonicalSymbol, PopupApp } from '../../entrypoints/popup/PopupApp';
import * as messaging from '../../src/messaging';
import type { MarketView } from '../../src/messaging';
import { makeAnalysis } from './make-analysis';
import { mount } from './mount';

const q = (el: ParentNode, id: string) => el.querySelector(`[data-testid=${id}]`) as HTMLElement | null;
const wait = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};
const view: MarketView = { exchange: 'okx', symbol: 'BTCUSDT', state: 'ok', analysis: makeAnalysis(), health: {}, asOf: Date.now() };

/** Answers the popup's messages like the background would. */
function background(getView: (req: { tabId?: number; exchange?: string; symbol?: string }) => MarketView | null | Promise<never>) {
  const calls: unknown[] = [];
  vi.spyOn(messaging, 'sendMessage').mockImplementation((async (type: string, data: any) => {
    calls.push([type, data]);
    if (type === 'ping') return { ok: true, version: '9.9.9' };
    if (type === 'getView') return getView(data);
    throw new Error(`unexpected ${type}`);
  }) as never);
  return calls;
}

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', '/popup.html');
});

describe('popup', () => {
  it('symbols typed by hand are canonicalised', () => {
    expect(canonicalSymbol(' btc ')).toBe('BTCUSDT');
    expect(canonicalSymbol('BTC-USDT-SWAP')).toBe('BTCUSDT');
    expect(canonicalSymbol('eth/usdt')).toBe('ETHUSDT');
    expect(canonicalSymbol('??')).toBeNull();
  });

  it('asks for the active tab and shows its view and the background status', async () => {
    const tab = { id: 5 };
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab] as never);
    const calls = background((req) => (req.tabId === tab.id ? view : null));
    const el = mount(<PopupApp />);
    await wait(() => !!q(el, 'popup-lfr'));
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(calls).toContainEqual(['getView', { tabId: tab.id }]);
    expect(q(el, 'popup-symbol')!.textContent).toBe('BTCUSDT · okx');
    expect(q(el, 'popup-status')!.textContent).toBe('background ok, v9.9.9');
  });

  it('no trading tab: says so and offers the picker; a pick asks for that market', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 6 }] as never); // a tab the background does not watch
    const calls = background((req) => (req.exchange === 'bybit' ? { ...view, exchange: 'bybit' } : null));
    const el = mount(<PopupApp />);
    await wait(() => !!q(el, 'popup-picker'));
    expect(q(el, 'popup-state')!.dataset.state).toBe('no-tab');
    const sel = q(el, 'popup-pick-exchange') as HTMLSelectElement;
    sel.value = 'bybit';
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    const input = q(el, 'popup-pick-symbol') as HTMLInputElement;
    input.value = 'btc';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
    (q(el, 'popup-picker') as HTMLFormElement).requestSubmit();
    await wait(() => q(el, 'popup-symbol')?.dataset.exchange === 'bybit');
    expect(calls).toContainEqual(['getView', { exchange: 'bybit', symbol: 'BTCUSDT' }]);
    expect(await fakeBrowser.storage.local.get('popup:lastPick')).toEqual({ 'popup:lastPick': { exchange: 'bybit', symbol: 'BTCUSDT' } });
  });

  it('a background that does not answer is an error state with the reason', async () => {
    history.replaceState(null, '', '/popup.html?exchange=binance&symbol=BTCUSDT');
    background(() => Promise.reject(new Error('Could not establish connection')));
    const el = mount(<PopupApp />);
    await wait(() => q(el, 'popup-state')?.dataset.state === 'error');
    expect(q(el, 'popup-state')!.textContent).toBe('Background unavailable: Could not establish connection');
  });
});
