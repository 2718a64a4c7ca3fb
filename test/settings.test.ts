import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { coerceSettings, DEFAULT_SETTINGS, loadSettings, saveSettings, SETTINGS_KEY, validateSettings, watchSettings } from '../src/settings';

const paths = (input: unknown) => {
  const r = validateSettings(input);
  return r.ok ? [] : r.issues.map((i) => i.path);
};

beforeEach(() => fakeBrowser.reset());

describe('settings validation', () => {
  it('the defaults are valid', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('stop buffer must lie within 0.3–0.5 %', () => {
    expect(paths({ ...DEFAULT_SETTINGS, stopBufferPct: 0.3 })).toEqual([]);
    expect(paths({ ...DEFAULT_SETTINGS, stopBufferPct: 0.5 })).toEqual([]);
    expect(paths({ ...DEFAULT_SETTINGS, stopBufferPct: 0.29 })).toEqual(['stopBufferPct']);
    expect(paths({ ...DEFAULT_SETTINGS, stopBufferPct: 0.6 })).toEqual(['stopBufferPct']);
  });

  it('tier weights must sum to 100 % (float-tolerant) and have one value per tier', () => {
    expect(paths({ ...DEFAULT_SETTINGS, tierWeightsPct: [20, 20, 20, 20, 20] })).toEqual([]);
    expect(paths({ ...DEFAULT_SETTINGS, tierWeightsPct: [33.3, 33.3, 33.4, 0, 0] })).toEqual([]);
    const r = validateSettings({ ...DEFAULT_SETTINGS, tierWeightsPct: [15, 30, 25, 20, 11] }); // sums to 101
    expect(r).toEqual({ ok: false, issues: [{ path: 'tierWeightsPct', message: 'Tier weights must sum to 100 %' }] });
    expect(paths({ ...DEFAULT_SETTINGS, tierWeightsPct: [50, 50] })).toEqual(['tierWeightsPct']);
    expect(paths({ ...DEFAULT_SETTINGS, tierWeightsPct: [-10, 40, 25, 25, 20] })).toEqual(['tierWeightsPct.0']);
  });

  it('map window is 1–30 whole days; refresh at least 60 s', () => {
    expect(paths({ ...DEFAULT_SETTINGS, windowDays: 30 })).toEqual([]);
    expect(paths({ ...DEFAULT_SETTINGS, windowDays: 0 })).toEqual(['windowDays']);
    expect(paths({ ...DEFAULT_SETTINGS, windowDays: 31 })).toEqual(['windowDays']);
    expect(paths({ ...DEFAULT_SETTINGS, windowDays: 2.5 })).toEqual(['windowDays']);
    expect(paths({ ...DEFAULT_SETTINGS, refreshSec: 30 })).toEqual(['refreshSec']);
  });

  it('NaN, Infinity and strings are named errors, never accepted', () => {
    expect(paths({ ...DEFAULT_SETTINGS, accountUsd: Number.NaN })).toEqual(['accountUsd']);
    expect(paths({ ...DEFAULT_SETTINGS, riskPct: Number.POSITIVE_INFINITY })).toEqual(['riskPct']);
    const r = validateSettings({ ...DEFAULT_SETTINGS, accountUsd: '10000' });
    expect(r.ok ? '' : r.issues[0]?.message).toBe('Account size must be a number');
  });

  it('at least one exchange stays on; alert thresholds are bounded; events need a label', () => {
    expect(paths({ ...DEFAULT_SETTINGS, exchanges: { binance: false, bybit: false, okx: false, bitget: false } })).toEqual(['exchanges']);
    expect(paths({ ...DEFAULT_SETTINGS, alerts: { ...DEFAULT_SETTINGS.alerts, cooldownMin: 0 } })).toEqual(['alerts.cooldownMin']);
    expect(paths({ ...DEFAULT_SETTINGS, macroEvents: [{ t: 1_765_000_000_000, label: 'FOMC' }] })).toEqual([]);
    expect(paths({ ...DEFAULT_SETTINGS, macroEvents: [{ t: 1_765_000_000_000, label: '  ' }] })).toEqual(['macroEvents.0.label']);
  });
});

describe('coerceSettings (stored data from older versions or hand edits)', () => {
  it('fills missing fields from defaults and keeps valid ones', () => {
    const s = coerceSettings({ accountUsd: 2500, alerts: { cooldownMin: 10 } });
    expect(s.accountUsd).toBe(2500);
    expect(s.alerts).toEqual({ ...DEFAULT_SETTINGS.alerts, cooldownMin: 10 });
    expect(s.riskPct).toBe(DEFAULT_SETTINGS.riskPct);
  });
  it('drops only the invalid field', () => {
    const s = coerceSettings({ accountUsd: 2500, stopBufferPct: 3 });
    expect(s.accountUsd).toBe(2500);
    expect(s.stopBufferPct).toBe(DEFAULT_SETTINGS.stopBufferPct);
  });
  it('garbage → defaults', () => {
    expect(coerceSettings('nope')).toEqual(DEFAULT_SETTINGS);
    expect(coerceSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings storage', () => {
  it('save then load round-trips; invalid input writes nothing', async () => {
    const next = { ...DEFAULT_SETTINGS, accountUsd: 5000 };
    expect((await saveSettings(next)).ok).toBe(true);
    expect(await loadSettings()).toEqual(next);
    const bad = await saveSettings({ ...next, riskPct: -1 });
    expect(bad.ok).toBe(false);
    expect((await loadSettings()).riskPct).toBe(DEFAULT_SETTINGS.riskPct);
  });
  it('load with nothing stored gives the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
  it('watchSettings reports changes and unsubscribes', async () => {
    const cb = vi.fn();
    const stop = watchSettings(cb);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, riskPct: 2 } });
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb.mock.calls[0]?.[0].riskPct).toBe(2);
    stop();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, riskPct: 3 } });
    expect(cb).toHaveBeenCalledTimes(1);
  });
});
