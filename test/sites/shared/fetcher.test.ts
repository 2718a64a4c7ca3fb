import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, describeError } from '../../../src/sites/shared/errors';
import { buildUrl, ExchangeFetcher, parseRetryAfter, type ExchangeProfile } from '../../../src/sites/shared/fetcher';

const PROFILE: ExchangeProfile = {
  exchange: 'binance',
  baseUrl: 'https://fapi.binance.com',
  rules: [{ name: 'r', windowMs: 1_000, max: 3, cost: () => 1 }],
  defaultBackoffMs: (s) => (s === 418 ? 120_000 : 60_000),
  minBackoffMs: (s) => (s === 403 ? 600_000 : 0),
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers });

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ExchangeFetcher', () => {
  it('concurrent identical requests share one fetch', async () => {
    const fetch = vi.fn(async () => json({ ok: 1 }));
    const f = new ExchangeFetcher(PROFILE, { fetch });
    const [a, b] = await Promise.all([f.get('/x', { symbol: 'BTCUSDT' }), f.get('/x', { symbol: 'BTCUSDT' })]);
    expect(a).toEqual({ ok: 1 });
    expect(b).toEqual({ ok: 1 });
    expect(fetch).toHaveBeenCalledTimes(1);
    // A later identical request (not concurrent) is a new fetch.
    await f.get('/x', { symbol: 'BTCUSDT' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('the budget delays the 4th request of a 3-per-second rule until the window slides', async () => {
    const times: number[] = [];
    const fetch = vi.fn(async () => (times.push(Date.now()), json([])));
    const f = new ExchangeFetcher(PROFILE, { fetch });
    const all = Promise.all([1, 2, 3, 4, 5].map((i) => f.get('/x', { i })));
    await vi.advanceTimersByTimeAsync(3_000);
    await all;
    expect(times.slice(0, 3)).toEqual([1_000_000, 1_000_000, 1_000_000]);
    // Requests 4 and 5 wait until the first three leave the 1 s window.
    expect(times[3]! - 1_000_000).toBeGreaterThanOrEqual(1_000);
    expect(times[4]! - 1_000_000).toBeGreaterThanOrEqual(1_000);
    // In no 1 s window were there more than 3 requests.
    for (const t of times) expect(times.filter((u) => u > t - 1_000 && u <= t).length).toBeLessThanOrEqual(3);
  });

  it('a budget wait longer than maxBudgetWaitMs fails instead of queueing forever', async () => {
    const f = new ExchangeFetcher({ ...PROFILE, rules: [{ name: 'slow', windowMs: 120_000, max: 1, cost: () => 1 }] }, { fetch: async () => json([]), maxBudgetWaitMs: 10_000 });
    await f.get('/a');
    await expect(f.get('/b')).rejects.toMatchObject({ kind: 'backoff' });
  });

  it('429 with Retry-After: 2 blocks every request for 2 s, then lets them through', async () => {
    const fetch = vi.fn(async () => json({ code: -1003 }, 429, { 'retry-after': '2' }));
    const f = new ExchangeFetcher(PROFILE, { fetch });
    await expect(f.get('/x')).rejects.toMatchObject({ kind: 'rate-limit', status: 429, retryAfterMs: 2_000 });
    fetch.mockImplementation(async () => json({ ok: 1 }));
    await expect(f.get('/y')).rejects.toMatchObject({ kind: 'backoff', status: 429 });
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(f.get('/y')).resolves.toEqual({ ok: 1 });
  });

  it('418 without Retry-After uses the exchange default (Binance: 2 min ban floor)', async () => {
    const f = new ExchangeFetcher(PROFILE, { fetch: async () => json({}, 418) });
    await expect(f.get('/x')).rejects.toMatchObject({ status: 418 });
    expect(f.blockedUntil - Date.now()).toBe(120_000);
  });

  it('403 honours a minimum back-off even when Retry-After says less (Bybit: ≥ 10 min)', async () => {
    const f = new ExchangeFetcher(PROFILE, { fetch: async () => json({}, 403, { 'retry-after': '5' }) });
    await expect(f.get('/x')).rejects.toMatchObject({ status: 403 });
    expect(f.blockedUntil - Date.now()).toBe(600_000);
  });

  it('a request with no answer within the timeout is aborted and named', async () => {
    let aborted = false;
    const fetch = (_url: string, init?: { signal?: AbortSignal }) =>
      new Promise<Response>((_r, reject) => init?.signal?.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted')))));
    const f = new ExchangeFetcher(PROFILE, { fetch, timeoutMs: 5_000 });
    const p = f.get('/slow');
    const check = expect(p).rejects.toThrow('binance /slow: no answer within 5 s');
    await vi.advanceTimersByTimeAsync(5_000);
    await check;
    expect(aborted).toBe(true);
  });

  it('truncated JSON, 451 and 500 are distinct named errors', async () => {
    const f1 = new ExchangeFetcher(PROFILE, { fetch: async () => new Response('{"a":[1,2', { status: 200 }) });
    await expect(f1.get('/x')).rejects.toMatchObject({ kind: 'json' });
    const f2 = new ExchangeFetcher(PROFILE, { fetch: async () => json({}, 451) });
    await expect(f2.get('/x')).rejects.toMatchObject({ kind: 'geo' });
    const f3 = new ExchangeFetcher(PROFILE, { fetch: async () => json({}, 500) });
    await expect(f3.get('/x')).rejects.toMatchObject({ kind: 'http', status: 500 });
  });

  it('the default fetch sends no cookies, no referrer and bypasses the HTTP cache', async () => {
    const spy = vi.fn(async (_url: string, _init?: RequestInit) => json([]));
    vi.stubGlobal('fetch', spy);
    try {
      await new ExchangeFetcher(PROFILE).get('/x');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(spy.mock.calls[0]![1]).toMatchObject({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
  });

  it('counts requests and weight per path', async () => {
    const f = new ExchangeFetcher({ ...PROFILE, weight: (p) => (p === '/heavy' ? 5 : 1) }, { fetch: async () => json([]) });
    await f.get('/heavy');
    await f.get('/light');
    expect(f.stats).toEqual({ requests: 2, weight: 6, byPath: { '/heavy': 1, '/light': 1 } });
  });
});

describe('back-off state (owned by the fetcher, per host; injected clock, no fake timers)', () => {
  /** A fetcher on a hand-driven clock: every number below is exact, nothing depends on real time. */
  function onClock(profile: ExchangeProfile, answer: () => Response) {
    const clock = { t: 5_000_000 };
    const fetch = vi.fn(async () => answer());
    const f = new ExchangeFetcher(profile, { fetch, now: () => clock.t, sleep: async () => {} });
    return { f, fetch, clock };
  }

  it('Retry-After in seconds blocks exactly that long, then lets requests through', async () => {
    let res = () => json({}, 429, { 'retry-after': '7' });
    const { f, fetch, clock } = onClock(PROFILE, () => res());
    await expect(f.get('/x')).rejects.toMatchObject({ kind: 'rate-limit', retryAfterMs: 7_000 });
    expect(f.backoff()).toEqual({ until: clock.t + 7_000, status: 429 });
    res = () => json({ ok: 1 });
    clock.t += 6_999;
    await expect(f.get('/x')).rejects.toMatchObject({ kind: 'backoff', status: 429, retryAfterMs: 1 });
    expect(fetch).toHaveBeenCalledTimes(1);
    clock.t += 1;
    expect(f.backoff()).toBeNull();
    expect(f.blockedError('/x')).toBeNull();
    await expect(f.get('/x')).resolves.toEqual({ ok: 1 });
  });

  it('Retry-After as an HTTP date blocks until that date', async () => {
    const { f, clock } = onClock(PROFILE, () => json({}, 429, { 'retry-after': new Date(5_000_000 + 90_000).toUTCString() }));
    await expect(f.get('/x')).rejects.toMatchObject({ status: 429 });
    expect(f.blockedUntil - clock.t).toBe(90_000);
  });

  it('a 418 bans longer than a 429 (Binance profile: 2 min vs 1 min), and a later 429 does not shorten it', async () => {
    const binance = { ...PROFILE, defaultBackoffMs: (s: number) => (s === 418 ? 120_000 : 60_000) };
    let status = 418;
    const { f, clock } = onClock(binance, () => json({}, status));
    await expect(f.get('/x')).rejects.toMatchObject({ status: 418 });
    expect(f.blockedUntil - clock.t).toBe(120_000);
    const ban = f.blockedUntil;
    const g = onClock(binance, () => json({}, 429));
    await expect(g.f.get('/x')).rejects.toMatchObject({ status: 429 });
    expect(g.f.blockedUntil - g.clock.t).toBe(60_000);
    // Once the ban is over, a 429 after it starts its own, shorter block.
    clock.t = ban;
    status = 429;
    await expect(f.get('/x')).rejects.toMatchObject({ status: 429 });
    expect(f.blockedUntil).toBe(ban + 60_000);
  });

  it('restoreBackoff honours a persisted block still in force and ignores an expired or shorter one', () => {
    const { f, clock } = onClock(PROFILE, () => json({}));
    f.restoreBackoff({ until: clock.t - 1, status: 429 });
    expect(f.backoff()).toBeNull();
    f.restoreBackoff({ until: clock.t + 600_000, status: 403 });
    expect(f.backoff()).toEqual({ until: clock.t + 600_000, status: 403 });
    f.restoreBackoff({ until: clock.t + 1_000, status: 429 });
    expect(f.backoff()).toEqual({ until: clock.t + 600_000, status: 403 });
    expect(f.blockedError('(all endpoints)')).toMatchObject({ kind: 'backoff', status: 403, retryAfterMs: 600_000 });
  });

  it('a usage pause from response headers blocks without a status', async () => {
    const { f, clock } = onClock({ ...PROFILE, pauseFromHeaders: (_h, now) => now + 30_000 }, () => json({ ok: 1 }));
    await f.get('/x');
    expect(f.backoff()).toEqual({ until: clock.t + 30_000 });
    await expect(f.get('/y')).rejects.toMatchObject({ kind: 'backoff', retryAfterMs: 30_000 });
  });
});

describe('helpers', () => {
  it('Retry-After: seconds or an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', 10_000)).toBe(20_000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    // Garbled values fall back to the default back-off; Date.parse would read them as dates in 2001 (= no wait).
    expect(parseRetryAfter('-1', 0)).toBeUndefined();
    expect(parseRetryAfter('1 2', 0)).toBeUndefined();
    expect(parseRetryAfter('Sunday, 01-Jan-70 00:00:30 GMT', 10_000)).toBe(20_000);
  });
  it('buildUrl drops undefined params and encodes values', () => {
    expect(buildUrl('https://h', '/p', { a: 1, b: undefined, c: 'x y' })).toBe('https://h/p?a=1&c=x%20y');
  });
  it('describeError says what a trader needs', () => {
    const e = new ApiError('okx', '/api/v5/market/books', 'schema', 'bad', { field: 'data[0].asks' });
    expect(describeError(e, 0)).toBe('unexpected response (/api/v5/market/books, field data[0].asks)');
    expect(describeError(new ApiError('bybit', '/x', 'rate-limit', 'x', { status: 403 }), 0, 600_000)).toBe('HTTP 403 rate limit, retrying in 600 s');
  });
});
