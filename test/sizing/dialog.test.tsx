import { describe, expect, it, vi } from 'vitest';
import { SizingDialog } from '../../src/ui/SizingDialog';
import type { SizeAnswer, SizeRequest } from '../../src/sizing/size';
import { cluster } from '../ui/make-analysis';
import { mount } from '../ui/mount';

const q = (el: ParentNode, id: string) => el.querySelector(`[data-testid=${id}]`) as HTMLElement | null;

/** An answer as the background would send it (numbers chosen by hand, not computed here). */
function answer(req: SizeRequest, o: Partial<Extract<SizeAnswer, { kind: 'ok' }>> = {}): SizeAnswer {
  return {
    kind: 'ok',
    exchange: 'binance',
    symbol: 'BTCUSDT',
    side: req.side,
    entry: req.entry,
    leverage: req.leverage,
    accountUsd: req.accountUsd ?? 10_000,
    riskPct: req.riskPct ?? 1,
    mark: 100_000,
    stop: { kind: 'stop', price: 98_105, distancePct: 1.895, bufferPct: 0.4, beyond: cluster('long', 98_500, 99_000, 2e7) },
    sizing: { kind: 'size', riskUsd: 100, notionalUsd: 5_025.13, sizeCoin: 0.0502513, marginUsd: 502.513, leverage: req.leverage, maxLeverage: 45, stopDistancePct: 1.895, warnings: [] },
    lfr: { kind: 'ratio', value: 1.2, band: 'neutral', profitUsd: 12, riskUsd: 10 },
    partial: false,
    asOf: 0,
    ...o,
  };
}

function type(id: string, text: string, el: ParentNode) {
  const input = q(el, id) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('sizing dialog', () => {
  it('asks the background with the selected entry and shows its stop and size', async () => {
    const request = vi.fn(async (req: SizeRequest) => answer(req));
    const el = mount(<SizingDialog initialEntry={100_000} request={request} onClose={() => {}} debounceMs={0} />);
    await vi.waitFor(() => expect(q(el, 'sizing-stop')?.getAttribute('data-value')).toBe('98105'));
    expect(request).toHaveBeenLastCalledWith({ side: 'long', entry: 100_000, leverage: 10 });
    expect(q(el, 'sizing-size')!.getAttribute('data-value')).toBe('0.0502513');
    expect(q(el, 'sizing-size')!.textContent).toContain('0.050251 BTC');
    expect(q(el, 'sizing-max-leverage')!.textContent).toContain('45x');
    expect(q(el, 'sizing-lfr')!.getAttribute('data-value')).toBe('1.2');
    expect((q(el, 'sizing-account') as HTMLInputElement).placeholder).toBe('10000');
  });

  it('side, leverage and risk edits go to the background; invalid input is named and not sent', async () => {
    const request = vi.fn(async (req: SizeRequest) => answer(req));
    const el = mount(<SizingDialog initialEntry={100_000} request={request} onClose={() => {}} debounceMs={0} />);
    await vi.waitFor(() => expect(request).toHaveBeenCalled());
    q(el, 'sizing-side-short')!.click();
    const lev = q(el, 'sizing-leverage') as HTMLInputElement;
    lev.value = '25';
    lev.dispatchEvent(new Event('input', { bubbles: true }));
    const risk = q(el, 'sizing-risk') as HTMLInputElement;
    risk.value = '0.5';
    risk.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(request).toHaveBeenLastCalledWith({ side: 'short', entry: 100_000, leverage: 25, riskPct: 0.5 }));
    const calls = request.mock.calls.length;
    lev.value = '0';
    lev.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(lev.getAttribute('aria-invalid')).toBe('true'));
    expect(request.mock.calls.length).toBe(calls);
    expect(el.textContent).toContain('Leverage must be between 1 and 150.');
  });

  it('reads a decimal comma as a decimal: 0,5 % risk is 0.5 %, 10,5 leverage is 10.5x (not 5 % and 105x)', async () => {
    const request = vi.fn(async (req: SizeRequest) => answer(req));
    const el = mount(<SizingDialog initialEntry={100_000} request={request} onClose={() => {}} debounceMs={0} locale="en-US" />);
    await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    type('sizing-risk', '0,5', el);
    type('sizing-leverage', '10,5', el);
    type('sizing-entry', '97 123,5', el);
    await vi.waitFor(() => expect(request).toHaveBeenLastCalledWith({ side: 'long', entry: 97_123.5, leverage: 10.5, riskPct: 0.5 }));
    type('sizing-leverage', '25x', el);
    type('sizing-account', '12.500,75', el);
    await vi.waitFor(() => expect(request).toHaveBeenLastCalledWith({ side: 'long', entry: 97_123.5, leverage: 25, accountUsd: 12_500.75, riskPct: 0.5 }));
  });

  it('asks which number an ambiguous 1,234 is, sends nothing until answered, then uses the pick', async () => {
    const request = vi.fn(async (req: SizeRequest) => answer(req));
    const el = mount(<SizingDialog initialEntry={100_000} request={request} onClose={() => {}} debounceMs={0} locale="en-US" />);
    await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    type('sizing-leverage', '1,234', el);
    await vi.waitFor(() => expect(el.querySelector('[data-testid=sizing-leverage-reading]')).not.toBeNull());
    expect(request).toHaveBeenCalledTimes(1);
    expect(q(el, 'sizing-leverage')!.getAttribute('aria-invalid')).toBe('true');
    expect(el.textContent).toContain('"1,234" could be 1.234 or 1234: which one?');
    const readings = Array.from(el.querySelectorAll('[data-testid=sizing-leverage-reading]')) as HTMLButtonElement[];
    expect(readings.map((b) => b.getAttribute('data-value'))).toEqual(['1.234', '1234']);
    readings[0]!.click();
    await vi.waitFor(() => expect(request).toHaveBeenLastCalledWith({ side: 'long', entry: 100_000, leverage: 1.234 }));
    expect(el.querySelector('[data-testid=sizing-leverage-reading]')).toBeNull();
    // en-US settles an amount's 1,234 as thousands; garbage is named with the text typed.
    type('sizing-account', '1,234', el);
    type('sizing-risk', '1%%', el);
    await vi.waitFor(() => expect(el.textContent).toContain('"1%%"'));
    type('sizing-risk', '1 %', el);
    await vi.waitFor(() => expect(request).toHaveBeenLastCalledWith({ side: 'long', entry: 100_000, leverage: 1.234, accountUsd: 1234, riskPct: 1 }));
  });

  it('prefills the entry in the locale\'s decimal form so it is read back as the same price (1.234 in de-DE)', async () => {
    const request = vi.fn(async (req: SizeRequest) => answer(req));
    const el = mount(<SizingDialog initialEntry={1.234} request={request} onClose={() => {}} debounceMs={0} locale="de-DE" />);
    expect((q(el, 'sizing-entry') as HTMLInputElement).value).toBe('1,234');
    await vi.waitFor(() => expect(request).toHaveBeenLastCalledWith({ side: 'long', entry: 1.234, leverage: 10 }));
  });

  it('warns when the own liquidation comes before the stop and when the LFR is below 1', async () => {
    const request = async (req: SizeRequest) => {
      const a = answer(req, { lfr: { kind: 'ratio', value: 0.7, band: 'adverse', profitUsd: 7, riskUsd: 10 } }) as Extract<SizeAnswer, { kind: 'ok' }>;
      const stop = a.stop as Extract<typeof a.stop, { kind: 'stop' }>;
      return {
        ...a,
        stop: { ...stop, liquidationBeforeStop: { liqPrice: 98_400, maxLeverage: 45 } },
        sizing: { ...(a.sizing as Extract<typeof a.sizing, { kind: 'size' }>), warnings: [{ code: 'liquidation-before-stop' as const, leverage: 50, maxLeverage: 45 }] },
      };
    };
    const el = mount(<SizingDialog initialEntry={100_000} initialLeverage={50} request={request} onClose={() => {}} debounceMs={0} />);
    await vi.waitFor(() => expect(q(el, 'sizing-warnings')).not.toBeNull());
    const w = [...q(el, 'sizing-warnings')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(w).toEqual([
      'Your liquidation (98,400.0) comes before the stop: use at most 45x.',
      'LFR 0.70 < 1: more liquidation fuel on the risk side than on the profit side.',
    ]);
  });

  it('an engine error is shown with its reason', async () => {
    const el = mount(<SizingDialog initialEntry={100_000} request={async () => ({ kind: 'error', reason: 'entry: must be a positive price' })} onClose={() => {}} debounceMs={0} />);
    await vi.waitFor(() => expect(q(el, 'sizing-error')?.textContent).toBe('entry: must be a positive price'));
  });

  it('copies size and stop to the clipboard, and Escape closes', async () => {
    const copy = vi.fn(async () => {});
    const onClose = vi.fn();
    const el = mount(<SizingDialog initialEntry={100_000} request={async (r) => answer(r)} onClose={onClose} copy={copy} debounceMs={0} />);
    await vi.waitFor(() => expect((q(el, 'sizing-copy-stop') as HTMLButtonElement).disabled).toBe(false));
    q(el, 'sizing-copy-size')!.click();
    q(el, 'sizing-copy-stop')!.click();
    await vi.waitFor(() => expect(q(el, 'sizing-copied')!.textContent).toBe('stop copied'));
    expect(copy.mock.calls).toEqual([['0.050251'], ['98105.0']]);
    expect(q(el, 'sizing-copied')!.textContent).toBe('stop copied');
    q(el, 'sizing-dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).toHaveBeenCalled();
  });
});
