// The request budget counts arrivals safely: a slot is held from send until one window after the
// answer, in-flight requests always count, per-endpoint rules count each endpoint alone, and a fresh
// budget starts with the reserve that keeps a restart within the published limit. Plus the rate-limit
// codes that come inside HTTP 200 bodies (OKX 50011, Bybit 10006, Binance -1003) back off like a 429.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BINANCE_PROFILE } from '../../../src/sites/binance/api';
import { BYBIT_PROFILE } from '../../../src/sites/bybit/api';
import { OKX_PROFILE } from '../../../src/sites/okx/api';
import { RequestBudget, type RateRule } from '../../../src/sites/shared/budget';
import { describeError } from '../../../src/sites/shared/errors';
import { ExchangeFetcher } from '../../../src/sites/shared/fetcher';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const rule: RateRule = { name: 'r', windowMs: 2_000, max: 2, cost: () => 1 };

describe('RequestBudget', () => {
  it('a slot is held while the request is in flight and for one window after its answer', () => {
    const b = new RequestBudget([rule], () => Date.now());
    const t1 = b.record('/a', 1);
    const t2 = b.record('/a', 1);
    expect(b.waitMs('/a', 1)).toBe(Infinity); // both in flight: only their end can free a slot
    vi.advanceTimersByTime(1_500);
    t1.done(); // answered 1.5 s after it was sent: it may have arrived just now
    expect(b.waitMs('/a', 1)).toBe(2_000);
    vi.advanceTimersByTime(1_999);
    expect(b.waitMs('/a', 1)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(b.waitMs('/a', 1)).toBe(0);
    t2.done();
  });

  it('changed() resolves when a request in flight ends', async () => {
    const b = new RequestBudget([rule], () => Date.now());
    const t = b.record('/a', 1);
    let woke = false;
    void b.changed().then(() => (woke = true));
    await Promise.resolve();
    expect(woke).toBe(false);
    t.done();
    await Promise.resolve();
    expect(woke).toBe(true);
  });

  it('a per-endpoint rule counts each endpoint alone', () => {
    const b = new RequestBudget([{ ...rule, perEndpoint: true }], () => Date.now());
    b.record('/a', 1).done();
    b.record('/a', 1).done();
    expect(b.waitMs('/a', 1)).toBe(2_000);
    expect(b.waitMs('/b', 1)).toBe(0);
  });

  it('starts with a reserve of 2·max − limit per endpoint for one window (OKX rubik: 1 of 4 at first)', () => {
    const rubik = OKX_PROFILE.rules.find((r) => r.name === 'rubik-2s')!;
    expect(RequestBudget.reserve(rubik)).toBe(3);
    const b = new RequestBudget(OKX_PROFILE.rules, () => Date.now());
    const oi = '/api/v5/rubik/stat/contracts/open-interest-history';
    expect(b.waitMs(oi, 1)).toBe(0);
    b.record(oi, 1).done();
    expect(b.waitMs(oi, 1)).toBe(2_000);
    // Other endpoints are unaffected: the general OKX rule has no reserve (2 × 10 ≤ 20).
    expect(b.waitMs('/api/v5/market/candles', 1)).toBe(0);
    vi.advanceTimersByTime(2_000);
    for (let i = 0; i < 3; i++) b.record(oi, 1).done();
    expect(b.waitMs(oi, 1)).toBe(0); // after the first window: the full 4
  });

  it('every profile rule has its published limit, the budget below it', () => {
    for (const p of [BINANCE_PROFILE, BYBIT_PROFILE, OKX_PROFILE]) for (const r of p.rules) expect(r.max).toBeLessThan(r.limit!);
  });
});

describe('rate-limit codes in HTTP 200 bodies back off like a 429', () => {
  const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
  const cases = [
    { name: 'OKX 50011', profile: OKX_PROFILE, body: { code: '50011', msg: 'Rate limit reached. Please refer to API documentation and throttle requests accordingly.', data: [] }, code: '50011', ms: 30_000 },
    { name: 'Bybit retCode 10006', profile: BYBIT_PROFILE, body: { retCode: 10006, retMsg: 'Too many visits!', result: {} }, code: '10006', ms: 60_000 },
    { name: 'Binance -1003', profile: BINANCE_PROFILE, body: { code: -1003, msg: 'Too many requests; current limit of IP is 2400 requests per minute.' }, code: '-1003', ms: 60_000 },
  ];
  for (const c of cases) {
    it(`${c.name}: named rate-limit error, a back-off in force, the next request refused until it ends`, async () => {
      const fetch = vi.fn(async () => ok(c.body));
      const f = new ExchangeFetcher(c.profile, { fetch });
      const err = await f.get('/x').catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'rate-limit', code: c.code, retryAfterMs: c.ms });
      expect(describeError(err, Date.now(), f.blockedUntil)).toBe(`rate limit (code ${c.code}), retrying in ${c.ms / 1000} s`);
      expect(f.backoff()).toEqual({ until: Date.now() + c.ms, status: 429, code: c.code });
      const refused = await f.get('/y').catch((e: unknown) => e);
      expect(refused).toMatchObject({ kind: 'backoff', code: c.code });
      expect(describeError(refused, Date.now(), f.blockedUntil)).toBe(`rate limit (code ${c.code}), retrying in ${c.ms / 1000} s`);
      expect(fetch).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(c.ms);
      fetch.mockImplementation(async () => ok([]));
      await expect(f.get('/y')).resolves.toEqual([]);
    });
  }

  it('a Retry-After on such an answer is honoured', async () => {
    const f = new ExchangeFetcher(OKX_PROFILE, { fetch: async () => new Response(JSON.stringify({ code: '50011', msg: '', data: [] }), { status: 200, headers: { 'retry-after': '5' } }) });
    await expect(f.get('/x')).rejects.toMatchObject({ kind: 'rate-limit', retryAfterMs: 5_000 });
  });

  it('an ordinary answer with a different code is not a rate limit', async () => {
    const f = new ExchangeFetcher(OKX_PROFILE, { fetch: async () => new Response(JSON.stringify({ code: '51001', msg: 'Instrument ID does not exist', data: [] })) });
    await expect(f.get('/x')).resolves.toMatchObject({ code: '51001' });
    expect(f.backoff()).toBeNull();
  });
});
