// In-process stand-in for the fixture server (scripts/fixture-server.mjs): routes an exchange API URL
// to scripts/fixtures/api/<exchange>.mjs and applies the same failure scenarios, without sockets.
// Used by the market tests and test/bench/requests.ts.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Exchange } from '../../../src/engine/types';
import { REPO_ROOT } from './samples';
// @ts-expect-error plain ESM helper shared with the fixture server (no types)
import { withBadBar } from '../../../scripts/fixtures/bad-bar.mjs';

type Handler = (url: URL, ctx: { scenario: string; now: number; root: string }) => Promise<{ status?: number; body: unknown; headers?: Record<string, string> } | null>;

const HOSTS: Record<string, Exchange> = { 'fapi.binance.com': 'binance', 'api.bybit.com': 'bybit', 'www.okx.com': 'okx', 'api.bitget.com': 'bitget' };
const handlers = new Map<Exchange, Handler>();

async function handler(exchange: Exchange): Promise<Handler> {
  let h = handlers.get(exchange);
  if (!h) {
    const file = pathToFileURL(path.join(REPO_ROOT, 'scripts/fixtures/api', `${exchange}.mjs`)).href;
    h = ((await import(/* @vite-ignore */ file)) as { default: Handler }).default;
    handlers.set(exchange, h);
  }
  return h;
}

/** Import every handler up front (real I/O that fake timers cannot advance). */
export async function preloadHandlers(): Promise<void> {
  await Promise.all((Object.values(HOSTS) as Exchange[]).map(handler));
}

export interface FixtureFetchOptions {
  now: () => number;
  /** Scenario per exchange (fixture-server names): normal, 429, 418, 403, 500, malformed, slow, price-step. */
  scenario?: Partial<Record<Exchange, string>>;
  /** Keep every URL in `log` (default); a long simulation that keeps its own log turns it off. */
  keepLog?: boolean;
}

export interface FixtureFetch {
  fetch: (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;
  /** Every URL requested, in order. */
  log: { exchange: Exchange; url: string; t: number }[];
  scenario: Partial<Record<Exchange, string>>;
}

export function fixtureFetch(opts: FixtureFetchOptions): FixtureFetch {
  const log: FixtureFetch['log'] = [];
  const scenario = opts.scenario ?? {};
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  const fetch = async (raw: string, init?: { signal?: AbortSignal }): Promise<Response> => {
    const url = new URL(raw);
    const exchange = HOSTS[url.host];
    if (!exchange) throw new TypeError(`fixture fetch: no exchange at ${url.host}`);
    if (opts.keepLog !== false) log.push({ exchange, url: raw, t: opts.now() });
    const sc = scenario[exchange] ?? 'normal';
    switch (sc) {
      case '429': return json(429, { code: -1003, msg: 'Too many requests' }, { 'retry-after': '2' });
      case '418': return json(418, { code: -1003, msg: 'IP banned' }, { 'retry-after': '5' });
      case '403': return json(403, { retCode: 403, retMsg: 'access too frequent' });
      case '500': return json(500, { msg: 'internal error' });
      case 'slow':
        // Never answers: only the client's timeout (AbortController) ends it.
        return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      default: break;
    }
    const answer = await (await handler(exchange))(url, { scenario: sc, now: opts.now(), root: REPO_ROOT });
    if (!answer) return json(404, { msg: `no fixture for ${url.pathname}` });
    if (sc === 'malformed') {
      const text = JSON.stringify(answer.body);
      return json(200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    }
    const body = sc === 'bad-bar' ? withBadBar(url.pathname, answer.body) : answer.body;
    return json(answer.status ?? 200, body, answer.headers ?? {});
  };
  return { fetch, log, scenario };
}
