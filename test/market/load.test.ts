// @vitest-environment node
// "Load" (issue 17, item 7): ten trading tabs on five symbols and a popup, through the real hub, watchers,
// API clients, fetchers and budgets (load-sim.ts), refresh period after refresh period on the fake clock.
// Every window of arrivals stays within each exchange's published limits, every tab gets a view every
// period and data fetched after each alarm within that period, the heap after GC grows by at most 10 MB
// from hour 1 to the end, and nothing the hub holds grows past its bound. A simulated hour takes about 15 s,
// so CI runs one hour (LOAD_HOURS=1, the default; the heap compared from minute 30 on) and `npm run load`
// a whole day (LOAD_HOURS=24, ≈ 6 min); both print the figures.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENTRY_LFR_LIMIT } from '../../src/market/entry-lfr';
import { MAX_ENTRIES } from '../../src/market/store';
import { EXCHANGES } from '../../src/sites';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { preloadHandlers, settle, START } from './harness';
import { LOAD_SYMBOLS, LOAD_TABS, LoadSim, storageSize } from './load-sim';

const HOURS = Number(process.env.LOAD_HOURS) || 1;
/** The heap is compared from this mark to the end: hour 1 of a day; half-way through a shorter run. */
const MARK_HOURS = Math.min(1, HOURS / 2);
const HOUR_MS = 3_600_000;
const MB = 1024 * 1024;
/** The popup is opened every POPUP_EVERY periods, 20 s into the period. */
const POPUP_EVERY = 3;

beforeEach(async () => {
  await preloadHandlers();
  fakeBrowser.reset();
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

it(`ten tabs on five symbols and a popup, ${HOURS} h of refreshes: every window within its limit, every tab updated within one refresh, heap stable`, async () => {
  const sim = new LoadSim(17);
  const period = sim.periodMs;
  expect(period).toBe(DEFAULT_SETTINGS.refreshSec * 1000);
  const first = await sim.openTabs();
  expect(first.map((v) => v.symbol)).toEqual(LOAD_TABS.map((t) => t.req.symbol));

  let heapMark = 0;
  let sizesMark: Record<string, number> = {};
  const periods = (HOURS * HOUR_MS) / period;
  const wallStart = performance.now();
  for (let k = 1; k <= periods; k++) {
    if (k % POPUP_EVERY === 0) {
      await vi.advanceTimersByTimeAsync(20_000);
      void sim.popup();
      await vi.advanceTimersByTimeAsync(period - 20_000);
    } else {
      await vi.advanceTimersByTimeAsync(period);
    }
    void sim.alarm();
    if (k % 10 === 0) sim.checkWindows();
    if (k === (MARK_HOURS * HOUR_MS) / period) {
      heapMark = heapAfterGc();
      sizesMark = sim.sizes();
    }
  }
  await vi.advanceTimersByTimeAsync(period);
  sim.closePeriod();
  await settle(sim.hub.whenIdle());
  sim.checkWindows(0);
  const heapEnd = heapAfterGc();
  const sizesEnd = sim.sizes();
  const stored = await storageSize();
  const f = sim.figures();
  const wallS = (performance.now() - wallStart) / 1000;

  // Figures (README, Reliability).
  const windows = EXCHANGES.map((e) => {
    const top = f.fullest[e].reduce<Record<string, { used: number; allowed: number; key: string }>>((acc, w) => {
      if ((acc[w.limit]?.used ?? -1) < w.used) acc[w.limit] = { used: w.used, allowed: w.allowed, key: w.key };
      return acc;
    }, {});
    return `  ${e}: ${f.requests[e]} requests (${(f.requests[e] / f.periods).toFixed(1)} per refresh); fullest window ${Object.entries(top)
      .map(([name, w]) => `${name}: ${w.used}${w.key === 'all' || w.key === '' ? '' : ` (${w.key})`}`)
      .join(', ')}`;
  });
  console.log(
    [
      `load: ${LOAD_TABS.length} tabs on ${LOAD_SYMBOLS.length} symbols and a popup every ${POPUP_EVERY} min, ${HOURS} h (${f.periods} refreshes of ${period / 1000} s), ${wallS.toFixed(1)} s wall`,
      `  cold load of all tabs: ${((sim.coldLoadMs ?? NaN) / 1000).toFixed(1)} s`,
      ...windows,
      `  windows over a published limit: ${f.breaches.length}`,
      `  tabs without a view in a period: ${f.silentPeriods}; alarms whose data did not reach a tab within one refresh: ${f.lateUpdates}`,
      `  update latency, alarm → every exchange refreshed in the tab's view: p50 ${f.latency.p50.toFixed(3)}, max ${f.latency.max.toFixed(3)} refreshes (${f.latency.count} updates)`,
      `  popup: ${f.popupAnswers} answers, ${f.popupWithMap} with a map`,
      `  heap after GC: hour ${MARK_HOURS} ${(heapMark / MB).toFixed(1)} MB, hour ${HOURS} ${(heapEnd / MB).toFixed(1)} MB, growth ${((heapEnd - heapMark) / MB).toFixed(2)} MB`,
      `  storage: ${stored.keys} keys, ${(stored.bytes / MB).toFixed(2)} MB`,
      `  hub errors logged: ${f.logged}${f.lastLog.length ? ` (last: ${f.lastLog.join(' | ')})` : ''}`,
      `  structures, hour ${MARK_HOURS} → hour ${HOURS}: ${Object.keys(sizesEnd)
        .filter((k) => sizesEnd[k] !== sizesMark[k])
        .map((k) => `${k} ${sizesMark[k]} → ${sizesEnd[k]}`)
        .join('; ') || 'all unchanged'}`,
    ].join('\n'),
  );

  // (a) Every window of arrivals within each exchange's published limits.
  expect(f.breaches).toEqual([]);
  for (const e of EXCHANGES) expect(f.requests[e], e).toBeGreaterThan(f.periods);
  // (b) Every tab got a view every period, and data fetched after each alarm within one refresh.
  expect(sim.coldLoadMs).toBeDefined();
  expect(f.silentPeriods).toBe(0);
  expect(f.lateUpdates).toBe(0);
  expect(f.latency.count).toBeGreaterThan(LOAD_TABS.length * (periods - 5));
  expect(f.latency.max).toBeLessThan(1);
  expect(f.popupAnswers).toBe(Math.floor(periods / POPUP_EVERY));
  expect(f.popupWithMap).toBe(f.popupAnswers);
  expect(f.logged).toBe(0);
  // (c) The heap after GC grows by at most 10 MB, and nothing grows past its bound.
  expect(heapEnd - heapMark).toBeLessThanOrEqual(10 * MB);
  const series = EXCHANGES.length * LOAD_SYMBOLS.length;
  const windowBars = (DEFAULT_SETTINGS.windowDays * 86_400_000) / 300_000 + 1;
  expect(sizesEnd['cache.states']).toBe(series);
  expect(sizesEnd['cache candles (longest series)']).toBeLessThanOrEqual(windowBars);
  expect(sizesEnd['loader.inFlight']).toBe(0);
  expect(sizesEnd['views.views']).toBeLessThanOrEqual(51);
  expect(sizesEnd['views.lastGood']).toBeLessThanOrEqual(51);
  expect(sizesEnd['asymmetry history values']).toBeLessThanOrEqual(LOAD_SYMBOLS.length * 2016);
  expect(sizesEnd['entry LFR book']).toBeLessThanOrEqual(ENTRY_LFR_LIMIT);
  expect(stored.keys).toBeLessThanOrEqual(MAX_ENTRIES + 10);
  for (const e of EXCHANGES) {
    expect(sizesEnd[`${e} fetcher in flight`]).toBe(0);
    expect(sizesEnd[`${e} budget waiters`]).toBe(0);
    expect(sizesEnd[`${e} budget entries`]).toBeLessThanOrEqual(sizesMark[`${e} budget entries`]! + 60);
  }
}, 60_000 + HOURS * 120_000);
