import { describe, expect, it, vi, afterEach } from 'vitest';
import { step, type AlertState } from '../../src/alerts/machine';
import type { AlertCondition } from '../../src/alerts/conditions';

const near: AlertCondition = { id: 'cluster-edge:short', kind: 'cluster-edge', title: 't', message: 'm' };
const stale: AlertCondition = { id: 'stale-map', kind: 'stale-map', title: 't', message: 'm' };
const MIN = 60_000;
const COOLDOWN = 30 * MIN;

/** Drives the machine the way the notifier does: time from Date.now(), which the fake timers control. */
function monitor() {
  let state: AlertState = {};
  return (conds: AlertCondition[], scope = 'binance:BTCUSDT') => {
    const r = step(state, scope, conds, Date.now(), COOLDOWN);
    state = r.state;
    return r.fired.map((c) => c.id);
  };
}

afterEach(() => vi.useRealTimers());

describe('alert state machine', () => {
  it('fires when a condition becomes true (a crossing), once', () => {
    vi.useFakeTimers({ now: 0 });
    const evalNow = monitor();
    expect(evalNow([])).toEqual([]);
    expect(evalNow([near])).toEqual(['cluster-edge:short']);
  });

  it('does not fire again while the condition stays true (no duplicates across refreshes)', () => {
    vi.useFakeTimers({ now: 0 });
    const evalNow = monitor();
    expect(evalNow([near])).toEqual(['cluster-edge:short']);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(60 * MIN); // far past the cool-down: still the same crossing
      expect(evalNow([near])).toEqual([]);
    }
  });

  it('the same condition listed twice in one evaluation is one alert', () => {
    vi.useFakeTimers({ now: 0 });
    expect(monitor()([near, near])).toEqual(['cluster-edge:short']);
  });

  it('a re-crossing inside the cool-down is silent; after the cool-down it fires again', () => {
    vi.useFakeTimers({ now: 0 });
    const evalNow = monitor();
    expect(evalNow([near])).toEqual(['cluster-edge:short']); // t = 0
    vi.advanceTimersByTime(5 * MIN);
    expect(evalNow([])).toEqual([]); // price moved away
    vi.advanceTimersByTime(5 * MIN);
    expect(evalNow([near])).toEqual([]); // back at t = 10 min < 30 min cool-down
    vi.advanceTimersByTime(5 * MIN);
    expect(evalNow([])).toEqual([]); // away again at t = 15 min
    vi.advanceTimersByTime(15 * MIN);
    expect(evalNow([near])).toEqual(['cluster-edge:short']); // t = 30 min: cool-down over, new crossing
  });

  it('a crossing that is still true when the cool-down ends does not fire late', () => {
    vi.useFakeTimers({ now: 0 });
    const evalNow = monitor();
    evalNow([near]);
    evalNow([]);
    vi.advanceTimersByTime(1 * MIN);
    expect(evalNow([near])).toEqual([]); // suppressed by cool-down...
    vi.advanceTimersByTime(60 * MIN);
    expect(evalNow([near])).toEqual([]); // ...and, still the same crossing, never fired afterwards
  });

  it('conditions and scopes are independent', () => {
    vi.useFakeTimers({ now: 0 });
    const evalNow = monitor();
    expect(evalNow([near])).toEqual(['cluster-edge:short']);
    expect(evalNow([near, stale])).toEqual(['stale-map']);
    expect(evalNow([near], 'bybit:BTCUSDT')).toEqual(['cluster-edge:short']);
    expect(evalNow([near, stale])).toEqual([]);
  });

  it('forgets fire times once their cool-down is over (state stays bounded)', () => {
    vi.useFakeTimers({ now: 0 });
    let state: AlertState = {};
    state = step(state, 's', [near], Date.now(), COOLDOWN).state;
    vi.advanceTimersByTime(COOLDOWN);
    state = step(state, 's', [], Date.now(), COOLDOWN).state;
    expect(state.s).toEqual({ active: [], lastFired: {} });
  });
});
