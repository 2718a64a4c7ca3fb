import type { Exchange } from '../../engine/types';
import { BackoffState, backoffMs, type Backoff } from './backoff';
import { RequestBudget, type BudgetSnapshot, type RateRule } from './budget';
import { ApiError } from './errors';

export { parseRetryAfter } from './backoff';

export type Query = Record<string, string | number | undefined>;

/** What one exchange's client tells the fetcher: where, how much budget, how to back off. */
export interface ExchangeProfile {
  exchange: Exchange;
  baseUrl: string;
  rules: readonly RateRule[];
  /** Exchange-specific request weight (Binance); 1 elsewhere. */
  weight?: (path: string, query: Query) => number;
  /** Back-off after a rate-limit status when the answer carries no Retry-After (ms). */
  defaultBackoffMs: (status: number) => number;
  /** Lower bound on a back-off even when Retry-After says less (Bybit 403: ≥ 10 min). */
  minBackoffMs?: (status: number) => number;
  /**
   * Usage the exchange reports on a successful answer (Binance X-MBX-USED-WEIGHT-1M counts every app
   * on this IP, not just us): a time to pause until, when it is close to the limit.
   */
  pauseFromHeaders?: (headers: Headers, now: number) => number | undefined;
  /**
   * A rate-limit answer inside an HTTP 200 body (OKX code 50011, Bybit retCode 10006, Binance -1003):
   * its code, or undefined. It backs off like a 429.
   */
  rateLimitCode?: (body: unknown) => string | undefined;
}

/** Injectable I/O for tests: fetch, clock and sleep (fake timers drive the defaults too). */
export interface FetchDeps {
  fetch?: (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Per-request timeout (ms), default 10 s. */
  timeoutMs?: number;
  /** Longest we wait for budget before failing the request (ms), default 60 s. */
  maxBudgetWaitMs?: number;
}

export interface FetchStats {
  requests: number;
  weight: number;
  /** Requests per endpoint path. */
  byPath: Record<string, number>;
}

const RATE_LIMIT_STATUSES = new Set([418, 429, 403]);

/**
 * One exchange's HTTP client: request budget, back-off on 429/418/403 (honouring Retry-After),
 * timeouts, and de-duplication of concurrent identical requests (same URL → same promise).
 */
export class ExchangeFetcher {
  readonly budget: RequestBudget;
  readonly stats: FetchStats = { requests: 0, weight: 0, byPath: {} };
  /** This host's back-off: only the fetcher changes it (and restoreBackoff after a restart). */
  private readonly backoffState: BackoffState;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly fetchImpl: NonNullable<FetchDeps['fetch']>;
  readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly profile: ExchangeProfile,
    private readonly deps: FetchDeps = {},
  ) {
    // Public data only: never send cookies or a referrer to an exchange, never serve a cached answer.
    this.fetchImpl = deps.fetch ?? ((url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' }));
    this.now = deps.now ?? (() => Date.now());
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.budget = new RequestBudget(profile.rules, this.now);
    this.backoffState = new BackoffState(profile.exchange, this.now);
  }

  /** No request leaves before this time (ms) after a rate-limit answer. */
  get blockedUntil(): number {
    return this.backoffState.blockedUntil;
  }

  /** HTTP status that caused the current block (429 / 418 / 403), for health reasons. */
  get blockedStatus(): number | undefined {
    return this.backoffState.blockedStatus;
  }

  /** The back-off in force now (to persist it), or null. */
  backoff(): Backoff | null {
    return this.backoffState.current();
  }

  /** A back-off persisted before a service-worker restart: honoured if still in force. */
  restoreBackoff(b: Backoff): void {
    this.backoffState.restore(b);
  }

  /** The request budget's entries still holding a slot, to carry across a service-worker restart. */
  budgetSnapshot(): BudgetSnapshot {
    return this.budget.snapshot(this.timeoutMs);
  }

  /** A budget persisted before a service-worker restart (untrusted: clamped by the budget). */
  restoreBudget(snap: BudgetSnapshot): void {
    this.budget.restore(snap, this.timeoutMs);
  }

  private get timeoutMs(): number {
    return this.deps.timeoutMs ?? 10_000;
  }

  /** Why a request to `path` would be refused right now (back-off in force), or null when it may go. */
  blockedError(path: string): ApiError | null {
    return this.backoffState.blockedError(path);
  }

  get exchange(): Exchange {
    return this.profile.exchange;
  }

  resetStats(): void {
    this.stats.requests = 0;
    this.stats.weight = 0;
    this.stats.byPath = {};
  }

  /** GET baseUrl+path?query and return the parsed JSON body (unvalidated: callers run a schema). */
  get(path: string, query: Query = {}): Promise<unknown> {
    const url = buildUrl(this.profile.baseUrl, path, query);
    const pending = this.inFlight.get(url);
    if (pending) return pending;
    const p = this.send(path, query, url).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, p);
    return p;
  }

  private async send(path: string, query: Query, url: string): Promise<unknown> {
    const { exchange } = this.profile;
    const weight = this.profile.weight?.(path, query) ?? 1;
    this.assertNotBlocked(path);
    // Re-check after every sleep: concurrent waiters wake together and only some of them fit.
    const maxWait = this.deps.maxBudgetWaitMs ?? 60_000;
    const waitStart = this.now();
    let slept = 0;
    for (let wait = this.budget.waitMs(path, weight); wait > 0; wait = this.budget.waitMs(path, weight)) {
      const waited = Math.max(slept, this.now() - waitStart);
      if (waited + (Number.isFinite(wait) ? wait : 0) > maxWait) {
        const left = Number.isFinite(wait) ? wait : this.timeoutMs;
        throw new ApiError(exchange, path, 'backoff', `request budget exhausted for ${Math.ceil(left / 1000)} s`, { retryAfterMs: left });
      }
      // Only requests still in flight stand in the way: wait until one ends (at the latest its timeout).
      if (!Number.isFinite(wait)) await this.budget.changed();
      else {
        await this.sleep(wait);
        slept += wait;
      }
      this.assertNotBlocked(path);
    }
    const ticket = this.budget.record(path, weight);
    this.stats.requests += 1;
    this.stats.weight += weight;
    this.stats.byPath[path] = (this.stats.byPath[path] ?? 0) + 1;

    const controller = new AbortController();
    const timeoutMs = this.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(url, { signal: controller.signal });
      text = await res.text();
    } catch (err) {
      if (timedOut) throw new ApiError(exchange, path, 'timeout', `no answer within ${timeoutMs / 1000} s`);
      throw new ApiError(exchange, path, 'network', err instanceof Error ? err.message : String(err));
    } finally {
      clearTimeout(timer);
      // The request reached the exchange no later than now: its slot runs out one window from here.
      ticket.done();
    }

    if (RATE_LIMIT_STATUSES.has(res.status)) {
      const backoff = backoffMs(this.profile, res.status, res.headers.get('retry-after'), this.now());
      this.backoffState.rateLimited(res.status, backoff);
      throw new ApiError(exchange, path, 'rate-limit', `HTTP ${res.status}, backing off ${Math.ceil(backoff / 1000)} s`, {
        status: res.status,
        retryAfterMs: backoff,
      });
    }
    if (res.status === 451) throw new ApiError(exchange, path, 'geo', 'HTTP 451: unavailable from this region', { status: 451 });
    if (!res.ok) throw new ApiError(exchange, path, 'http', `HTTP ${res.status}`, { status: res.status });
    const pauseUntil = this.profile.pauseFromHeaders?.(res.headers, this.now());
    if (pauseUntil !== undefined) this.backoffState.pauseUntil(pauseUntil);
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      throw new ApiError(exchange, path, 'json', `malformed JSON (${text.length} bytes)`);
    }
    const code = this.profile.rateLimitCode?.(body);
    if (code !== undefined) {
      // Treated as a 429: the profile's default back-off unless the answer says how long.
      const backoff = backoffMs(this.profile, 429, res.headers.get('retry-after'), this.now());
      this.backoffState.rateLimited(429, backoff, code);
      throw new ApiError(exchange, path, 'rate-limit', `code ${code} (rate limit), backing off ${Math.ceil(backoff / 1000)} s`, {
        status: res.status,
        code,
        retryAfterMs: backoff,
      });
    }
    return body;
  }

  private assertNotBlocked(path: string): void {
    const blocked = this.backoffState.blockedError(path);
    if (blocked) throw blocked;
  }
}

export function buildUrl(base: string, path: string, query: Query): string {
  const params = Object.entries(query)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, val]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(val))}`)
    .join('&');
  return `${base}${path}${params ? `?${params}` : ''}`;
}
