/**
 * Records one exchange's public data for a bounded time into a LiqLens recording directory
 * (docs/recording-format.md): closed 1-minute klines, open interest and mark price polled at a fixed
 * cadence (the finest OI every exchange offers without history gaps), and every liquidation the public
 * WebSocket stream publishes. Base URLs are parameters so tests run against local fake servers.
 *
 * Failures of single polls or messages are counted and logged, never fatal: a long recording must not
 * die on one bad response. Only the startup (contract size) is fatal, because without it no quantity
 * could be normalised.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Exchange } from '../../src/engine/types';
import { RecorderError } from './errors';
import { siteOf } from '../../src/sites';
import type { GetJson } from '../../src/sites/shared/recorder-spec';
import { FILES, RECORDING_FORMAT, type KlineRecord, type LiquidationRecord, type RecordingMeta } from './format';

export interface RecordOptions {
  exchange: Exchange;
  /** Canonical symbol, e.g. BTCUSDT. */
  symbol: string;
  durationMs: number;
  outDir: string;
  /** Override the REST / WebSocket base (tests: http://127.0.0.1:port, ws://127.0.0.1:port). */
  restBase?: string;
  wsBase?: string;
  /** OI + mark poll cadence (default 5 s). */
  pollMs?: number;
  /** Kline poll cadence (default 30 s; each poll fetches the last `klineLimit` minutes). */
  klinePollMs?: number;
  klineLimit?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  log?: (line: string) => void;
  now?: () => number;
}

export interface RecordSummary {
  outDir: string;
  klines: number;
  openInterest: number;
  markPrice: number;
  liquidations: number;
  wsConnections: number;
  errorCount: number;
  /** The first few errors, verbatim. */
  errors: string[];
}

const MINUTE = 60_000;

export async function record(opts: RecordOptions): Promise<RecordSummary> {
  const spec = siteOf(opts.exchange).recorder;
  if (!spec) throw new RecorderError(String(opts.exchange), '-', 'exchange', 'unknown exchange');
  if (!(opts.durationMs > 0)) throw new RecorderError(opts.exchange, '-', 'duration', `must be > 0 ms, got ${opts.durationMs}`);
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => {});
  const restBase = (opts.restBase ?? spec.restBase).replace(/\/$/, '');
  const wsBase = (opts.wsBase ?? spec.wsBase).replace(/\/$/, '');
  const instrument = spec.instrument(opts.symbol);
  const timeoutMs = opts.timeoutMs ?? 10_000;

  mkdirSync(opts.outDir, { recursive: true });
  if (existsSync(join(opts.outDir, FILES.meta))) {
    throw new RecorderError(opts.exchange, '-', 'out', `${opts.outDir} already holds a recording; choose a new directory`);
  }

  const summary: RecordSummary = { outDir: opts.outDir, klines: 0, openInterest: 0, markPrice: 0, liquidations: 0, wsConnections: 0, errorCount: 0, errors: [] };
  const fail = (e: unknown): void => {
    const msg = e instanceof Error ? e.message : String(e);
    summary.errorCount++;
    if (summary.errors.length < 20) summary.errors.push(msg);
    log(`error: ${msg}`);
  };
  const append = (file: string, rec: object): void => appendFileSync(join(opts.outDir, file), JSON.stringify(rec) + '\n');

  const get: GetJson = async (path) => {
    let res: Response;
    try {
      res = await fetch(restBase + path, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw new RecorderError(opts.exchange, path, 'request', e instanceof Error ? e.message : String(e));
    }
    if (!res.ok) throw new RecorderError(opts.exchange, path, 'http', `status ${res.status}`);
    try {
      return (await res.json()) as unknown;
    } catch {
      throw new RecorderError(opts.exchange, path, 'body', 'not JSON');
    }
  };

  const contractCoin = await spec.contractCoin(get, instrument);
  const meta: RecordingMeta = {
    format: RECORDING_FORMAT,
    exchange: opts.exchange,
    symbol: opts.symbol.toUpperCase(),
    instrument,
    contractCoin,
    startedAt: now(),
    sources: { restBase, wsBase, ...spec.sources(instrument) },
  };
  for (const f of [FILES.klines, FILES.openInterest, FILES.markPrice, FILES.liquidations]) writeFileSync(join(opts.outDir, f), '');
  writeFileSync(join(opts.outDir, FILES.meta), JSON.stringify(meta, null, 2) + '\n');
  log(`recording ${opts.exchange} ${instrument} for ${Math.round(opts.durationMs / 1000)} s into ${opts.outDir}`);

  let stopping = false;

  /* ---- liquidation stream */
  let ws: WebSocket | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  const connect = (): void => {
    const url = wsBase + spec.wsPath(instrument);
    const sock = new WebSocket(url, { handshakeTimeout: timeoutMs });
    ws = sock;
    sock.on('open', () => {
      summary.wsConnections++;
      const sub = spec.wsSubscribe(instrument);
      if (sub) sock.send(sub);
      if (spec.wsPing) {
        const p = spec.wsPing;
        ping = setInterval(() => sock.readyState === WebSocket.OPEN && sock.send(p.message), p.everyMs);
      }
    });
    sock.on('message', (data) => {
      const text = data.toString();
      let msg: unknown = text;
      if (text !== 'pong') {
        try {
          msg = JSON.parse(text);
        } catch {
          fail(new RecorderError(opts.exchange, url, 'message', 'not JSON'));
          return;
        }
      }
      try {
        for (const l of spec.parseLiquidations(msg, instrument, contractCoin) as LiquidationRecord[]) {
          append(FILES.liquidations, l);
          summary.liquidations++;
        }
      } catch (e) {
        fail(e);
      }
    });
    sock.on('error', (e) => fail(new RecorderError(opts.exchange, url, 'websocket', e.message)));
    sock.on('close', () => {
      if (ping) clearInterval(ping);
      if (!stopping) reconnect = setTimeout(connect, 1000); // exchanges drop idle or 24 h-old sockets
    });
  };
  connect();

  /* ---- REST polls */
  const written = new Set<number>();
  const pollKlines = async (): Promise<void> => {
    try {
      const ks: KlineRecord[] = spec.parseKlines(await get(spec.klinesPath(instrument, opts.klineLimit ?? 10)), contractCoin);
      const cutoff = now();
      for (const k of ks.sort((a, b) => a.t - b.t)) {
        if (k.t + MINUTE > cutoff || written.has(k.t)) continue; // only closed minutes, once each
        written.add(k.t);
        append(FILES.klines, k);
        summary.klines++;
      }
    } catch (e) {
      fail(e);
    }
  };
  const pollSnapshot = async (): Promise<void> => {
    try {
      const s = await spec.snapshot(get, instrument, contractCoin);
      const t = now();
      append(FILES.openInterest, { t, coin: s.oiCoin, usd: s.oiUsd ?? s.oiCoin * s.mark });
      append(FILES.markPrice, { t, mark: s.mark });
      summary.openInterest++;
      summary.markPrice++;
    } catch (e) {
      fail(e);
    }
  };
  /** Runs `fn` now and then every `everyMs` without overlapping, until stopped. */
  const loop = (fn: () => Promise<void>, everyMs: number): Promise<void> =>
    (async () => {
      while (!stopping) {
        const started = now();
        await fn();
        const wait = Math.max(0, everyMs - (now() - started));
        await new Promise<void>((r) => {
          const wake = (): void => {
            clearTimeout(t);
            stopWaiters.delete(wake);
            r();
          };
          const t = setTimeout(wake, wait);
          stopWaiters.add(wake);
        });
      }
    })();
  const stopWaiters = new Set<() => void>();
  const loops = [loop(pollSnapshot, opts.pollMs ?? 5000), loop(pollKlines, opts.klinePollMs ?? 30_000)];

  await new Promise<void>((r) => setTimeout(r, opts.durationMs));
  stopping = true;
  for (const w of [...stopWaiters]) w();
  await Promise.all(loops);
  await pollKlines(); // pick up the minutes that closed since the last poll
  if (reconnect) clearTimeout(reconnect);
  if (ping) clearInterval(ping);
  if (ws) {
    const sock = ws;
    await new Promise<void>((r) => {
      if (sock.readyState === WebSocket.CLOSED) return r();
      sock.once('close', () => r());
      sock.terminate();
    });
  }
  writeFileSync(join(opts.outDir, FILES.meta), JSON.stringify({ ...meta, endedAt: now() }, null, 2) + '\n');
  log(
    `done: ${summary.klines} klines, ${summary.openInterest} OI points, ${summary.liquidations} liquidations, ${summary.errorCount} errors`,
  );
  return summary;
}
