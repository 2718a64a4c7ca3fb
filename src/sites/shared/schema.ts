// Response validation. valibot was chosen over zod for its modular, tree-shaken API: the service worker
// only pays for the validators it uses (a few kB), while zod ships its whole class hierarchy.
import * as v from 'valibot';
import type { Exchange } from '../../engine/types';
import { ApiError } from './errors';

/**
 * A decimal number as exchanges write it: "97000.5", "-0.0001", "1.2e-7". Number() alone would read " " as
 * 0 and "0x1A" as 26: a silently wrong number instead of a named error.
 */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A finite number sent as a JSON number or a decimal string ("97000.5"). */
export const num = v.pipe(
  v.union([v.pipe(v.string(), v.nonEmpty('empty string'), v.regex(DECIMAL, 'not a decimal number')), v.number()]),
  v.transform((x) => Number(x)),
  v.finite('not a finite number'),
);

/** Like `num` but also ≥ 0 (prices, quantities). */
export const nonNeg = v.pipe(num, v.minValue(0, 'negative'));

/** A price: finite and > 0 (a mark price of "0" is a broken response, not a price). */
export const price = v.pipe(num, v.gtValue(0, 'not a positive price'));

/** Millisecond timestamp (number or numeric string), positive. */
export const ms = v.pipe(num, v.integer('not an integer'), v.minValue(1, 'not a timestamp'));

/** A price level row [price, qty, ...anything else]. */
export const levelRow = v.looseTuple([nonNeg, nonNeg]);

/**
 * Validate `body` against `schema`; on failure throw an ApiError naming exchange, endpoint and the
 * path of the first offending field (e.g. "data[3].markPx").
 */
export function parseBody<S extends v.GenericSchema>(
  exchange: Exchange,
  endpoint: string,
  schema: S,
  body: unknown,
): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = issue ? fieldPath(issue) : '(root)';
  throw new ApiError(exchange, endpoint, 'schema', `invalid field ${field}: ${issue?.message ?? 'bad shape'}`, { field });
}

function fieldPath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out || '(root)';
}
