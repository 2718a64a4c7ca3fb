/**
 * Small hub state that must survive the service worker being stopped between alarms (MV3 stops an
 * idle worker after ~30 s): rate-limit back-offs (a restarted worker must not hit a banned API early),
 * the asymmetry history behind the percentile, and the LFR at entry. Validated on read; a bad value
 * reads as absent.
 */
import * as v from 'valibot';
import type { StorageArea } from './store';

export const META_PREFIX = 'market-meta:';

const finite = v.pipe(v.number(), v.finite());
export const BackoffSchema = v.record(v.string(), v.object({ until: finite, status: v.optional(finite), code: v.optional(v.pipe(v.string(), v.regex(/^-?\d{1,8}$/))) }));
export const AsymmetrySchema = v.object({ asOf: finite, values: v.array(finite) });
export const EntryLfrSchema = v.record(v.string(), v.nullable(finite));

export class MetaStore {
  constructor(private readonly area: StorageArea) {}

  async load<S extends v.GenericSchema>(name: string, schema: S): Promise<v.InferOutput<S> | null> {
    const key = META_PREFIX + name;
    const got = await this.area.get(key);
    const r = v.safeParse(schema, got[key]);
    return r.success ? r.output : null;
  }

  async save(name: string, value: unknown): Promise<void> {
    await this.area.set({ [META_PREFIX + name]: value });
  }
}
