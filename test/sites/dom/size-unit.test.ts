import { describe, expect, test } from 'vitest';
import { sizeInCoin, sizeUnitOf, valueMismatch } from '../../../src/sites/dom/size-unit';
import { CONTRACT_UNITS, QUOTE_UNITS } from '../../../src/sites/dom/words';

const words = { contractUnits: CONTRACT_UNITS, quoteUnits: QUOTE_UNITS };
const btc = (value: number, unit: string | null, text = `${value}${unit ? ` ${unit}` : ''}`) => ({ value, unit, text, base: 'BTC' });
const ctx = { entry: 96800, mark: 97230.3, bareSizeUnit: 'unknown' as const };

describe('sizeUnitOf', () => {
  test('coin, contracts (Cont, 张, Contracts), quote, none, other', () => {
    expect(sizeUnitOf('BTC', 'BTC', words)).toBe('coin');
    expect(sizeUnitOf('btc', 'BTC', words)).toBe('coin');
    for (const u of ['CONT', 'Cont', '张', '張', 'Contracts']) expect(sizeUnitOf(u, 'BTC', words)).toBe('contracts');
    expect(sizeUnitOf('USDT', 'BTC', words)).toBe('quote');
    expect(sizeUnitOf(null, 'BTC', words)).toBe('none');
    expect(sizeUnitOf('ETH', 'BTC', words)).toBe('other');
  });
});

describe('sizeInCoin', () => {
  test('contracts × coin per contract, exact (no float noise: 3 × 0.1 = 0.3)', () => {
    expect(sizeInCoin(btc(1250, 'Cont'), words, { ...ctx, coinPerContract: 0.01 })).toEqual({ kind: 'coin', size: 12.5, how: '1250 Cont × 0.01 BTC' });
    expect(sizeInCoin(btc(3, '张'), words, { ...ctx, coinPerContract: 0.1 })).toMatchObject({ kind: 'coin', size: 0.3 });
    expect(sizeInCoin(btc(-15, 'Cont'), words, { ...ctx, coinPerContract: 0.01 })).toMatchObject({ kind: 'coin', size: 0.15 });
  });
  test('contracts without a usable contract value → refused, saying what to do', () => {
    for (const coinPerContract of [undefined, 0, -1, NaN, Infinity]) {
      expect(sizeInCoin(btc(15, 'Cont'), words, { ...ctx, coinPerContract })).toEqual({
        kind: 'refused',
        reason: 'size is shown in contracts ("15 Cont"), their BTC value not known: enter it in BTC by hand',
      });
    }
  });
  test('quote ÷ mark, else ÷ entry; 6 significant digits', () => {
    expect(sizeInCoin(btc(14584.55, 'USDT'), words, ctx)).toEqual({ kind: 'coin', size: 0.15, how: '14584.55 USDT ÷ mark' });
    expect(sizeInCoin(btc(14520, 'USDT'), words, { ...ctx, mark: undefined })).toMatchObject({ kind: 'coin', size: 0.15, how: '14520 USDT ÷ entry' });
  });
  test('coin as it is; no unit by the exchange convention; another coin refused', () => {
    expect(sizeInCoin(btc(0.15, 'BTC'), words, ctx)).toEqual({ kind: 'coin', size: 0.15 });
    expect(sizeInCoin(btc(0.15, null), words, { ...ctx, bareSizeUnit: 'coin' })).toEqual({ kind: 'coin', size: 0.15 });
    expect(sizeInCoin(btc(15, null), words, ctx)).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/no unit \(coin or contracts\?\)/) });
    expect(sizeInCoin(btc(0.15, 'ETH'), words, ctx)).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/neither BTC nor a known contract unit/) });
  });
});

describe('valueMismatch', () => {
  const value = (amount: number) => ({ amount, text: `${amount} USDT` });
  test('agreement within 5 % of size × mark (25 % against the entry) passes', () => {
    expect(valueMismatch(0.15, 'BTC', value(14584.55), { mark: 97230.3, entry: 96800 })).toBeNull();
    expect(valueMismatch(0.15, 'BTC', value(14584.55 * 1.04), { mark: 97230.3, entry: 96800 })).toBeNull();
    expect(valueMismatch(0.15, 'BTC', value(14520 * 1.2), { entry: 96800 })).toBeNull();
  });
  test('a contract-value error (10×, 100×) or a drift beyond the tolerance is named', () => {
    expect(valueMismatch(1.5, 'BTC', value(14584.55), { mark: 97230.3, entry: 96800 })).toBe('size 1.5 BTC × mark is 10× the row\'s value "14584.55 USDT"');
    expect(valueMismatch(0.0015, 'BTC', value(14584.55), { mark: 97230.3, entry: 96800 })).toMatch(/is 0\.01× the row's value/);
    expect(valueMismatch(0.15, 'BTC', value(14584.55 * 1.1), { mark: 97230.3, entry: 96800 })).toMatch(/is 0\.91× the row's value/);
  });
  test('nothing to compare → no verdict', () => {
    expect(valueMismatch(0.15, 'BTC', value(0), { mark: 97230.3, entry: 96800 })).toBeNull();
    expect(valueMismatch(0.15, 'BTC', value(14584.55), { entry: NaN })).toBeNull();
  });
});
