/**
 * The alert notifier's stored state, checked on read like any network answer (storage is not trusted):
 * each record entry that does not have its shape is dropped on its own, a value of the wrong kind reads as
 * empty. Nothing half-valid reaches the state machine, and the next write replaces the garbage.
 */
import * as v from 'valibot';
import type { AlertState } from './machine';
import type { PreviousLook } from './conditions';

const finite = v.pipe(v.number(), v.finite());
const pos = v.pipe(finite, v.gtValue(0));
const scopeState = v.object({ active: v.array(v.string()), lastFired: v.record(v.string(), finite) });
const target = v.object({ tabId: v.optional(v.pipe(v.number(), v.integer())), t: finite });
const edge = v.object({ side: v.picklist(['long', 'short']), edge: pos, low: pos, high: pos, usd: v.pipe(finite, v.minValue(0)) });
const look = v.object({ price: pos, edges: v.array(edge) });
const logEntry = v.object({
  t: finite,
  scope: v.string(),
  id: v.string(),
  kind: v.string(),
  title: v.string(),
  message: v.string(),
  notificationId: v.string(),
  tabId: v.optional(v.pipe(v.number(), v.integer())),
});

function records<S extends v.GenericSchema>(raw: unknown, schema: S): Record<string, v.InferOutput<S>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, v.InferOutput<S>> = {};
  for (const [k, val] of Object.entries(raw)) {
    const r = v.safeParse(schema, val);
    if (r.success) out[k] = r.output;
  }
  return out;
}

export const storedAlertState = (raw: unknown): AlertState => records(raw, scopeState);
export const storedTargets = (raw: unknown): Record<string, { tabId?: number; t: number }> => records(raw, target);
export const storedLooks = (raw: unknown): Record<string, PreviousLook> => records(raw, look) as Record<string, PreviousLook>;
/** The alert log's entries of the right shape (the notifier's AlertLogEntry). */
export function storedLog(raw: unknown): v.InferOutput<typeof logEntry>[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e) => {
    const r = v.safeParse(logEntry, e);
    return r.success ? [r.output] : [];
  });
}
