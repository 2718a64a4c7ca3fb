/**
 * One host's rate-limit back-off: until when no request may leave, and which status caused it. Owned by
 * that host's ExchangeFetcher; everyone else only reads it (the hub for health, the meta store to carry
 * it across a service-worker restart) or hands back a persisted one through restore().
 */
import type { Exchange } from '../../engine/types';
import { ApiError } from './errors';

export interface Backoff {
  /** No request before this time (ms). */
  until: number;
  /** HTTP status that caused it (429 / 418 / 403); absent for a usage pause from response headers. */
  status?: number;
  /** Exchange error code when the rate limit came inside an HTTP 200 body (OKX 50011). */
  code?: string;
}

/** What a profile says about back-off lengths (see ExchangeProfile). */
export interface BackoffRules {
  defaultBackoffMs: (status: number) => number;
  minBackoffMs?: (status: number) => number;
}

/** Back-off (ms) after a rate-limit `status`: Retry-After when given, else the exchange default, never below the minimum. */
export function backoffMs(rules: BackoffRules, status: number, retryAfterHeader: string | null, now: number): number {
  const retryAfter = parseRetryAfter(retryAfterHeader, now);
  return Math.max(retryAfter ?? rules.defaultBackoffMs(status), rules.minBackoffMs?.(status) ?? 0);
}

export class BackoffState {
  private until = 0;
  private status: number | undefined;
  private code: string | undefined;

  constructor(
    private readonly exchange: Exchange,
    private readonly now: () => number,
  ) {}

  get blockedUntil(): number {
    return this.until;
  }

  get blockedStatus(): number | undefined {
    return this.status;
  }

  /** The back-off in force now, or null. */
  current(): Backoff | null {
    if (this.until <= this.now()) return null;
    return { until: this.until, ...(this.status !== undefined ? { status: this.status } : {}), ...(this.code !== undefined ? { code: this.code } : {}) };
  }

  /** A rate-limit answer (`code`: the body's rate-limit code): block for `ms`; a longer block already in force is kept. */
  rateLimited(status: number, ms: number, code?: string): void {
    this.until = Math.max(this.until, this.now() + ms);
    this.status = status;
    this.code = code;
  }

  /** The exchange reports usage close to its limit: pause until `until` unless a longer block exists. */
  pauseUntil(until: number): void {
    if (until <= this.until) return;
    this.until = until;
    this.status = undefined;
    this.code = undefined;
  }

  /** A back-off persisted by a previous service worker: kept if still in force and longer than ours. */
  restore(b: Backoff): void {
    if (b.until <= this.now() || b.until <= this.until) return;
    this.until = b.until;
    this.status = b.status;
    this.code = b.code;
  }

  /** The error a request to `path` fails with while blocked, or null when it may go. */
  blockedError(path: string): ApiError | null {
    const left = this.until - this.now();
    if (left <= 0) return null;
    return new ApiError(this.exchange, path, 'backoff', `backing off for ${Math.ceil(left / 1000)} s after a rate limit`, {
      retryAfterMs: left,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.code !== undefined ? { code: this.code } : {}),
    });
  }
}

/** Every HTTP-date form (IMF-fixdate, RFC 850, asctime) starts with a day name. */
const HTTP_DATE = /^[A-Z][a-z]{2,8},? /;

/**
 * Retry-After is delta-seconds or an HTTP date; returns ms from now, or undefined when absent/bad (the
 * caller then backs off by its default). Date.parse alone reads "-1" or "1 2" as dates in 2001, which
 * would turn a garbled header into no back-off at all.
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  const h = header?.trim() ?? '';
  if (h === '') return undefined;
  const secs = Number(h);
  if (Number.isFinite(secs)) return secs >= 0 ? secs * 1000 : undefined;
  if (!HTTP_DATE.test(h)) return undefined;
  const date = Date.parse(h);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
