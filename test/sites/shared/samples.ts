// Reads the documented API samples in place (../shared/data/api-samples beside the repo): never copied in.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLES_DIR = path.resolve(REPO_ROOT, '../shared/data/api-samples');

export function sample(exchange: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, exchange, file), 'utf8'));
}

/** Deep copy with one change, for "bad body → named error" tests. */
export function mutate<T>(body: T, change: (b: any) => void): T {
  const copy = structuredClone(body);
  change(copy);
  return copy;
}
