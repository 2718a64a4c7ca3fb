import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { okxPage } from '../../../src/sites/okx/page';
import { FIXTURE_URL, loadFixture, type LoadedFixture } from '../fixture-page';
import { btcHedgeShort, btcLong, commonFixtureCases, ethShort } from '../page-cases';

describe('okx symbolFromUrl', () => {
  const sym = (u: string) => okxPage.symbolFromUrl(new URL(u));
  test('instId in lower case → canonical BASEQUOTE, with and without a locale', () => {
    expect(sym('https://www.okx.com/trade-swap/btc-usdt-swap')).toBe('BTCUSDT');
    expect(sym('https://www.okx.com/zh-hans/trade-swap/eth-usdt-swap')).toBe('ETHUSDT');
    expect(sym('https://www.okx.com/en/trade-swap/pepe-usdt-swap')).toBe('PEPEUSDT');
  });
  test('spot, futures and coin-margined swaps → null', () => {
    expect(sym('https://www.okx.com/trade-spot/btc-usdt')).toBeNull();
    expect(sym('https://www.okx.com/trade-swap/btc-usd-swap')).toBeNull();
    expect(sym('https://www.okx.com/markets')).toBeNull();
  });
});

commonFixtureCases('okx', okxPage);

describe('okx specifics', () => {
  let open: LoadedFixture | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });
  // BTC-USDT-SWAP ctVal 0.01 BTC, ETH-USDT-SWAP 0.1 ETH (test/fixtures/api/okx/*/instruments.json): what the background sends.
  const BTC_CT = { coinPerContract: 0.01 };
  const ETH_CT = { coinPerContract: 0.1 };
  test('size in contracts before the contract value is known: refused saying why, the draft holds everything else', async () => {
    open = await loadFixture('okx', 'units=cont');
    expect(okxPage.readPosition(open.document, 'BTCUSDT')).toEqual({
      kind: 'invalid',
      reason: 'okx: size is shown in contracts ("15 Cont"), their BTC value not known: enter it in BTC by hand',
      draft: { side: 'long', entry: 96800, liqPrice: 87512.3, leverage: 10, marginMode: 'cross' },
    });
  });
  test('contracts in Chinese (张) too', async () => {
    open = await loadFixture('okx', 'units=cont&lang=zh');
    const r = okxPage.readPosition(open.document, 'BTCUSDT');
    expect(r.kind === 'invalid' && r.reason).toMatch(/contracts \("15 张"\)/);
  });
  test('size in contracts × ctVal: 15 Cont × 0.01 = 0.15 BTC, checked against the Value column', async () => {
    open = await loadFixture('okx', 'units=cont');
    expect(okxPage.readPosition(open.document, 'BTCUSDT', BTC_CT)).toEqual({
      kind: 'position',
      position: btcLong('okx'),
      mark: 97230.3,
      strategy: expect.stringMatching(/15 Cont × 0\.01 BTC, value agrees/),
    });
  });
  test('a bigger position in contracts (1,250 Cont = 12.5 BTC), in Chinese with European digits', async () => {
    open = await loadFixture('okx', 'units=cont&lang=zh&fmt=eu');
    open.fixture.setPosition({ size: 12.5 });
    expect(open.document.body.textContent).toContain('1.250 张');
    const r = okxPage.readPosition(open.document, 'BTCUSDT', BTC_CT);
    expect(r.kind === 'position' && r.position).toEqual({ ...btcLong('okx'), size: 12.5 });
  });
  test('the ETHUSDT short in contracts (25 Cont × 0.1 ETH)', async () => {
    open = await loadFixture('okx', 'units=cont', FIXTURE_URL.okx('ETHUSDT'));
    expect(okxPage.readPosition(open.document, 'ETHUSDT', ETH_CT)).toEqual({ kind: 'position', position: ethShort('okx'), mark: 3406.7, strategy: expect.any(String) });
  });
  test('hedge mode in contracts: both legs in coin', async () => {
    open = await loadFixture('okx', 'units=cont&variant=hedge');
    expect(okxPage.readPosition(open.document, 'BTCUSDT', BTC_CT)).toEqual({
      kind: 'hedge', positions: [btcLong('okx'), btcHedgeShort('okx')], marks: [97230.3, 97230.3], strategy: expect.any(String),
    });
  });
  test('a wrong contract value is caught by the Value column: a named refusal, not a 10× size', async () => {
    open = await loadFixture('okx', 'units=cont');
    const r = okxPage.readPosition(open.document, 'BTCUSDT', { coinPerContract: 0.1 });
    expect(r).toEqual({
      kind: 'invalid',
      reason: 'okx: size 1.5 BTC × mark is 10× the row\'s value "14,584.55 USDT"',
      draft: { side: 'long', entry: 96800, liqPrice: 87512.3, leverage: 10, marginMode: 'cross' },
    });
  });
  test('size in USDT becomes coin at the row\'s mark (14,584.55 USDT ÷ 97,230.3), with or without the contract value', async () => {
    open = await loadFixture('okx', 'units=usdt');
    for (const ctx of [undefined, BTC_CT]) {
      expect(okxPage.readPosition(open.document, 'BTCUSDT', ctx)).toEqual({
        kind: 'position', position: btcLong('okx'), mark: 97230.3, strategy: expect.stringContaining('14,584.55 USDT ÷ mark, value agrees'),
      });
    }
  });
  test('size in USDT with the mark column hidden: converted at the entry price', async () => {
    open = await loadFixture('okx', 'units=usdt&variant=hidden-cols');
    const r = okxPage.readPosition(open.document, 'BTCUSDT');
    // 14,584.55 ÷ 96,800 = 0.150667 BTC: the entry is the only price the row shows.
    expect(r.kind === 'position' && r.position.size).toBe(0.150667);
    expect(r.kind === 'position' && r.strategy).toContain('÷ entry');
  });
  test('size in coin is read as it is', async () => {
    open = await loadFixture('okx', 'units=coin');
    expect(okxPage.readPosition(open.document, 'BTCUSDT', BTC_CT)).toEqual({ kind: 'position', position: btcLong('okx'), mark: 97230.3, strategy: expect.stringContaining('value agrees') });
  });
  test('a size without a unit is refused even with the contract value known (coin or contracts?), the draft prefilled', async () => {
    open = await loadFixture('okx', 'units=bare');
    expect(okxPage.readPosition(open.document, 'BTCUSDT', BTC_CT)).toEqual({
      kind: 'invalid',
      reason: 'okx: size "0.1500" has no unit (coin or contracts?): enter it by hand',
      draft: { side: 'long', entry: 96800, liqPrice: 87512.3, leverage: 10, marginMode: 'cross' },
    });
  });
  test('the positions list is an ARIA grid (no <table>) and is still read by header text', async () => {
    open = await loadFixture('okx', 'layout=grid');
    expect(open.document.querySelector('[role="grid"]')).not.toBeNull();
    expect(open.document.querySelector('.position-box table')).toBeNull();
    expect(okxPage.readPosition(open.document, 'BTCUSDT').kind).toBe('position');
  });
});

describe('okx: the account panel as the real page builds it (research real-pages/okx.md)', () => {
  let open: LoadedFixture | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });
  const read = async (query: string, symbol = 'BTCUSDT') => {
    open = await loadFixture('okx', query, FIXTURE_URL.okx(symbol));
    return okxPage.readPosition(open.document, symbol);
  };

  test('rows are .position-box .okui-table-row; the aria-hidden measure row is not a position', async () => {
    const r = await read('');
    expect(open!.document.querySelectorAll('.position-box tr[aria-hidden="true"]')).toHaveLength(1);
    expect(r).toEqual({ kind: 'position', position: btcLong('okx'), mark: 97230.3, strategy: expect.stringMatching(/^\.position-box → table by header text/) });
  });
  test('one-way mode: a short is the negative size, even with a profitable (positive-pl) PnL cell', async () => {
    const r = await read('', 'ETHUSDT');
    expect(open!.document.querySelector('.position-box .positive-pl')).not.toBeNull();
    expect(r.kind === 'position' && r.position).toEqual(ethShort('okx'));
    expect(r.kind === 'position' && r.strategy).toMatch(/side from the size sign/);
  });
  for (const query of ['variant=hedge', 'variant=hedge&lang=zh', 'variant=hedge&fmt=eu', 'variant=hedge&layout=split']) {
    test(`hedge mode: each leg's side from the Size cell's .positive-pl / .negative-pl (${query})`, async () => {
      const r = await read(query);
      expect(open!.document.querySelector('.position-box .okui-table-row .negative-pl')?.textContent).toMatch(/^0[.,]0500 BTC$/);
      expect(r).toEqual({ kind: 'hedge', positions: [btcLong('okx'), btcHedgeShort('okx')], marks: [97230.3, 97230.3], strategy: expect.stringContaining("side from the size cell's class") });
    });
  }
  test('a fixed header in its own <table> (layout=split) is paired with the body table', async () => {
    const r = await read('layout=split');
    expect(open!.document.querySelectorAll('.position-box table')).toHaveLength(2);
    expect(r).toEqual({ kind: 'position', position: btcLong('okx'), mark: 97230.3, strategy: expect.any(String) });
  });
  test('tabs are [role=tab][data-pane-id] in sortable items, reorderable, with counts; found by data-pane-id in any language', async () => {
    open = await loadFixture('okx', 'variant=reordered');
    const tabs = Array.from(open.document.querySelectorAll('[role="tab"][data-pane-id]')).map((t) => t.getAttribute('data-pane-id'));
    expect(tabs[0]).toBe('positions');
    // A language the labels do not know, and no .position-box class: the tab's layout content is used.
    const tab = open.document.querySelector('[data-pane-id="positions"]')!;
    tab.textContent = 'Posiciones abiertas (2)';
    open.document.querySelector('.position-box')!.className = 'pos-wrap';
    const r = okxPage.readPosition(open.document, 'BTCUSDT');
    expect(r.kind === 'position' && r.position).toEqual(btcLong('okx'));
    expect(r.kind === 'position' && r.strategy).toMatch(/^the positions tab's layout content → /);
    // Without the layout path either, the tab is still found by its data-pane-id, and the reason names it.
    open.document.querySelectorAll('[data-layout-path]').forEach((e) => e.removeAttribute('data-layout-path'));
    expect(okxPage.readPosition(open.document, 'BTCUSDT')).toEqual({ kind: 'none', reason: 'okx: "Posiciones abiertas (2)" tab found but no positions table in its pane' });
  });
  test('the tab count label "Open positions (2)" is a positions tab label', async () => {
    open = await loadFixture('okx', '');
    expect(open.document.querySelector('[data-pane-id="positions"]')?.textContent).toBe('Open positions (2)');
  });
  test('three-part locale prefixes (zh-hans-ae, en-ae, es-la) are trading pages', () => {
    for (const loc of ['zh-hans', 'zh-hant', 'pt', 'es-la', 'ua', 'zh-hans-ae', 'en-ae', 'ru-ae', 'fr-ae', 'ar-ae', 'en-ar', 'es-ar']) {
      expect(okxPage.symbolFromUrl(new URL(`https://www.okx.com/${loc}/trade-swap/btc-usdt-swap`)), loc).toBe('BTCUSDT');
    }
    expect(okxPage.symbolFromUrl(new URL('https://www.okx.com/zh-hans-ae-xx/trade-swap/btc-usdt-swap'))).toBeNull();
  });
});

describe('okx: the real tab strip (capture 2026-04, logged out)', () => {
  const CAPTURE = path.join(__dirname, '../../fixtures/real-pages/okx-capture-2026-04/okx_account_bottom_tabs.html');
  const load = () => {
    document.body.innerHTML = fs.readFileSync(CAPTURE, 'utf8');
    return document;
  };
  test('the positions tab is found by data-pane-id; not selected, no pane → no position, saying so', () => {
    const doc = load();
    expect(doc.querySelectorAll('[role="tab"][data-pane-id]')).toHaveLength(6);
    expect(okxPage.readPosition(doc, 'BTCUSDT')).toEqual({ kind: 'none', reason: 'okx: "Open positions" tab is not selected and its pane is not mounted' });
    expect(okxPage.panelRoot(doc)).toBeNull();
  });
  test('dragged to the front, selected, with a count: found, and still no table → the reason names the tab', () => {
    const doc = load();
    const tab = doc.querySelector('[data-pane-id="positions"]')!;
    const item = tab.closest('.okui-dragdrop-sortable-wrapper')!;
    item.parentElement!.prepend(item);
    doc.querySelectorAll('[role="tab"]').forEach((t) => t.setAttribute('aria-selected', String(t === tab)));
    tab.querySelector('.index_labelWrapper__CfJLv')!.textContent = 'Open positions (1)';
    expect(doc.querySelector('[role="tab"]')).toBe(tab);
    expect(okxPage.readPosition(doc, 'BTCUSDT')).toEqual({ kind: 'none', reason: 'okx: "Open positions (1)" tab found but no positions table in its pane' });
  });
});
