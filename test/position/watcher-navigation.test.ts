// SPA navigation as the exchanges do it: the page's own world calls history.pushState / replaceState (no
// popstate, and our isolated script cannot patch the page's history), often before any panel re-renders.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Exchange } from '../../src/engine/types';
import type { SiteAdapter } from '../../src/position/page-adapter';
import { watchPosition, type PositionState, type PositionWatch } from '../../src/position/watcher';
import { binancePage } from '../../src/sites/binance/page';
import { bybitPage } from '../../src/sites/bybit/page';
import { okxPage } from '../../src/sites/okx/page';
import { loadFixture, type LoadedFixture } from '../sites/fixture-page';
import { btcLong, ethShort } from '../sites/page-cases';

let open: LoadedFixture | null = null;
let watch: PositionWatch | null = null;
let states: PositionState[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  states = [];
});
afterEach(async () => {
  watch?.stop();
  watch = null;
  vi.useRealTimers();
  await open?.close();
  open = null;
});

async function start(exchange: Exchange, adapter: SiteAdapter, query = '', url?: string) {
  open = await loadFixture(exchange, query, url);
  const win = open.window;
  let popstates = 0;
  win.addEventListener('popstate', () => popstates++);
  watch = watchPosition({ adapter, doc: open.document, getUrl: () => win.location.href, onChange: (s) => states.push(s) });
  await vi.advanceTimersByTimeAsync(0);
  return { f: open, popstates: () => popstates };
}
const last = () => states[states.length - 1]!;

describe('SPA navigation without popstate', () => {
  for (const [exchange, adapter] of [['binance', binancePage], ['okx', okxPage]] as const) {
    test(`${exchange}: pushState to another symbol, no re-render → the new symbol's position within the poll`, async () => {
      const { f, popstates } = await start(exchange, adapter);
      expect(last()).toMatchObject({ symbol: 'BTCUSDT', position: btcLong(exchange) });
      const renders = f.fixture.renders();
      f.fixture.pushUrl('ETHUSDT');
      await vi.advanceTimersByTimeAsync(250);
      expect(popstates()).toBe(0);
      expect(f.fixture.renders()).toBe(renders);
      expect(last()).toMatchObject({ symbol: 'ETHUSDT', position: ethShort(exchange), source: 'page' });
    });
  }
  test('a URL change is noticed on the next panel mutation, before the poll', async () => {
    const { f } = await start('binance', binancePage);
    f.fixture.pushUrl('ETHUSDT');
    f.fixture.rerender(); // the page's panels re-render right after its pushState
    await vi.advanceTimersByTimeAsync(120); // past the read debounce, before the first 200 ms poll tick
    expect(last()).toMatchObject({ symbol: 'ETHUSDT', position: ethShort('binance') });
  });
  test("Bybit's /trade/usdt/X → /en/trade/usdt/X replaceState keeps the position, with no flash of 'no position'", async () => {
    const { f } = await start('bybit', bybitPage);
    expect(last()).toMatchObject({ symbol: 'BTCUSDT', position: btcLong('bybit') });
    // What the page does (the kit's ?redirect=replace does the same after its first paint; e2e runs that).
    f.window.history.replaceState(null, '', '/en/trade/usdt/BTCUSDT');
    await vi.advanceTimersByTimeAsync(600);
    expect(new URL(f.window.location.href).pathname).toBe('/en/trade/usdt/BTCUSDT');
    expect(states.every((s) => s.symbol === 'BTCUSDT' && s.position !== null)).toBe(true);
    expect(last()).toMatchObject({ symbol: 'BTCUSDT', position: btcLong('bybit') });
  });
  test('replaceState to another symbol (no history entry) is followed too', async () => {
    const { f } = await start('binance', binancePage);
    f.fixture.replaceUrl('ETHUSDT');
    await vi.advanceTimersByTimeAsync(250);
    expect(last()).toMatchObject({ symbol: 'ETHUSDT', position: ethShort('binance') });
  });
});
