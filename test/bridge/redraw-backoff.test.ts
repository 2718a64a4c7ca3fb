import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVICTION_CHECK_MS, MAX_REDRAW_GAP_MS, REDRAW_QUIET_MS, RedrawBackoff } from '../../src/bridge/redraw-backoff';

/** Redraw times when the watchdog checks every EVICTION_CHECK_MS over `ms` and `missingAt(t)` says what it finds. */
function run(ms: number, missingAt: (t: number) => boolean, b = new RedrawBackoff()): number[] {
  const out: number[] = [];
  for (let t = 0; t <= ms; t += EVICTION_CHECK_MS) if (b.check(t, missingAt(t))) out.push(t);
  return out;
}

describe('redraw back-off for shapes the host evicts silently', () => {
  it('redraws a one-off eviction at the next check', () => {
    expect(run(5_000, (t) => t === 1_500)).toEqual([1_500]);
  });

  it('nothing missing: never redraws', () => {
    expect(run(60_000, () => false)).toEqual([]);
  });

  it('a host that keeps evicting gets redraws 1 s, 2 s, 4 s … apart, at most 30 s: no storm', () => {
    const times = run(120_000, () => true);
    expect(times.slice(0, 5)).toEqual([0, 1_000, 3_000, 7_000, 15_000]);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_REDRAW_GAP_MS);
    expect(times.filter((t) => t <= 10_000)).toHaveLength(4); // a check every 0.5 s would have been 21
    expect(times.length).toBeLessThanOrEqual(10);
  });

  it('after a quiet spell with every shape in place, the next eviction is redrawn at once again', () => {
    const b = new RedrawBackoff();
    run(8_000, () => true, b); // an episode: 4 redraws
    expect(b.redraws()).toBe(4);
    let t = 8_000;
    for (; t < 8_000 + REDRAW_QUIET_MS + 1_000; t += EVICTION_CHECK_MS) expect(b.check(t, false)).toBe(false);
    expect(b.redraws()).toBe(0);
    expect(b.check(t, true)).toBe(true);
  });

  it('property: whatever the host does, at most one redraw per check and never two within 1 s', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 400 }), (pattern) => {
        const b = new RedrawBackoff();
        const times: number[] = [];
        pattern.forEach((missing, i) => {
          if (b.check(i * EVICTION_CHECK_MS, missing)) times.push(i * EVICTION_CHECK_MS);
        });
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1_000);
        // A missing shape is redrawn within one check when no episode is running.
        const firstMissing = pattern.indexOf(true);
        if (firstMissing >= 0) expect(times[0]).toBe(firstMissing * EVICTION_CHECK_MS);
      }),
    );
  });
});
