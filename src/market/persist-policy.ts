/**
 * How often a source state is written to storage (pure). A week of bars is a few hundred kB per
 * exchange: rewriting it every minute would churn the disk. Cold loads are written at once and warm
 * data every PERSIST_EVERY_MS (a restart then re-fetches a few bars), except Bitget's polled OI, which
 * cannot be fetched again and is written every time.
 */
import type { Exchange } from '../engine/types';
import type { SourceState } from '../sites/shared/source';
import { siteOf } from '../sites';

/** Warm data is written to storage at most this often. */
export const PERSIST_EVERY_MS = 5 * 60_000;

/** `last`: when this (exchange, symbol) was last written, if ever; `covered`: the previous state served the window. */
export function shouldPersist(exchange: Exchange, prev: SourceState | null, covered: boolean, last: number | undefined, now: number): boolean {
  return !siteOf(exchange).capabilities.oiHistory || prev === null || !covered || last === undefined || now - last >= PERSIST_EVERY_MS;
}
