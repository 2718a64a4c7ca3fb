/** Command-line flags of `npm run record`, parsed into RecordOptions; errors name the flag. */
import { type Exchange } from '../../src/engine/types';
import { EXCHANGES } from '../../src/sites';
import { UsageError } from '../cli/usage-error';
import type { RecordOptions } from './recorder';

export const RECORD_USAGE = `usage: npm run record -- --exchange ${EXCHANGES.join('|')} --symbol BTCUSDT (--hours H | --seconds S) --out DIR
       [--rest-base URL] [--ws-base URL] [--poll-seconds 5] [--kline-poll-seconds 30]
       env: LIQLENS_REST_BASE, LIQLENS_WS_BASE override the exchange's base URLs`;

/** At most 7 days in one run: recordings are bounded by design. */
const MAX_HOURS = 7 * 24;

export function parseRecordArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): RecordOptions {
  const v: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (!flag.startsWith('--')) throw new UsageError(`unexpected argument "${flag}"`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag}: missing value`);
    v[flag.slice(2)] = value;
  }
  const known = ['exchange', 'symbol', 'hours', 'seconds', 'out', 'rest-base', 'ws-base', 'poll-seconds', 'kline-poll-seconds'];
  for (const k of Object.keys(v)) if (!known.includes(k)) throw new UsageError(`unknown flag --${k}`);
  const exchange = v.exchange as Exchange | undefined;
  if (!exchange || !EXCHANGES.includes(exchange)) throw new UsageError(`--exchange: expected one of ${EXCHANGES.join(', ')}, got ${JSON.stringify(v.exchange)}`);
  const symbol = v.symbol;
  if (!symbol || !/^[A-Za-z0-9]+USDT$/i.test(symbol)) throw new UsageError(`--symbol: expected a USDT perpetual like BTCUSDT, got ${JSON.stringify(symbol)}`);
  if (!v.out) throw new UsageError('--out: required');
  if ((v.hours === undefined) === (v.seconds === undefined)) throw new UsageError('give exactly one of --hours or --seconds');
  const seconds = v.hours !== undefined ? Number(v.hours) * 3600 : Number(v.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_HOURS * 3600) {
    throw new UsageError(`--${v.hours !== undefined ? 'hours' : 'seconds'}: expected > 0 and ≤ ${MAX_HOURS} h, got ${JSON.stringify(v.hours ?? v.seconds)}`);
  }
  const secs = (flag: string, dflt: number): number => {
    if (v[flag] === undefined) return dflt;
    const n = Number(v[flag]);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag}: expected seconds > 0, got ${JSON.stringify(v[flag])}`);
    return n;
  };
  const url = (flag: string, envName: string, schemes: RegExp): string | undefined => {
    const u = v[flag] ?? env[envName];
    if (u === undefined || u === '') return undefined;
    if (!schemes.test(u)) throw new UsageError(`--${flag} / ${envName}: expected ${schemes.source} URL, got ${JSON.stringify(u)}`);
    return u;
  };
  return {
    exchange,
    symbol: symbol.toUpperCase(),
    durationMs: seconds * 1000,
    outDir: v.out,
    restBase: url('rest-base', 'LIQLENS_REST_BASE', /^https?:\/\//),
    wsBase: url('ws-base', 'LIQLENS_WS_BASE', /^wss?:\/\//),
    pollMs: secs('poll-seconds', 5) * 1000,
    klinePollMs: secs('kline-poll-seconds', 30) * 1000,
  };
}
