import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { eventTime, fromDraft, issuesByPath, toDraft } from '../../src/ui/settings-form';

describe('options form draft', () => {
  it('round-trips the defaults', () => {
    expect(fromDraft(toDraft(DEFAULT_SETTINGS))).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('macro events: date + UTC time → ms, and back', () => {
    // 2026-01-28 19:00 UTC = 1,769,626,800,000 ms (20,481 days × 86,400,000 + 19 × 3,600,000).
    expect(eventTime('2026-01-28', '19:00')).toBe(20_481 * 86_400_000 + 19 * 3_600_000);
    const s = { ...DEFAULT_SETTINGS, macroEvents: [{ t: 1_769_626_800_000, label: 'FOMC' }] };
    expect(toDraft(s).macroEvents).toEqual([{ date: '2026-01-28', time: '19:00', label: 'FOMC' }]);
    expect(fromDraft(toDraft(s))).toEqual({ ok: true, settings: s });
  });

  it('impossible dates and empty numbers are named inline errors', () => {
    expect(eventTime('2026-02-30', '10:00')).toBeNull();
    expect(eventTime('2026-01-28', '25:00')).toBeNull();
    const d = toDraft(DEFAULT_SETTINGS);
    d.macroEvents = [{ date: '2026-02-30', time: '10:00', label: 'CPI' }];
    d.accountUsd = '';
    d.tierWeightsPct = ['15', '30', '25', '20', '5'];
    const r = fromDraft(d);
    expect(r.ok).toBe(false);
    expect(issuesByPath(r.ok ? [] : r.issues)).toEqual({
      'macroEvents.0.t': 'Enter a valid date (YYYY-MM-DD) and time (HH:MM, UTC).',
      accountUsd: 'Account size must be a number',
      tierWeightsPct: 'Tier weights must sum to 100 %',
    });
  });
});

describe('options numbers', () => {
  it('are read by the one parser as the browser hands them over (type=number: "." decimal), garbage named', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.accountUsd = '1.234';
    d.riskPct = '0.5';
    const r = fromDraft(d);
    expect(r.ok && [r.settings.accountUsd, r.settings.riskPct]).toEqual([1.234, 0.5]);
    d.riskPct = '1e1';
    const bad = fromDraft(d);
    expect(issuesByPath(bad.ok ? [] : bad.issues).riskPct).toBe('"1e1": write the number without an exponent');
  });
});
