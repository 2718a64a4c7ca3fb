import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/sites/shared/errors';
import { nonNeg, num, parseBody } from '../../../src/sites/shared/schema';

const row = v.object({ markPx: num, sz: nonNeg });

describe('numeric fields in exchange answers', () => {
  it('reads numbers and decimal strings as exchanges write them', () => {
    expect(parseBody('okx', '/x', row, { markPx: '97000.5', sz: 3 })).toEqual({ markPx: 97000.5, sz: 3 });
    expect(parseBody('okx', '/x', row, { markPx: '-0.0001', sz: '1.2e-7' })).toEqual({ markPx: -0.0001, sz: 1.2e-7 });
    expect(parseBody('okx', '/x', row, { markPx: '.5', sz: '0' })).toEqual({ markPx: 0.5, sz: 0 });
  });

  it('a blank, hexadecimal or padded string is a named error, never a silently wrong number', () => {
    for (const bad of [' ', '0x1A', '1,5', 'Infinity', '12abc']) {
      const err = (() => {
        try {
          parseBody('okx', '/api/v5/public/mark-price', row, { markPx: bad, sz: 1 });
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err, bad).toBeInstanceOf(ApiError);
      expect((err as ApiError).field).toBe('markPx');
      expect((err as ApiError).message).toMatch(/^okx \/api\/v5\/public\/mark-price: invalid field markPx/);
    }
  });
});
