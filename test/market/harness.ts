// Test harness for the market hub: fixture-backed sources (in-process), fakeBrowser storage, recorded
// pushes and scheduler calls. Time is vitest's fake clock, advanced explicitly.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyze as engineAnalyze, type AnalyzeInput } from '../../src/engine';
import type { Analysis, Exchange } from '../../src/engine/types';
import type { MarketView, WatchRequest } from '../../src/messaging';
import { MarketHub, type HubDeps } from '../../src/market/hub';
import { createSources } from '../../src/sites';
import { MetaStore } from '../../src/market/meta';
import { MarketStore, type StorageArea } from '../../src/market/store';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import { fixtureFetch, preloadHandlers, type FixtureFetch } from '../sites/shared/fixture-fetch';

export { preloadHandlers };

/** 2026-11-24 12:00:00 UTC: a Tuesday noon, outside the thin Asian session. */
export const START = Date.UTC(2026, 10, 24, 12, 0, 0);

export function useClock(): void {
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/** A cheap stand-in for the engine: records which exchanges were aggregated. */
export function recordingAnalyze() {
  const calls: AnalyzeInput[] = [];
  const fn = (input: AnalyzeInput): Analysis =>
    ({
      symbol: input.series[0]?.symbol ?? 'BTCUSDT',
      partial: false,
      lfr: { kind: 'no-fuel' },
      asymmetry: { ratio: { kind: 'no-fuel' } },
      exchanges: input.series.map((s) => s.exchange),
    }) as unknown as Analysis;
  return { fn, calls, spy: vi.fn((input: AnalyzeInput) => (calls.push(input), fn(input))) };
}

export interface Harness {
  hub: MarketHub;
  ff: FixtureFetch;
  pushes: { tabId: number; view: MarketView }[];
  scheduler: { start: ReturnType<typeof vi.fn>; stop: ReturnType<typeof vi.fn> };
  settings: Settings;
  deps: HubDeps;
  requests(exchange: Exchange, pathPart?: string): number;
}

const openHubs: MarketHub[] = [];

/** afterEach: let every hub a test created finish its background loads, so none leaks into the next test. */
export async function settleAll(): Promise<void> {
  for (const hub of openHubs.splice(0)) await settle(hub.whenIdle());
}

export function makeHub(opts: { analyze?: HubDeps['analyze']; scenario?: FixtureFetch['scenario']; ff?: FixtureFetch; settings?: Partial<Settings>; fetch?: (url: string) => Promise<Response> } = {}): Harness {
  const ff = opts.ff ?? fixtureFetch({ now: () => Date.now(), scenario: opts.scenario ?? {} });
  const sources = createSources({ fetch: opts.fetch ?? ff.fetch, timeoutMs: 10_000 });
  const pushes: Harness['pushes'] = [];
  const scheduler = { start: vi.fn(async (_sec: number) => {}), stop: vi.fn(async () => {}) };
  const settings: Settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  let saved: [number, WatchRequest][] = [];
  const deps: HubDeps = {
    sources,
    store: new MarketStore(fakeBrowser.storage.local as unknown as StorageArea),
    analyze: opts.analyze ?? engineAnalyze,
    now: () => Date.now(),
    settings: async () => settings,
    push: async (tabId, view) => {
      pushes.push({ tabId, view });
    },
    scheduler,
    watchers: { load: async () => saved, save: async (l) => void (saved = l) },
    meta: new MetaStore(fakeBrowser.storage.local as unknown as StorageArea),
  };
  const hub = new MarketHub(deps);
  openHubs.push(hub);
  const requests = (exchange: Exchange, pathPart = '') => ff.log.filter((l) => l.exchange === exchange && l.url.includes(pathPart)).length;
  return { hub, ff, pushes, scheduler, settings, deps, requests };
}

export const BTC_WATCH: WatchRequest = { exchange: 'binance', symbol: 'BTCUSDT', position: null };

/** Run a hub call while advancing fake time until it settles (budget sleeps, OKX paging). */
export async function settle<T>(p: Promise<T>, stepMs = 500, maxMs = 120_000): Promise<T> {
  let done = false;
  let out: T | undefined;
  let err: unknown;
  p.then((x) => ((done = true), (out = x)), (e) => ((done = true), (err = e)));
  for (let t = 0; !done && t < maxMs; t += stepMs) {
    await vi.advanceTimersByTimeAsync(stepMs);
    // Real I/O (fixture files) completes on the real event loop, which fake timers do not advance.
    for (let i = 0; i < 3 && !done; i++) await new Promise((r) => setImmediate(r));
  }
  if (!done) throw new Error('did not settle');
  if (err) throw err;
  return out as T;
}

/** Let every background refresh the hub kicked off finish. */
export async function drain(h: Harness, ms = 60_000): Promise<void> {
  await settle(h.hub.refreshSymbol('BTCUSDT'), 500, ms);
}
