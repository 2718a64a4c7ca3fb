import type { Exchange } from '../../engine/types';

/**
 * Why a market-data request failed. The hub turns these into per-exchange health reasons, so every
 * kind carries what a trader needs to read: which exchange, which endpoint, and what went wrong.
 */
export type ApiErrorKind =
  | 'http' // non-2xx answer other than the rate-limit family
  | 'rate-limit' // 429 / 418 / 403, or a rate-limit code in a 200 body: we back off
  | 'backoff' // refused locally because a previous rate-limit answer is still in force
  | 'geo' // 451: exchange unavailable from this region
  | 'timeout'
  | 'network'
  | 'json' // body is not JSON (e.g. truncated)
  | 'schema' // JSON of the wrong shape, or an exchange error envelope
  | 'empty' // well-formed but holds no data for the symbol
  | 'unlisted'; // the exchange does not list the symbol at all

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly exchange: Exchange,
    readonly endpoint: string,
    readonly kind: ApiErrorKind,
    detail: string,
    readonly extra: { status?: number; field?: string; retryAfterMs?: number; code?: string } = {},
  ) {
    super(`${exchange} ${endpoint}: ${detail}`);
  }
  get status(): number | undefined {
    return this.extra.status;
  }
  get field(): string | undefined {
    return this.extra.field;
  }
  /** The exchange's rate-limit code when it came inside an HTTP 200 body (OKX 50011). */
  get code(): string | undefined {
    return this.extra.code;
  }
  get retryAfterMs(): number | undefined {
    return this.extra.retryAfterMs;
  }
}

/** Short human reason for a health badge, e.g. "HTTP 429, retrying in 30 s". */
export function describeError(err: unknown, now: number, blockedUntil?: number): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const wait = blockedUntil !== undefined && blockedUntil > now ? `, retrying in ${Math.ceil((blockedUntil - now) / 1000)} s` : '';
  switch (err.kind) {
    case 'rate-limit':
      return err.code !== undefined ? `rate limit (code ${err.code})${wait}` : `HTTP ${err.status ?? '?'} rate limit${wait}`;
    case 'backoff':
      if (err.code !== undefined) return `rate limit (code ${err.code})${wait}`;
      return err.status !== undefined ? `HTTP ${err.status} rate limit${wait}` : `backing off after a rate limit${wait}`;
    case 'geo':
      return 'unavailable from your region (HTTP 451)';
    case 'timeout':
      return `timed out (${err.endpoint})`;
    case 'json':
      return `malformed response (${err.endpoint})`;
    case 'schema':
      return `unexpected response (${err.endpoint}${err.field ? `, field ${err.field}` : ''})`;
    case 'http':
      return `HTTP ${err.status ?? '?'} (${err.endpoint})`;
    case 'network':
      return `network error (${err.endpoint})`;
    case 'empty':
      return `no data (${err.endpoint})`;
    case 'unlisted':
      return `symbol not listed on ${err.exchange}`;
  }
}
