import { afterEach, describe, expect, test } from 'vitest';
import { bitgetPage } from '../../../src/sites/bitget/page';
import { loadFixture, type LoadedFixture } from '../fixture-page';
import { btcLong, commonFixtureCases } from '../page-cases';

describe('bitget symbolFromUrl', () => {
  const sym = (u: string) => bitgetPage.symbolFromUrl(new URL(u));
  test('with and without a locale prefix, either case', () => {
    expect(sym('https://www.bitget.com/futures/usdt/BTCUSDT')).toBe('BTCUSDT');
    expect(sym('https://www.bitget.com/en/futures/usdt/ETHUSDT')).toBe('ETHUSDT');
    expect(sym('https://www.bitget.com/zh-CN/futures/usdt/btcusdt')).toBe('BTCUSDT');
  });
  test('spot and other pages → null', () => {
    expect(sym('https://www.bitget.com/spot/BTCUSDT')).toBeNull();
    expect(sym('https://www.bitget.com/futures/usdc/BTCPERP')).toBeNull();
  });
});

commonFixtureCases('bitget', bitgetPage);

describe('bitget specifics', () => {
  let open: LoadedFixture | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });
  test('test ids are the first strategy when present', async () => {
    open = await loadFixture('bitget', '');
    const r = bitgetPage.readPosition(open.document, 'BTCUSDT');
    expect(r.kind === 'position' && r.strategy).toMatch(/^test id \[data-testid="FutureTradePositionList"\]/);
  });
  test('without test ids the tab and header text still find the same position', async () => {
    open = await loadFixture('bitget', 'variant=no-testid');
    const r = bitgetPage.readPosition(open.document, 'BTCUSDT');
    expect(r).toEqual({ kind: 'position', position: btcLong('bitget'), mark: 97230.3, strategy: expect.stringMatching(/^tab "Positions\(2\)" → aria-controls/) });
  });
});
