// Sliding-window replay: cold loads through the real sources, fetchers and budgets, over a network whose
// delays differ per request (seeded), on vitest's fake clock. Records when each request *arrives* at the
// exchange, which is what the exchange counts, and checks every window of arrivals against the
// published limits (docs/exchange-apis.md §0). Used by rate-replay.test.ts.
import { vi } from 'vitest';
import type { Exchange } from '../../src/engine/types';
import { createSources } from '../../src/sites';
import { binanceWeight } from '../../src/sites/binance/api';
import type { MarketSource } from '../../src/sites/shared/source';
import { fixtureFetch } from '../sites/shared/fixture-fetch';
import { seededRandom } from '../../tools/seeded-random';

const DAY_MS = 86_400_000;

/** A published limit: at most `limit` cost in any [t, t + windowMs) of arrivals, per `key` group. */
export interface PublishedLimit {
  name: string;
  windowMs: number;
  limit: number;
  cost: (path: string, weight: number) => number;
  /** Which requests count together: the endpoint when the exchange limits per endpoint. */
  key: (path: string) => string;
}

const all = () => 'all';
const perPath = (p: string) => p;
const BITGET_STATS = ['/api/v2/mix/market/account-long-short', '/api/v2/mix/market/position-long-short', '/api/v2/mix/market/long-short', '/api/v2/mix/market/taker-buy-sell'];

/** The published REST limits per IP (docs/exchange-apis.md §0), as the exchanges count them. */
export const PUBLISHED: Record<Exchange, PublishedLimit[]> = {
  binance: [
    { name: 'weight 2400 / min', windowMs: 60_000, limit: 2400, cost: (_p, w) => w, key: all },
    { name: 'futures/data 1000 / 5 min', windowMs: 300_000, limit: 1000, cost: (p) => (p.startsWith('/futures/data/') ? 1 : 0), key: all },
  ],
  bybit: [{ name: '600 / 5 s', windowMs: 5_000, limit: 600, cost: () => 1, key: all }],
  okx: [
    { name: '20 / 2 s per endpoint', windowMs: 2_000, limit: 20, cost: () => 1, key: perPath },
    { name: 'rubik 5 / 2 s per endpoint', windowMs: 2_000, limit: 5, cost: (p) => (p.startsWith('/api/v5/rubik/') ? 1 : 0), key: perPath },
  ],
  bitget: [
    { name: '20 / s per endpoint', windowMs: 1_000, limit: 20, cost: () => 1, key: perPath },
    { name: 'tiers 10 / s', windowMs: 1_000, limit: 10, cost: (p) => (p === '/api/v2/mix/market/query-position-lever' ? 1 : 0), key: perPath },
    { name: 'statistics 1 / s per endpoint', windowMs: 1_000, limit: 1, cost: (p) => (BITGET_STATS.includes(p) ? 1 : 0), key: perPath },
  ],
};

export interface Arrival {
  t: number;
  path: string;
  weight: number;
}

export interface Breach {
  limit: string;
  key: string;
  at: number;
  used: number;
  allowed: number;
}

/** The fullest window of one limit and key group: `used` cost in [at, at + windowMs). */
export interface WindowUse {
  limit: string;
  key: string;
  at: number;
  used: number;
  allowed: number;
}

/**
 * Every window [t, t + windowMs) that starts at an arrival with t in [from, to), per limit and key group:
 * the fullest one of each, and those over the limit. The arrivals must include every one up to
 * to + the longest window (a long run checks its log in slices and drops what no window reaches any more).
 */
export function windowUse(exchange: Exchange, arrivals: readonly Arrival[], from = -Infinity, to = Infinity): { fullest: WindowUse[]; breaches: Breach[] } {
  const fullest: WindowUse[] = [];
  const over: Breach[] = [];
  const sorted = [...arrivals].sort((a, b) => a.t - b.t);
  for (const lim of PUBLISHED[exchange]) {
    const groups = new Map<string, { t: number; cost: number }[]>();
    for (const a of sorted) {
      const cost = lim.cost(a.path, a.weight);
      if (cost === 0) continue;
      const key = lim.key(a.path);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push({ t: a.t, cost });
    }
    for (const [key, g] of groups) {
      // Two pointers over the group's arrivals in time order: the window starting at g[i] ends before g[j].
      let best: WindowUse | undefined;
      let j = 0;
      let used = 0;
      for (let i = 0; i < g.length; i++) {
        if (i > 0) used -= g[i - 1]!.cost;
        while (j < g.length && g[j]!.t < g[i]!.t + lim.windowMs) used += g[j++]!.cost;
        const at = g[i]!.t;
        if (at < from || at >= to) continue;
        if (!best || used > best.used) best = { limit: lim.name, key, at, used, allowed: lim.limit };
        if (used > lim.limit) over.push({ limit: lim.name, key, at, used, allowed: lim.limit });
      }
      if (best) fullest.push(best);
    }
  }
  return { fullest, breaches: over };
}

/** Every window [t, t + windowMs) that starts at an arrival, per limit and key group: those over the limit. */
export function breaches(exchange: Exchange, arrivals: readonly Arrival[]): Breach[] {
  return windowUse(exchange, arrivals).breaches;
}

/** One-way delay (ms): 10 ms floor plus a long tail (exponential, mean 150 ms), capped at 1.5 s. */
function delay(rand: () => number): number {
  return Math.min(1_500, 10 - 150 * Math.log(1 - rand()));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The test market has two symbols (BTCUSDT, ETHUSDT); more are aliases (QAAUSDT, QABUSDT…) of them: the
 * URL is sent with the real base, the answer comes back with the alias, and list-everything answers
 * (Binance exchangeInfo, Bitget contracts) gain a copy of the real entry under the alias.
 */
export function symbolsFor(n: number): { symbol: string; base: string; real: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const real = i % 2 === 0 ? 'BTC' : 'ETH';
    if (i < 2) return { symbol: `${real}USDT`, base: real, real };
    const base = `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
    return { symbol: `${base}USDT`, base, real };
  });
}

function withAliases(body: unknown, aliases: { base: string; real: string }[]): unknown {
  if (Array.isArray(body)) {
    const extra: unknown[] = [];
    for (const al of aliases) {
      const src = body.find((e) => typeof e === 'object' && e !== null && (e as { symbol?: unknown }).symbol === `${al.real}USDT`);
      if (src) extra.push(JSON.parse(JSON.stringify(src).replaceAll(al.real, al.base)));
    }
    return [...body.map((e) => withAliases(e, aliases)), ...extra];
  }
  if (typeof body === 'object' && body !== null) return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, withAliases(v, aliases)]));
  return body;
}

export interface Network {
  fetch: (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;
  arrivals: Record<Exchange, Arrival[]>;
  /** A worker that stopped sends nothing more (requests already on the wire still arrive). */
  stop(): void;
}

/** A network with per-request seeded delays in both directions, recording arrivals at the exchange. */
export function network(seed: number, symbols: { base: string; real: string }[], arrivals?: Record<Exchange, Arrival[]>): Network {
  // Seeded, so a failing replay can be re-run exactly.
  const rand = seededRandom(seed);
  const ff = fixtureFetch({ now: () => Date.now(), keepLog: false });
  const log: Record<Exchange, Arrival[]> = arrivals ?? { binance: [], bybit: [], okx: [], bitget: [] };
  const aliases = symbols.filter((s) => s.base !== s.real);
  let stopped = false;
  const fetch = async (raw: string): Promise<Response> => {
    if (stopped) throw new TypeError('worker stopped');
    const alias = aliases.find((a) => raw.includes(a.base));
    const url = alias ? raw.replaceAll(alias.base, alias.real) : raw;
    const u = new URL(url);
    const exchange = (({ 'fapi.binance.com': 'binance', 'api.bybit.com': 'bybit', 'www.okx.com': 'okx', 'api.bitget.com': 'bitget' }) as Record<string, Exchange>)[u.host];
    if (!exchange) throw new TypeError(`no exchange at ${u.host}`);
    await sleep(delay(rand));
    const weight = exchange === 'binance' ? binanceWeight(u.pathname, Object.fromEntries(u.searchParams)) : 1;
    log[exchange].push({ t: Date.now(), path: u.pathname, weight });
    const res = await ff.fetch(url);
    let text = await res.text();
    if (alias) text = text.replaceAll(alias.real, alias.base);
    else if (/\/(exchangeInfo|contracts)$/.test(u.pathname) && aliases.length > 0) text = JSON.stringify(withAliases(JSON.parse(text), aliases));
    await sleep(delay(rand));
    return new Response(text, { status: res.status, headers: res.headers });
  };
  return { fetch, arrivals: log, stop: () => void (stopped = true) };
}

/** A fresh worker's sources over `net` (the real createSources, fetchers and budgets). */
export function workerSources(net: Network): Record<Exchange, MarketSource> {
  return createSources({ fetch: net.fetch, timeoutMs: 10_000 });
}

/** Cold-load `symbols` on one exchange, all at once (as open tabs would); resolves with the time it took. */
export function coldLoad(source: MarketSource, symbols: readonly string[], windowDays = 7): { done: Promise<number>; settled: () => boolean } {
  const start = Date.now();
  let finished = false;
  const done = Promise.all(symbols.map((symbol) => source.load({ symbol, now: Date.now(), windowMs: windowDays * DAY_MS, prev: null }))).then(
    () => {
      finished = true;
      return Date.now() - start;
    },
    (e: unknown) => {
      finished = true;
      throw e;
    },
  );
  return { done, settled: () => finished };
}

/** Advance fake time until `p` settles (budget sleeps, paging, network delays). */
export async function run<T>(p: Promise<T>, maxMs = 900_000): Promise<T> {
  let done = false;
  let out: T | undefined;
  let err: unknown;
  p.then((x) => ((done = true), (out = x)), (e) => ((done = true), (err = e)));
  for (let t = 0; !done && t < maxMs; t += 100) {
    await vi.advanceTimersByTimeAsync(100);
    for (let i = 0; i < 3 && !done; i++) await new Promise((r) => setImmediate(r));
  }
  if (!done) throw new Error(`did not settle within ${maxMs} ms`);
  if (err) throw err;
  return out as T;
}
