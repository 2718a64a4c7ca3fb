// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecordArgs } from '../../tools/recorder/args';
import { FILES } from '../../tools/recorder/format';
import { startFakeExchange } from './fake-exchange';

describe('parseRecordArgs', () => {
  it('reads the documented flags; fractional hours are allowed', () => {
    expect(parseRecordArgs(['--exchange', 'okx', '--symbol', 'ethusdt', '--hours', '0.5', '--out', 'd'])).toMatchObject({
      exchange: 'okx', symbol: 'ETHUSDT', durationMs: 1_800_000, outDir: 'd', pollMs: 5000, klinePollMs: 30_000,
    });
  });
  it('takes base URLs from flags or the environment, flags first', () => {
    const base = ['--exchange', 'binance', '--symbol', 'BTCUSDT', '--seconds', '2', '--out', 'd'];
    expect(parseRecordArgs(base, { LIQLENS_REST_BASE: 'http://127.0.0.1:1', LIQLENS_WS_BASE: 'ws://127.0.0.1:2' })).toMatchObject({
      restBase: 'http://127.0.0.1:1', wsBase: 'ws://127.0.0.1:2',
    });
    expect(parseRecordArgs([...base, '--rest-base', 'http://127.0.0.1:3'], { LIQLENS_REST_BASE: 'http://127.0.0.1:1' }).restBase).toBe('http://127.0.0.1:3');
    expect(() => parseRecordArgs([...base, '--ws-base', 'http://x'])).toThrow(/--ws-base \/ LIQLENS_WS_BASE: expected/);
  });
  it('names the flag that is wrong', () => {
    expect(() => parseRecordArgs(['--exchange', 'kraken', '--symbol', 'BTCUSDT', '--hours', '1', '--out', 'd'])).toThrow(/--exchange: expected one of/);
    expect(() => parseRecordArgs(['--exchange', 'okx', '--symbol', 'BTC-USD', '--hours', '1', '--out', 'd'])).toThrow(/--symbol/);
    expect(() => parseRecordArgs(['--exchange', 'okx', '--symbol', 'BTCUSDT', '--hours', '999', '--out', 'd'])).toThrow(/--hours: expected > 0 and ≤ 168 h/);
    expect(() => parseRecordArgs(['--exchange', 'okx', '--symbol', 'BTCUSDT', '--out', 'd'])).toThrow(/exactly one of --hours or --seconds/);
    expect(() => parseRecordArgs(['--exchange', 'okx', '--symbol', 'BTCUSDT', '--hours', '1'])).toThrow(/--out: required/);
  });
});

describe('npm run record (CLI) with LIQLENS_* pointing at a local fake', () => {
  it('records a few seconds and exits 0', async () => {
    const fake = await startFakeExchange('bybit');
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'liqlens-rec-cli-')), 'rec');
      const stdout = await new Promise<string>((res, rej) =>
        execFile(
          'node_modules/.bin/tsx',
          ['scripts/record.ts', '--exchange', 'bybit', '--symbol', 'BTCUSDT', '--seconds', '1.5', '--out', out, '--poll-seconds', '0.5'],
          { env: { ...process.env, LIQLENS_REST_BASE: fake.restBase, LIQLENS_WS_BASE: fake.wsBase }, encoding: 'utf8' },
          (err, so) => (err ? rej(err) : res(so)),
        ),
      );
      expect(stdout).toMatch(/done: 3 klines, \d+ OI points, 2 liquidations/);
      expect(readFileSync(join(out, FILES.liquidations), 'utf8').trim().split('\n')).toHaveLength(2);
      expect(fake.requests.every((p) => p.startsWith('/v5/market/'))).toBe(true);
    } finally {
      await fake.close();
    }
  });
});
