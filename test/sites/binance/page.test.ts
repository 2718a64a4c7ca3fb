import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { binancePage } from '../../../src/sites/binance/page';
import { loadFixture, type LoadedFixture } from '../fixture-page';
import { btcLong, commonFixtureCases, ethShort } from '../page-cases';

const JACKHAI9 = path.join(__dirname, '../../fixtures/pages/binance/jackhai9');

describe('binance symbolFromUrl', () => {
  const sym = (u: string) => binancePage.symbolFromUrl(new URL(u));
  test('with and without a locale prefix', () => {
    expect(sym('https://www.binance.com/en/futures/BTCUSDT')).toBe('BTCUSDT');
    expect(sym('https://www.binance.com/zh-CN/futures/ETHUSDT')).toBe('ETHUSDT');
    expect(sym('https://www.binance.com/futures/1000PEPEUSDT')).toBe('1000PEPEUSDT');
    expect(sym('https://www.binance.com/en/futures/BTCUSDT?type=1')).toBe('BTCUSDT');
  });
  test('not a USDⓈ-M trading page → null', () => {
    expect(sym('https://www.binance.com/en/futures/')).toBeNull();
    expect(sym('https://www.binance.com/en/my/wallet/futures/BTCUSDT')).toBeNull();
    expect(sym('https://www.binance.com/en/delivery/BTCUSD_PERP')).toBeNull();
    expect(sym('https://www.bybit.com/en/futures/BTCUSDT')).toBeNull();
  });
});

commonFixtureCases('binance', binancePage);

describe('binance specifics', () => {
  let open: LoadedFixture | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });
  test('the Positions tab reuses the order form pane id: the reader notices and uses the real panel', async () => {
    open = await loadFixture('binance', '');
    const r = binancePage.readPosition(open.document, 'BTCUSDT');
    expect(r.kind === 'position' && r.strategy).toMatch(/aria-controls pointed elsewhere/);
  });
  test('side comes from the negative size of a short', async () => {
    open = await loadFixture('binance', '', 'https://www.binance.com/en/futures/ETHUSDT');
    const r = binancePage.readPosition(open.document, 'ETHUSDT');
    expect(r.kind === 'position' && r.position.side).toBe('short');
    expect(r.kind === 'position' && r.strategy).toMatch(/side from the size sign/);
  });
  test('size shown in USDT becomes coin at the row\'s mark (14,584.55 USDT ÷ 97,230.3 = 0.15 BTC)', async () => {
    open = await loadFixture('binance', 'units=usdt');
    const r = binancePage.readPosition(open.document, 'BTCUSDT');
    expect(r).toEqual({ kind: 'position', position: btcLong('binance'), mark: 97230.3, strategy: expect.stringContaining('14,584.55 USDT ÷ mark') });
  });
  test('a short shown in USDT (negative notional) too', async () => {
    open = await loadFixture('binance', 'units=usdt', 'https://www.binance.com/en/futures/ETHUSDT');
    const r = binancePage.readPosition(open.document, 'ETHUSDT');
    expect(r).toEqual({ kind: 'position', position: ethShort('binance'), mark: 3406.7, strategy: expect.stringContaining('÷ mark') });
  });
  test('never reads the order form inputs: a changed input does not change the read', async () => {
    open = await loadFixture('binance', '');
    const input = open.document.querySelector('input[name="limitPrice"]') as HTMLInputElement;
    input.value = '1';
    const r = binancePage.readPosition(open.document, 'BTCUSDT');
    expect(r.kind === 'position' && r.position).toEqual(btcLong('binance'));
  });
});

describe('binance: every tab pane stays mounted while hidden (research real-pages/binance.md §4)', () => {
  let open: LoadedFixture | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });
  for (const query of ['variant=panes-mounted', 'variant=panes-mounted&lang=zh']) {
    test(`Open Orders selected, its look-alike table visible: the hidden Positions pane is read, not the orders (${query})`, async () => {
      open = await loadFixture('binance', query);
      const doc = open.document;
      // The model: four mounted panes, the positions one hidden, an order row for the same symbol visible.
      expect(doc.querySelectorAll('.bn-tab-pane')).toHaveLength(4);
      expect(doc.querySelector('.bn-tab-pane.active')?.textContent).toMatch(/BTCUSDT/);
      const r = binancePage.readPosition(doc, 'BTCUSDT');
      expect(r).toEqual({ kind: 'position', position: btcLong('binance'), mark: 97230.3, strategy: expect.stringMatching(/pane 1 of 4 beside the tab list, hidden but mounted/) });
      expect(binancePage.panelRoot(doc)).toBe(doc.querySelector('.bn-tab-pane'));
    });
  }
  test('hedge mode in mounted panes: both legs', async () => {
    open = await loadFixture('binance', 'variant=panes-mounted');
    open.fixture.setPositions([
      { symbol: 'BTCUSDT', side: 'long', size: 0.15, entry: 96800, mark: 97230.3, liq: 87512.3, leverage: 10, margin: 'cross' },
      { symbol: 'BTCUSDT', side: 'short', size: 0.05, entry: 97500, mark: 97230.3, liq: 106822.7, leverage: 10, margin: 'isolated' },
    ]);
    const r = binancePage.readPosition(open.document, 'BTCUSDT');
    expect(r.kind === 'hedge' && r.positions).toEqual([btcLong('binance'), { ...btcLong('binance'), side: 'short', size: 0.05, entry: 97500, liqPrice: 106822.7, marginMode: 'isolated' }]);
  });
  test('the jackhai9 captures: the Open Orders pane (selected, reused pane id) is never taken for positions', () => {
    for (const [file, reason] of [
      ['binance-account-orders-open-orders.html', /"仓位" tab is not selected and its pane is not mounted/],
      ['binance-account-orders-position.html', /"仓位" tab found but no positions table in its pane/],
    ] as const) {
      document.body.innerHTML = fs.readFileSync(path.join(JACKHAI9, file), 'utf8');
      expect(binancePage.readPosition(document, 'HYPEUSDT'), file).toEqual({ kind: 'none', reason: expect.stringMatching(reason) });
    }
  });
  test('a "Cross Long" tag (one tag naming margin and side) gives the side', async () => {
    open = await loadFixture('binance', 'variant=hedge');
    const tags = Array.from(open.document.querySelectorAll('.bn-web-table-row .tag'));
    // Merge each row's two tags ("Cross 10x" + "Long") into the combined forms seen on Binance pages.
    for (const row of Array.from(open.document.querySelectorAll('.bn-web-table-row'))) {
      const [lev, side] = Array.from(row.querySelectorAll('.tag'));
      if (lev && side) {
        side.textContent = `${lev.textContent!.split(' ')[0]} ${side.textContent}`;
        lev.textContent = lev.textContent!.split(' ')[1]!;
      }
    }
    // And the sizes unsigned, so the tag alone can say which leg is the short.
    for (const td of Array.from(open.document.querySelectorAll('.bn-web-table-row td'))) {
      if (/^-\d/.test(td.textContent ?? '')) td.textContent = td.textContent!.slice(1);
    }
    expect(tags.length).toBeGreaterThan(0);
    const r = binancePage.readPosition(open.document, 'BTCUSDT');
    expect(r.kind === 'hedge' && r.positions.map((p) => p.side)).toEqual(['long', 'short']);
    expect(r.kind === 'hedge' && r.strategy).toMatch(/side from the row tag/);
  });
});
