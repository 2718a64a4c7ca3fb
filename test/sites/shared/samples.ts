// Reads the documented API samples (response examples from the exchanges' API docs), copied into
// test/fixtures/api-samples with their provenance README so the tests need nothing beside the repo.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLES_DIR = path.resolve(REPO_ROOT, 'test/fixtures/api-samples');

export function sample(exchange: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, exchange, file), 'utf8'));
}

/** Deep copy with one change, for "bad body → named error" tests. */
export function mutate<T>(body: T, change: (b: any) => void): T {
  const copy = structuredClone(body);
  change(copy);
  return copy;
}
