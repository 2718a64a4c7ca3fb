// State that must survive MV3 stopping the service worker between alarms.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AnalyzeInput } from '../../src/engine';
import type { Analysis, Position } from '../../src/engine/types';
import { BTC_WATCH, drain, makeHub, preloadHandlers, recordingAnalyze, settle, settleAll, useClock } from './harness';

beforeEach(async () => {
  await preloadHandlers();
  fakeBrowser.reset();
  useClock();
});
afterEach(async () => {
  await settleAll();
  vi.useRealTimers();
});

/** Stand-in engine whose asymmetry ratio and LFR are fixed numbers, recording its inputs. */
function fixedAnalyze(ratio: number, lfr: number) {
  const calls: AnalyzeInput[] = [];
  const fn = (input: AnalyzeInput): Analysis => {
    calls.push(input);
    return { symbol: 'BTCUSDT', partial: false, lfr: { kind: 'ratio', value: lfr, band: 'neutral', profitUsd: lfr, riskUsd: 1 }, asymmetry: { ratio: { kind: 'ratio', value: ratio } } } as unknown as Analysis;
  };
  return { fn, calls };
}

describe('across a service-worker restart', () => {
  it('a Bybit 403 back-off is restored: the new worker sends nothing to Bybit for 10 minutes', async () => {
    const h1 = makeHub({ analyze: recordingAnalyze().spy, scenario: { bybit: '403' } });
    await h1.hub.watch(1, BTC_WATCH);
    await drain(h1);
    await settleAll();
    const h2 = makeHub({ analyze: recordingAnalyze().spy });
    await h2.hub.start();
    expect(h2.deps.sources.bybit.fetcher.blockedUntil).toBe(h1.deps.sources.bybit.fetcher.blockedUntil);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await h2.hub.watch(1, BTC_WATCH);
    await drain(h2);
    expect(h2.requests('bybit')).toBe(0);
    expect(h2.requests('binance')).toBeGreaterThan(0);
    expect(h2.hub.health('bybit', 'BTCUSDT').reason).toMatch(/HTTP 403 rate limit, retrying in \d+ s/);
  });

  it('the asymmetry history and the entry LFR are restored', async () => {
    const position: Position = { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry: 96_800, size: 0.15, leverage: 10, marginMode: 'cross', source: 'page' };
    const a1 = fixedAnalyze(1.25, 1.8);
    const h1 = makeHub({ analyze: a1.fn });
    await h1.hub.watch(1, { ...BTC_WATCH, position });
    await drain(h1);
    expect(h1.pushes.at(-1)!.view.entryLfr).toBe(1.8);
    await settleAll();

    const a2 = fixedAnalyze(0.9, 0.7);
    const h2 = makeHub({ analyze: a2.fn });
    await h2.hub.start();
    const view = await h2.hub.watch(1, { ...BTC_WATCH, position });
    expect(view.entryLfr).toBe(1.8); // the LFR when the position was first seen, not the current 0.7
    expect(a2.calls[0]!.asymmetryHistory).toEqual([1.25]);
  });
});

describe('write rate', () => {
  it('warm data is persisted every 5 minutes, not every refresh; Bitget polled OI every time', async () => {
    const h = makeHub({ analyze: recordingAnalyze().spy });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    const savedAt = async (ex: string) => ((await fakeBrowser.storage.local.get(`market:v1:${ex}:BTCUSDT`))[`market:v1:${ex}:BTCUSDT`] as { savedAt: number }).savedAt;
    const cold = await savedAt('binance');
    await vi.advanceTimersByTimeAsync(60_000);
    await settle(h.hub.onAlarm());
    expect(await savedAt('binance')).toBe(cold);
    expect(await savedAt('bitget')).toBeGreaterThan(cold);
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await settle(h.hub.onAlarm());
    expect(await savedAt('binance')).toBeGreaterThanOrEqual(cold + 5 * 60_000);
  });
});

describe('entry LFR', () => {
  it('is taken only from a complete map (not while an exchange fails)', async () => {
    const position: Position = { exchange: 'binance', symbol: 'BTCUSDT', side: 'long', entry: 96_800, size: 0.15, leverage: 10, marginMode: 'cross', source: 'page' };
    const a = fixedAnalyze(1, 1.3);
    const h = makeHub({ analyze: a.fn, scenario: { okx: '500' } });
    await h.hub.watch(1, { ...BTC_WATCH, position });
    await drain(h);
    expect(h.pushes.at(-1)!.view.state).toBe('partial');
    expect(h.pushes.at(-1)!.view.entryLfr).toBeNull();
    h.ff.scenario.okx = 'normal';
    await vi.advanceTimersByTimeAsync(60_000);
    await settle(h.hub.onAlarm());
    expect(h.pushes.at(-1)!.view.state).toBe('ok');
    expect(h.pushes.at(-1)!.view.entryLfr).toBe(1.3);
  });
});

describe('window changes', () => {
  it('a longer window in the options reloads the history instead of leaving a hole', async () => {
    const rec = recordingAnalyze();
    const h = makeHub({ analyze: rec.spy, settings: { windowDays: 1 } });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    expect(rec.calls.at(-1)!.series[0]!.candles).toHaveLength(289);
    h.settings.windowDays = 7;
    await settle(h.hub.settingsChanged());
    await drain(h);
    for (const s of rec.calls.at(-1)!.series) expect(s.candles).toHaveLength(2017);
  });

  it('turning an exchange off removes it from the aggregate at once', async () => {
    const rec = recordingAnalyze();
    const h = makeHub({ analyze: rec.spy });
    await h.hub.watch(1, BTC_WATCH);
    await drain(h);
    h.settings.exchanges = { ...h.settings.exchanges, okx: false };
    await settle(h.hub.settingsChanged());
    const view = h.pushes.at(-1)!.view;
    expect(view.health.okx).toEqual({ state: 'off' });
    expect(view.state).toBe('ok');
    expect(rec.calls.at(-1)!.series.map((s) => s.exchange)).not.toContain('okx');
  });
});
