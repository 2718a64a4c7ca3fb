import * as v from 'valibot';
import type { Exchange } from '../../engine/types';
import { ApiError } from './errors';
import { parseBody } from './schema';

/**
 * Unwrap a `{code, msg, data}` answer (OKX "0", Bitget "00000"). The code is checked first, so an
 * exchange error reads as "code 50011: Rate limit reached" rather than as a missing `data` field.
 */
export function unwrapCoded<S extends v.GenericSchema>(exchange: Exchange, okCode: string, endpoint: string, data: S, body: unknown): v.InferOutput<S> {
  const head = parseBody(exchange, endpoint, v.looseObject({ code: v.string(), msg: v.optional(v.string()) }), body);
  if (head.code !== okCode) throw new ApiError(exchange, endpoint, 'schema', `code ${head.code}: ${head.msg ?? ''}`, { field: 'code' });
  return parseBody(exchange, endpoint, v.object({ code: v.string(), data }), body).data;
}
