/** The engine's only error type: bad input names the field (and the exchange) instead of producing NaN. */
import type { Exchange } from './types';

/**
 * invalid-input: a field is missing or impossible; out-of-range: a number beyond the magnitudes the engine
 * computes with (./limits.ts); invalid-config / out-of-order as named; non-finite-output: the final guard
 * found NaN or Infinity in an Analysis (a bug, never shown as a number). Worded in src/ui/messages.ts.
 */
export type EngineErrorCode = 'invalid-input' | 'out-of-range' | 'invalid-config' | 'out-of-order' | 'non-finite-output';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: EngineErrorCode;
  /** Dotted path of the offending field, e.g. `candles[12].low`. */
  readonly field: string;
  readonly exchange: Exchange | undefined;

  constructor(code: EngineErrorCode, field: string, detail: string, exchange?: Exchange) {
    super(`${exchange ? `${exchange}: ` : ''}${field}: ${detail}`);
    this.code = code;
    this.field = field;
    this.exchange = exchange;
  }
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}
