import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { memoryManualStore } from '../../src/position/manual-store';
import { isExchange } from '../../src/sites';
import { watchPosition, type PositionState, type PositionWatch } from '../../src/position/watcher';
import { binancePage } from '../../src/sites/binance/page';
import { okxPage } from '../../src/sites/okx/page';
import { loadFixture, type LoadedFixture } from '../sites/fixture-page';
import { btcHedgeShort, btcLong, ethShort } from '../sites/page-cases';

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

async function start(query = '', opts: { store?: ReturnType<typeof memoryManualStore> } = {}) {
  open = await loadFixture('binance', query);
  const win = open.window;
  watch = watchPosition({
    adapter: binancePage,
    doc: open.document,
    getUrl: () => win.location.href,
    onChange: (s) => states.push(s),
    ...(opts.store ? { store: opts.store } : {}),
  });
  await vi.advanceTimersByTimeAsync(0); // the manual store loads asynchronously
  return open;
}
const last = () => states[states.length - 1]!;

describe('watchPosition', () => {
  test('reports the page position at once, with the strategy as health', async () => {
    await start();
    expect(states).toHaveLength(1);
    expect(last()).toMatchObject({ exchange: 'binance', symbol: 'BTCUSDT', position: btcLong('binance'), source: 'page', mark: 97230.3, pageRead: 'position' });
    expect(last().health).toMatch(/^page: tab "Positions\(2\)" → .* → table by header text/);
  });

  test('an edit of the row is reported after the debounce and well within 300 ms, not before', async () => {
    const f = await start();
    f.fixture.setPosition({ entry: 95000 });
    await vi.advanceTimersByTimeAsync(20);
    expect(states).toHaveLength(1); // still debouncing
    await vi.advanceTimersByTimeAsync(80);
    expect(states).toHaveLength(2);
    expect(last().position?.entry).toBe(95000);
  });

  test('a panel that keeps re-rendering still reports a change within the max wait (no starvation)', async () => {
    const f = await start();
    f.fixture.setPosition({ entry: 95000 });
    // Churn every 30 ms (less than the 60 ms debounce) for 600 ms.
    for (let t = 30; t <= 600; t += 30) {
      await vi.advanceTimersByTimeAsync(30);
      f.fixture.rerender();
      if (t === 180) expect(last().position?.entry).toBe(95000);
    }
  });

  test('identical re-renders (new nodes, same content) are not reported again', async () => {
    const f = await start();
    for (let i = 0; i < 10; i++) {
      f.fixture.rerender();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(f.fixture.renders()).toBeGreaterThanOrEqual(11);
    expect(states).toHaveLength(1);
  });

  test('SPA navigation to another symbol switches within 300 ms', async () => {
    const f = await start();
    f.fixture.navigate('ETHUSDT');
    await vi.advanceTimersByTimeAsync(300);
    expect(last()).toMatchObject({ symbol: 'ETHUSDT', position: ethShort('binance'), source: 'page' });
  });

  test('a history event (popstate / wxt:locationchange) switches at once, without waiting for the poll', async () => {
    const f = await start();
    f.window.history.replaceState({}, '', '/en/futures/ETHUSDT');
    f.window.dispatchEvent(new f.window.Event('wxt:locationchange'));
    await vi.advanceTimersByTimeAsync(1); // the store lookup for the new symbol resolves
    expect(last()).toMatchObject({ symbol: 'ETHUSDT', position: ethShort('binance') });
  });

  test('a panel that vanishes for a moment (React remount) keeps the last read, then lets go after 1.5 s', async () => {
    const f = await start();
    f.document.getElementById('account-panel')!.replaceChildren();
    await vi.advanceTimersByTimeAsync(250);
    expect(last()).toMatchObject({ position: btcLong('binance'), source: 'page' });
    expect(last().health).toMatch(/kept for a moment: binance: no tab labelled Positions/);
    await vi.advanceTimersByTimeAsync(1500);
    expect(last()).toMatchObject({ position: null, source: 'none' });
  });

  test('a panel remounted within the grace period never flickers to planned trade', async () => {
    const f = await start();
    f.document.getElementById('account-panel')!.replaceChildren();
    await vi.advanceTimersByTimeAsync(400);
    f.fixture.rerender();
    await vi.advanceTimersByTimeAsync(2000);
    expect(states.every((s) => s.position !== null)).toBe(true);
    expect(last().health).toMatch(/^page: /);
  });

  test('placeholders while loading ("--" entry) keep the last read briefly', async () => {
    const f = await start();
    f.fixture.setPosition({ entry: null });
    await vi.advanceTimersByTimeAsync(100);
    expect(last()).toMatchObject({ position: btcLong('binance') });
    expect(last().health).toMatch(/kept for a moment: binance: entry price/);
    await vi.advanceTimersByTimeAsync(1500);
    expect(last()).toMatchObject({ position: null, pageRead: 'invalid' });
  });

  test('the position closing → none (planned trade) with the reason as health', async () => {
    const f = await start();
    f.fixture.removePosition('BTCUSDT');
    await vi.advanceTimersByTimeAsync(300);
    expect(last()).toMatchObject({ symbol: 'BTCUSDT', position: null, source: 'none', pageRead: 'none' });
    expect(last().health).toMatch(/^no position read \(planned trade\): binance: no BTCUSDT row/);
  });

  test('the read context (coin per contract from the background) reaches the reader; refresh() re-reads with a new one', async () => {
    open = await loadFixture('okx', 'units=cont');
    const win = open.window;
    let ctx: { coinPerContract: number } | undefined;
    watch = watchPosition({ adapter: okxPage, doc: open.document, getUrl: () => win.location.href, onChange: (s) => states.push(s), context: () => ctx });
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ position: null, pageRead: 'invalid', draft: { side: 'long', entry: 96800, leverage: 10 } });
    expect(last().reason).toMatch(/size is shown in contracts \("15 Cont"\)/);
    ctx = { coinPerContract: 0.01 };
    watch.refresh();
    expect(last()).toMatchObject({ position: btcLong('okx'), source: 'page', pageRead: 'position' });
  });

  test('an invalid read is not used; its fields come as a draft for the manual panel', async () => {
    await start('variant=invalid');
    expect(last()).toMatchObject({ position: null, source: 'none', pageRead: 'invalid', draft: { side: 'long', entry: 96800, liqPrice: 99000 } });
    expect(last().health).toMatch(/^position not used: .*not below the entry/);
  });

  test('hedge mode: the larger leg at once; the pick is honoured, remembered and restored on a new watch (reload)', async () => {
    const store = memoryManualStore(isExchange);
    await start('variant=hedge', { store });
    // 0.15 BTC long vs 0.05 BTC short: the long is the larger notional.
    expect(last()).toMatchObject({ position: btcLong('binance'), source: 'page', hedge: [btcLong('binance'), btcHedgeShort('binance')], hedgePick: 'long', hedgePickReason: 'larger' });
    expect(last().health).toMatch(/hedge mode: long and short open; long shown, the larger notional/);
    await watch!.pickHedge('short');
    expect(last()).toMatchObject({ position: btcHedgeShort('binance'), source: 'page', hedgePick: 'short', hedgePickReason: 'picked' });
    expect(await store.loadHedgePick('binance', 'BTCUSDT')).toBe('short');
    // A reload: a new page and a new watcher on the same store show the picked leg at once.
    watch!.stop();
    await open!.close();
    states = [];
    await start('variant=hedge', { store });
    expect(states.every((s) => s.position !== null)).toBe(true);
    expect(last()).toMatchObject({ position: btcHedgeShort('binance'), hedgePick: 'short', hedgePickReason: 'picked' });
    // Forgetting the pick returns to the larger leg.
    await watch!.pickHedge(null);
    expect(last()).toMatchObject({ position: btcLong('binance'), hedgePickReason: 'larger' });
    expect(await store.loadHedgePick('binance', 'BTCUSDT')).toBeNull();
  });

  test('hedge mode: a stored pick that is not a side (storage is not trusted) is ignored', async () => {
    const store = memoryManualStore(isExchange);
    // Write garbage straight through the store's own area by saving through a cast.
    await store.saveHedgePick('binance', 'BTCUSDT', 'sideways' as never);
    expect(await store.loadHedgePick('binance', 'BTCUSDT')).toBeNull();
    await start('variant=hedge', { store });
    expect(last()).toMatchObject({ position: btcLong('binance'), hedgePickReason: 'larger' });
  });

  test('hedge mode: a re-render gap keeps the shown leg instead of flashing "no position"', async () => {
    const f = await start('variant=hedge');
    f.document.getElementById('account-panel')!.replaceChildren();
    await vi.advanceTimersByTimeAsync(250);
    expect(last()).toMatchObject({ position: btcLong('binance'), source: 'page' });
    expect(last().health).toMatch(/kept for a moment/);
  });

  test('a manual entry wins over the page until cleared', async () => {
    const store = memoryManualStore(isExchange);
    await start('', { store });
    const manual = { ...btcLong('binance'), entry: 90000, liqPrice: 81000, source: 'manual' as const };
    await watch!.saveManual(manual);
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ position: manual, source: 'manual' });
    expect(last().health).toMatch(/^manual entry .*page: long 0.15 @ 96800/);
    await watch!.clearManual();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ position: btcLong('binance'), source: 'page' });
  });

  test('without a store, a manual entry lives in memory for the session', async () => {
    await start('variant=none');
    await watch!.saveManual({ ...btcLong('binance'), source: 'manual' });
    expect(last()).toMatchObject({ source: 'manual', position: { entry: 96800 } });
    await watch!.clearManual();
    expect(last()).toMatchObject({ source: 'none', position: null });
  });

  test('a manual entry saved elsewhere (another tab, the panel) reaches the watcher through the store', async () => {
    const store = memoryManualStore(isExchange);
    await start('variant=none', { store });
    expect(last().source).toBe('none');
    await store.save({ ...btcLong('binance'), source: 'manual' });
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ source: 'manual', position: { entry: 96800, source: 'manual' } });
  });

  test('navigating away from a trading page reports no symbol', async () => {
    const f = await start();
    f.window.history.pushState({}, '', '/en/markets');
    await vi.advanceTimersByTimeAsync(300);
    expect(last()).toMatchObject({ symbol: null, position: null, pageRead: 'no-symbol' });
  });

  test('after stop() nothing more is reported', async () => {
    const f = await start();
    watch!.stop();
    f.fixture.setPosition({ entry: 95000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(states).toHaveLength(1);
  });
});
