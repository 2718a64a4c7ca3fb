import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDigits } from '../../src/numbers/digits';
import { localeSeparators, parseTypedNumber, typedValue } from '../../src/numbers/typed';

const num = (value: number) => ({ kind: 'number', value });

describe('parseTypedNumber: hand-checked', () => {
  test.each([
    ['0.5', 0.5],
    ['0,5', 0.5],
    ['10,5', 10.5],
    ['1 234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567.25', 1234567.25],
    ['1\u2019234.5', 1234.5],
    ['  42  ', 42],
    ['\u22122.5', -2.5],
    ['-0', 0],
    ['+3', 3],
    [',5', 0.5],
    ['0,150', 0.15],
    ['1234,567', 1234.567],
    ['97123.45', 97123.45],
  ])('%s → %d', (text, value) => {
    expect(parseTypedNumber(text)).toEqual(num(value));
  });

  test('leverage accepts x and ×; percent accepts %; elsewhere they are garbage', () => {
    expect(parseTypedNumber('10x', { field: 'leverage' })).toEqual(num(10));
    expect(parseTypedNumber('12,5 ×', { field: 'leverage' })).toEqual(num(12.5));
    expect(parseTypedNumber('0,5 %', { field: 'percent' })).toEqual(num(0.5));
    expect(parseTypedNumber('10x')).toMatchObject({ kind: 'invalid', reason: '"10x" is not a number' });
    expect(parseTypedNumber('5%', { field: 'leverage' })).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/no % here/) });
  });

  test('empty and garbage', () => {
    expect(parseTypedNumber('   ')).toEqual({ kind: 'empty' });
    for (const bad of ['abc', '1.2.3', '1,23,456', '1,2.5', '5.', '--5', '1e5', 'Infinity', 'NaN', '0x10', '-', '1..2']) {
      expect(parseTypedNumber(bad), bad).toMatchObject({ kind: 'invalid', reason: expect.stringContaining(`"${bad}"`) });
    }
    expect(parseTypedNumber('1e5')).toMatchObject({ reason: expect.stringMatching(/exponent/) });
    expect(parseTypedNumber('1,23,456')).toMatchObject({ reason: expect.stringMatching(/groups of three/) });
    expect(parseTypedNumber('9'.repeat(400))).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/too large/) });
  });

  test('1,234 and 96.800 are ambiguous without a locale, with both readings', () => {
    expect(parseTypedNumber('1,234')).toEqual({ kind: 'ambiguous', readings: [1.234, 1234], message: '"1,234" could be 1.234 or 1234: which one?' });
    expect(parseTypedNumber('96.800')).toMatchObject({ kind: 'ambiguous', readings: [96.8, 96800] });
    expect(parseTypedNumber('-1,234')).toMatchObject({ kind: 'ambiguous', readings: [-1.234, -1234] });
    expect(typedValue('1,234')).toBeNull();
  });

  test('the locale settles 1,234 by its own conventions, except in a leverage field', () => {
    expect(parseTypedNumber('1,234', { locale: 'en-US' })).toEqual(num(1234));
    expect(parseTypedNumber('1,234', { locale: 'de-DE' })).toEqual(num(1.234));
    expect(parseTypedNumber('1.234', { locale: 'de-DE' })).toEqual(num(1234));
    expect(parseTypedNumber('1.234', { locale: 'en-GB' })).toEqual(num(1.234));
    expect(parseTypedNumber('1,234', { locale: 'fr-FR' })).toEqual(num(1.234));
    // fr groups with a space, so a dot means nothing certain there.
    expect(parseTypedNumber('1.234', { locale: 'fr-FR' })).toMatchObject({ kind: 'ambiguous' });
    expect(parseTypedNumber('1,234', { field: 'leverage', locale: 'en-US' })).toMatchObject({ kind: 'ambiguous', readings: [1.234, 1234] });
    expect(parseTypedNumber('1,234', { locale: 'not a locale!' })).toMatchObject({ kind: 'ambiguous' });
  });

  test('an unambiguous decimal comma is read as such whatever the locale (the SizingDialog defect)', () => {
    expect(parseTypedNumber('0,5', { field: 'percent', locale: 'en-US' })).toEqual(num(0.5));
    expect(parseTypedNumber('10,5', { field: 'leverage', locale: 'en-US' })).toEqual(num(10.5));
  });

  test('localeSeparators', () => {
    expect(localeSeparators('en-US')).toEqual({ decimal: '.', group: ',' });
    expect(localeSeparators('de-DE')).toEqual({ decimal: ',', group: '.' });
    expect(localeSeparators('fr-FR')).toEqual({ decimal: ',', group: undefined });
    expect(localeSeparators(undefined)).toBeUndefined();
  });
});

describe('parseTypedNumber: properties', () => {
  const locales = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'de-CH', 'es-ES', 'it-IT', 'nl-NL'];

  test('round-trips numbers formatted in the user locale (with grouping)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...locales), fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (locale, n, k) => {
        const x = n / 10 ** k;
        const text = new Intl.NumberFormat(locale, { minimumFractionDigits: k, maximumFractionDigits: k }).format(x);
        const r = parseTypedNumber(text, { locale });
        expect(r, `${locale} ${text}`).toEqual(num(x === 0 ? 0 : x));
      }),
      { numRuns: 500 },
    );
  });

  test('without a locale, a formatted number is read right or reported ambiguous with the right reading among two', () => {
    fc.assert(
      fc.property(fc.constantFrom(...locales), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (locale, n, k) => {
        const x = n / 10 ** k;
        const text = new Intl.NumberFormat(locale, { minimumFractionDigits: k, maximumFractionDigits: k }).format(x);
        const r = parseTypedNumber(text);
        if (r.kind === 'ambiguous') expect(r.readings).toContain(x);
        else expect(r, `${locale} ${text}`).toEqual(num(x));
      }),
      { numRuns: 500 },
    );
  });

  test('plain decimals (what the forms prefill) read back exactly in every locale and field', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(undefined, ...locales), fc.constantFrom('amount', 'price', 'percent', 'leverage') as fc.Arbitrary<'amount'>, (x, locale, field) => {
        const text = x.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
        const r = parseTypedNumber(text, { locale, field });
        if (r.kind === 'ambiguous') expect(r.readings).toContain(Number(text));
        else expect(r).toEqual(num(Number(text) === 0 ? 0 : Number(text)));
      }),
    );
  });

  test('never NaN or Infinity, never throws, on any text', () => {
    const chars = fc.constantFrom(...'0123456789.,  -+\u2212x×%e\u00a0\u202f\'a'.split(''));
    const text = fc.oneof(fc.string(), fc.array(chars, { maxLength: 40 }).map((a) => a.join('')));
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, ...locales), fc.constantFrom('amount', 'leverage', 'percent') as fc.Arbitrary<'amount'>, (s, locale, field) => {
        const r = parseTypedNumber(s, { locale, field });
        if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
        if (r.kind === 'ambiguous') expect(r.readings.every(Number.isFinite)).toBe(true);
        if (r.kind === 'invalid') expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readDigits', () => {
  test('ambiguous single separator carries both readings and the separator', () => {
    expect(readDigits('1,234')).toEqual({ kind: 'ambiguous', separator: ',', asDecimal: 1.234, asGrouping: 1234 });
    expect(readDigits('0,150')).toEqual(num(0.15));
  });
  test('a known decimal separator settles a single one', () => {
    expect(readDigits('1,234', { decimal: ',' })).toEqual(num(1.234));
    expect(readDigits('1,234', { decimal: '.' })).toEqual(num(1234));
  });
});
