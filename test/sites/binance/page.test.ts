import { afterEach, describe, expect, test } from 'vitest';
import { binancePage } from '../../../src/sites/binance/page';
import { loadFixture, type LoadedFixture } from '../fixture-page';
import { btcLong, commonFixtureCases, ethShort } from '../page-cases';

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
