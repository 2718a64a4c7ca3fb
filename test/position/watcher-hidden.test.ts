// The watcher's URL / panel poll walks the page's DOM several times a second: not while the tab is hidden
// (the panel MutationObserver still reports position changes then); a tab coming back catches up at once.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { watchPosition, type PositionState } from '../../src/position/watcher';
import type { SiteAdapter } from '../../src/position/page-adapter';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  vi.useRealTimers();
  delete (document as unknown as Record<string, unknown>).visibilityState;
});

describe('watchPosition while the tab is hidden', () => {
  test('does not poll the page, and catches up (URL, panel) when the tab is shown again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    let panelReads = 0;
    let url = 'https://www.binance.com/en/futures/BTCUSDT';
    const adapter: SiteAdapter = {
      exchange: 'binance',
      symbolFromUrl: (u) => /\/futures\/([A-Z0-9]+)$/.exec(u.pathname)?.[1] ?? null,
      readPosition: () => ({ kind: 'none', reason: 'no position' }),
      panelRoot: () => (panelReads++, null),
    };
    const states: PositionState[] = [];
    const watch = watchPosition({ adapter, doc: document, getUrl: () => url, onChange: (s) => states.push(s), pollMs: 200 });
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)?.symbol).toBe('BTCUSDT');

    await vi.advanceTimersByTimeAsync(1000);
    const visibleReads = panelReads;
    expect(visibleReads).toBeGreaterThanOrEqual(5); // 1 s at 200 ms

    setVisibility('hidden');
    const before = panelReads;
    url = 'https://www.binance.com/en/futures/ETHUSDT';
    await vi.advanceTimersByTimeAsync(10_000);
    expect(panelReads).toBe(before); // 50 polls skipped

    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(panelReads).toBeGreaterThan(before);
    expect(states.at(-1)?.symbol).toBe('ETHUSDT');
    watch.stop();
  });
});
