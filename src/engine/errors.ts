/** The engine's only error type: bad input names the field (and the exchange) instead of producing NaN. */
import type { Exchange } from './types';

export type EngineErrorCode = 'invalid-input' | 'invalid-config' | 'out-of-order';

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
