import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../entrypoints/options/OptionsApp';
import { DEFAULT_SETTINGS, loadSettings } from '../../src/settings';
import { mount } from './mount';

const q = (el: ParentNode, id: string) => el.querySelector(`[data-testid=${id}]`) as HTMLInputElement;
const wait = async (cond: () => boolean) => {
  for (let i = 0; i < 50 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};
/** Types into an input and lets Preact re-render (it batches updates asynchronously). */
const type = async (input: HTMLInputElement, v: string) => {
  input.value = v;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 10));
};

beforeEach(() => fakeBrowser.reset());

describe('options page', () => {
  it('loads the saved settings, saves a valid change', async () => {
    const el = mount(<OptionsApp />);
    await wait(() => !!q(el, 'opt-riskPct'));
    expect(q(el, 'opt-accountUsd').value).toBe(String(DEFAULT_SETTINGS.accountUsd));
    await type(q(el, 'opt-riskPct'), '0.5');
    q(el, 'opt-save').click();
    await wait(() => q(el, 'options-status').dataset.state === 'saved');
    expect((await loadSettings()).riskPct).toBe(0.5);
  });

  it('shows inline errors and saves nothing while a field is invalid', async () => {
    const el = mount(<OptionsApp />);
    await wait(() => !!q(el, 'opt-tier-100'));
    await type(q(el, 'opt-tier-100'), '20'); // 15+30+25+20+20 = 110
    await type(q(el, 'opt-stopBufferPct'), '0.8');
    expect(q(el, 'opt-tier-sum').textContent).toContain('Sum: 110 % — Tier weights must sum to 100 %');
    expect(q(el, 'opt-stopBufferPct-error').textContent).toBe('Stop buffer must be at most 0.5');
    expect(q(el, 'opt-stopBufferPct').getAttribute('aria-invalid')).toBe('true');
    q(el, 'opt-save').click();
    await wait(() => q(el, 'options-status').dataset.state === 'invalid');
    expect(q(el, 'options-status').textContent).toBe('Not saved: fix the 2 highlighted fields.');
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('a tier weight too large for a number shows the sum as "—", never Infinity', async () => {
    const el = mount(<OptionsApp />);
    await wait(() => !!q(el, 'opt-tier-100'));
    await type(q(el, 'opt-tier-100'), '1e400');
    expect(q(el, 'opt-tier-sum').textContent).toMatch(/^Sum: — %/);
    expect(el.innerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('adds a macro event with date, time and label', async () => {
    const el = mount(<OptionsApp />);
    await wait(() => !!q(el, 'opt-event-add'));
    q(el, 'opt-event-add').click();
    await new Promise((r) => setTimeout(r, 10));
    await wait(() => !!q(el, 'opt-event-0-date'));
    await type(q(el, 'opt-event-0-date'), '2026-01-28');
    await type(q(el, 'opt-event-0-time'), '19:00');
    await type(q(el, 'opt-event-0-label'), 'FOMC');
    q(el, 'opt-save').click();
    await wait(() => q(el, 'options-status').dataset.state === 'saved');
    expect((await loadSettings()).macroEvents).toEqual([{ t: Date.UTC(2026, 0, 28, 19, 0), label: 'FOMC' }]);
  });
});
