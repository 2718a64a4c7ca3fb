import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { unwrapCoded } from '../../../src/sites/shared/envelope';
import { ApiError } from '../../../src/sites/shared/errors';
import { nonNeg } from '../../../src/sites/shared/schema';

const rows = v.array(v.object({ px: nonNeg }));
const caught = (f: () => unknown): ApiError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
};

describe('unwrapCoded ({code, msg, data} answers)', () => {
  it('the success code yields the validated data', () => {
    expect(unwrapCoded('okx', '0', '/p', rows, { code: '0', msg: '', data: [{ px: '1.5' }] })).toEqual([{ px: 1.5 }]);
    expect(unwrapCoded('bitget', '00000', '/p', rows, { code: '00000', data: [] })).toEqual([]);
  });

  it('any other code is a schema error naming exchange, endpoint, code and message', () => {
    const err = caught(() => unwrapCoded('bitget', '00000', '/api/v2/x', rows, { code: '40034', msg: 'Parameter does not exist', data: null }));
    expect(err.message).toBe('bitget /api/v2/x: code 40034: Parameter does not exist');
    expect(err.kind).toBe('schema');
    expect(err.field).toBe('code');
    // "0" is not Bitget's success code: codes are compared exactly.
    expect(() => unwrapCoded('bitget', '00000', '/p', rows, { code: '0', data: [] })).toThrow('code 0: ');
  });

  it('a bad row names the offending field; a missing code names "code"', () => {
    expect(caught(() => unwrapCoded('okx', '0', '/p', rows, { code: '0', data: [{ px: '-1' }] })).field).toBe('data[0].px');
    expect(caught(() => unwrapCoded('okx', '0', '/p', rows, { data: [] })).field).toBe('code');
  });
});
