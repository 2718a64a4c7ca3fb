// Field readers of the live stream parsers (src/sites/shared/stream-read.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamFrameError } from '../../../src/sites/shared/stream-spec';
import { levels, num, price, result, size, time, timeOr } from '../../../src/sites/shared/stream-read';

describe('stream readers', () => {
  it('num reads decimal strings exactly as Number() does (fast path and fallback)', () => {
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    fc.assert(
      fc.property(digits(1, 12), fc.option(digits(0, 10)), (int, frac) => {
        const s = frac === null ? int : `${int}.${frac}`;
        expect(Object.is(num(s), Number(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const s of ['0', '0.0', '97000.1', '0.00000001', '1e5', '-0.5', '+3', ' 1', '1 ', '.5', '5.', '.', '1.2.3', '0x10', 'Infinity', '12345678901234567', '1234567890.12345', '00012.50']) {
      expect(Object.is(num(s), Number(s)), s).toBe(true);
    }
    expect(num('')).toBeNaN(); // Number('') is 0: an empty field is not a number here
    expect(num(null)).toBeNaN();
    expect(num(7)).toBe(7);
  });

  it('price, size and time accept what they should and throw StreamFrameError naming the field otherwise', () => {
    expect(price('97000.5', 'bybit', 'ch', 'p')).toBe(97000.5);
    expect(size('0', 'bybit', 'ch', 's')).toBe(0);
    expect(time('1764000000000', 'bybit', 'ch', 't')).toBe(1764000000000);
    for (const bad of ['0', '-1', 'x', '', 'Infinity', null, undefined, {}, Number.NaN]) expect(() => price(bad, 'bybit', 'ch', 'p')).toThrow(StreamFrameError);
    expect(() => size('-0.1', 'okx', 'books5', 'bids')).toThrow('okx books5: bids: expected a size ≥ 0, got "-0.1"');
    expect(() => time('soon', 'okx', 'trades', 'ts')).toThrow(StreamFrameError);
    expect(timeOr(5, 'okx', 'c', 'ts', undefined, undefined)).toBe(5);
    expect(timeOr(5, 'okx', 'c', 'ts', undefined, '1764000000000')).toBe(1764000000000);
  });

  it('levels: best first, zeros dropped, unsorted input sorted, equal prices keep the last, sizes scaled', () => {
    expect(levels([['3', '1'], ['2', '0'], ['1', '2']], 'okx', 'books5', 'bids', true, 0.01)).toEqual([[3, 0.01], [1, 0.02]]);
    expect(levels([['1', '1'], ['3', '1'], ['2', '5'], ['3', '2']], 'okx', 'books5', 'bids', true)).toEqual([[3, 2], [2, 5], [1, 1]]);
    expect(levels([['5', '1'], ['4', '1']], 'okx', 'books5', 'asks', false)).toEqual([[4, 1], [5, 1]]);
    expect(() => levels([['5']], 'okx', 'books5', 'asks', false)).toThrow(/okx books5: asks: level 0/);
    expect(() => levels('x', 'okx', 'books5', 'asks', false)).toThrow(/expected an array/);
  });

  it('result puts a frame events oldest first, stably', () => {
    const ev = (t: number, price: number) => ({ symbol: 'BTCUSDT', event: { kind: 'mark' as const, t, price } });
    expect(result([ev(3, 1), ev(1, 2), ev(3, 3), ev(2, 4)]).events.map((e) => (e.event as { price: number }).price)).toEqual([2, 4, 1, 3]);
  });
});
