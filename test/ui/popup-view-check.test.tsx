// The popup validates the background's view on receipt like the overlay does (docs/design.md §12): a malformed
// view is a named error, never a crash of the whole popup.
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import * as messaging from '../../src/messaging';
import { makeAnalysis } from './make-analysis';
import { mount } from './mount';

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', '/popup.html');
});

it('a view whose numbers arrived as null (JSON-carried Infinity) shows a named error instead of crashing', async () => {
  const a = makeAnalysis();
  const broken = { exchange: 'okx', symbol: 'BTCUSDT', state: 'ok', analysis: { ...a, asymmetry: { ...a.asymmetry, percentile: null } }, health: {}, asOf: Date.now() };
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 }] as never);
  vi.spyOn(messaging, 'sendMessage').mockImplementation((async (type: string) => (type === 'ping' ? { ok: true, version: '1' } : broken)) as never);
  const el = mount(<PopupApp />);
  const state = () => el.querySelector('[data-testid=popup-state]');
  for (let i = 0; i < 100 && state()?.getAttribute('data-state') !== 'error'; i++) await new Promise((r) => setTimeout(r, 5));
  expect(state()?.getAttribute('data-state')).toBe('error');
  expect(state()?.textContent).toMatch(/asymmetry/);
  expect(el.querySelector('[data-testid=popup-lfr]')).toBeNull();
});
