/** Messages from content scripts and the popup are validated on receipt (docs/design.md §12). */
import * as v from 'valibot';
import { type Exchange, type Symbol } from '../engine/types';
import { EXCHANGES } from '../sites';
import type { WatchRequest } from '../messaging';
import { PositionSchema } from './position-schema';
import { CANONICAL_SYMBOL } from '../symbols/canonical';

export { CANONICAL_SYMBOL };

const symbol = v.pipe(v.string(), v.regex(CANONICAL_SYMBOL, 'expected a canonical symbol like BTCUSDT'));

const watch = v.object({
  exchange: v.picklist(EXCHANGES),
  symbol,
  position: v.nullable(PositionSchema),
  plannedSide: v.optional(v.picklist(['long', 'short'])),
});

const getView = v.object({
  tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  exchange: v.optional(v.picklist(EXCHANGES)),
  symbol: v.optional(symbol),
});

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

function check<S extends v.GenericSchema>(schema: S, raw: unknown, what: string): Checked<v.InferOutput<S>> {
  const r = v.safeParse(schema, raw);
  if (r.success) return { ok: true, value: r.output };
  const issue = r.issues[0];
  const path = issue?.path?.map((p) => String((p as { key?: unknown }).key)).join('.') || '(root)';
  return { ok: false, reason: `invalid ${what}: ${path}: ${issue?.message ?? 'bad shape'}` };
}

export function checkWatch(raw: unknown): Checked<WatchRequest> {
  return check(watch, raw, 'watch request') as Checked<WatchRequest>;
}

export function checkGetView(raw: unknown): Checked<{ tabId?: number; exchange?: Exchange; symbol?: Symbol }> {
  return check(getView, raw, 'getView request');
}
