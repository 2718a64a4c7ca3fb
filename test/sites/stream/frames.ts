// Reads the stream frames of test/fixtures/ws (provenance in its README) and runs them through a parser.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameResult, StreamParser } from '../../../src/sites/shared/stream-spec';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/ws');

/** A fixture frame as an object (to edit) ... */
export function json(exchange: string, file: string): any {
  return JSON.parse(fs.readFileSync(path.join(DIR, exchange, file), 'utf8'));
}
/** ... and as the text the socket delivers. */
export function text(exchange: string, file: string): string {
  return JSON.stringify(json(exchange, file));
}

/** Deep copy with one change, for "bad frame → StreamFrameError" tests. */
export function mutate<T>(o: T, change: (o: any) => void): string {
  const copy = structuredClone(o);
  change(copy);
  return JSON.stringify(copy);
}

/** The events of one frame, without their symbol tags, and the symbols tagged. */
export function run(p: StreamParser, frame: string, now = 1_764_000_999_000, endpoint = 0): FrameResult & { kinds: string[] } {
  const r = p.frame(endpoint, frame, now);
  return { ...r, kinds: r.events.map((e) => e.event.kind) };
}

export const NOW = 1_764_000_999_000;
