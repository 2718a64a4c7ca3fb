import { afterEach, describe, expect, test } from 'vitest';
import { okxPage } from '../../../src/sites/okx/page';
import { loadFixture, type LoadedFixture } from '../fixture-page';
import { commonFixtureCases } from '../page-cases';

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
  test('size in contracts is reported with the unit, not converted blind', async () => {
    open = await loadFixture('okx', 'units=cont');
    expect(okxPage.readPosition(open.document, 'BTCUSDT')).toEqual({
      kind: 'invalid',
      reason: 'okx: size is shown in contracts ("15 Cont"): switch the page\'s unit to BTC or enter the size in BTC by hand',
      draft: { side: 'long', entry: 96800, liqPrice: 87512.3 },
    });
  });
  test('contracts in Chinese (张) too', async () => {
    open = await loadFixture('okx', 'units=cont&lang=zh');
    const r = okxPage.readPosition(open.document, 'BTCUSDT');
    expect(r.kind === 'invalid' && r.reason).toMatch(/contracts \("15 张"\)/);
  });
  test('the positions list is an ARIA grid (no <table>) and is still read by header text', async () => {
    open = await loadFixture('okx', '');
    expect(open.document.querySelector('[role="tabpanel"] table')).toBeNull();
    expect(okxPage.readPosition(open.document, 'BTCUSDT').kind).toBe('position');
  });
});
