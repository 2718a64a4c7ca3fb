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
    open = await loadFixture('okx', '');
    expect(open.document.querySelector('[role="tabpanel"] table')).toBeNull();
    expect(okxPage.readPosition(open.document, 'BTCUSDT').kind).toBe('position');
  });
});
