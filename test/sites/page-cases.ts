/**
 * The variants every fixture page models, with the position each must read as (or the reason it must not).
 * Used by test/sites/<exchange>/page.test.ts. Numbers are the fixture kit's model account.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Exchange, Position } from '../../src/engine/types';
import type { SiteAdapter } from '../../src/position/page-adapter';
import { FIXTURE_URL, loadFixture, type LoadedFixture } from './fixture-page';

export const btcLong = (exchange: Exchange): Position => ({
  exchange, symbol: 'BTCUSDT', side: 'long', entry: 96800, size: 0.15, leverage: 10, marginMode: 'cross', liqPrice: 87512.3, source: 'page',
});
export const btcHedgeShort = (exchange: Exchange): Position => ({
  exchange, symbol: 'BTCUSDT', side: 'short', entry: 97500, size: 0.05, leverage: 10, marginMode: 'isolated', liqPrice: 106822.7, source: 'page',
});
export const ethShort = (exchange: Exchange): Position => ({
  exchange, symbol: 'ETHUSDT', side: 'short', entry: 3450, size: 2.5, leverage: 20, marginMode: 'isolated', liqPrice: 3604.5, source: 'page',
});

export function commonFixtureCases(exchange: Exchange, adapter: SiteAdapter): void {
  let open: LoadedFixture | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });
  const read = async (query: string, symbol = 'BTCUSDT') => {
    open = await loadFixture(exchange, query, FIXTURE_URL[exchange](symbol));
    return adapter.readPosition(open.document, symbol);
  };

  describe(`${exchange} fixture page: the positions panel`, () => {
    for (const query of ['', 'lang=zh', 'fmt=eu', 'fmt=space', 'fmt=eu&lang=zh', 'variant=reordered', 'variant=virtual', 'variant=rerender']) {
      test(`reads the BTCUSDT long (${query || 'default'})`, async () => {
        const r = await read(query);
        expect(r).toEqual({ kind: 'position', position: btcLong(exchange), mark: 97230.3, strategy: expect.stringContaining('header text') });
      });
    }
    test('reads the ETHUSDT short on the ETHUSDT page (same account list, other symbol)', async () => {
      const r = await read('', 'ETHUSDT');
      expect(r).toEqual({ kind: 'position', position: ethShort(exchange), mark: 3406.7, strategy: expect.any(String) });
    });
    test('hidden columns: no liquidation price read, the rest still is', async () => {
      const r = await read('variant=hidden-cols');
      const { liqPrice: _omitted, ...withoutLiq } = btcLong(exchange);
      expect(r).toEqual({ kind: 'position', position: withoutLiq, strategy: expect.any(String) });
    });
    test('no leverage tag in the row: leverage and margin mode from the leverage control', async () => {
      const r = await read('variant=no-tag');
      expect(r).toEqual({ kind: 'position', position: btcLong(exchange), mark: 97230.3, strategy: expect.stringContaining('leverage control') });
    });
    test('hedge mode: both positions, for the user to pick', async () => {
      const r = await read('variant=hedge');
      expect(r).toEqual({ kind: 'hedge', positions: [btcLong(exchange), btcHedgeShort(exchange)], marks: [97230.3, 97230.3], strategy: expect.stringContaining('hedge') });
    });
    test('hedge mode in Chinese', async () => {
      const r = await read('variant=hedge&lang=zh');
      expect(r.kind === 'hedge' && r.positions.map((p) => p.side)).toEqual(['long', 'short']);
    });
    test('no position → none (planned trade), saying the table is empty', async () => {
      expect(await read('variant=none')).toEqual({ kind: 'none', reason: expect.stringMatching(/no open positions/) });
    });
    test('a symbol without a row → none naming the symbol', async () => {
      open = await loadFixture(exchange, '');
      expect(adapter.readPosition(open.document, 'SOLUSDT')).toEqual({ kind: 'none', reason: expect.stringMatching(/no SOLUSDT row among 2 position row/) });
    });
    test('virtualised list with the row off screen → none, saying the list is virtualised', async () => {
      expect(await read('variant=virtual-offscreen')).toEqual({ kind: 'none', reason: expect.stringMatching(/10 rendered of 32 \(virtualised/) });
    });
    test('another tab selected and the positions pane unmounted → none, saying so', async () => {
      expect(await read('variant=tab-orders')).toEqual({ kind: 'none', reason: expect.stringMatching(/not selected/) });
    });
    test('liquidation price on the wrong side of entry → invalid, with the fields read as a draft', async () => {
      const r = await read('variant=invalid');
      expect(r).toEqual({
        kind: 'invalid',
        reason: `${exchange}: liquidation price 99000 is not below the entry 96800 of a long`,
        draft: { side: 'long', entry: 96800, size: 0.15, leverage: 10, marginMode: 'cross', liqPrice: 99000 },
      });
    });
    test('editing the row (React-style subtree replacement) is read on the next read', async () => {
      open = await loadFixture(exchange, '');
      open.fixture.setPosition({ entry: 95000, size: 0.2, liq: 86000.5, leverage: 12 });
      const r = adapter.readPosition(open.document, 'BTCUSDT');
      expect(r.kind === 'position' && r.position).toEqual({ ...btcLong(exchange), entry: 95000, size: 0.2, liqPrice: 86000.5, leverage: 12 });
    });
    test('no liquidation price shown ("--", cross margin with a large balance) → a position without one', async () => {
      open = await loadFixture(exchange, '');
      open.fixture.setPosition({ liq: null });
      const r = adapter.readPosition(open.document, 'BTCUSDT');
      const { liqPrice: _none, ...withoutLiq } = btcLong(exchange);
      expect(r.kind === 'position' && r.position).toEqual(withoutLiq);
    });
    test('the panel root holds the positions table', async () => {
      open = await loadFixture(exchange, '');
      const root = adapter.panelRoot(open.document);
      expect(root?.textContent).toContain('BTCUSDT');
    });
  });
}
