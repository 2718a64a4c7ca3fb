// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBacktestArgs, UsageError } from '../../src/backtest/args';

const CSV = resolve(process.cwd(), '../shared/data/liquidation/coinglass-btc-1h-2025-12-04_2026-03-31/btc-1h-price-oi-funding-liquidations.csv');

describe('parseBacktestArgs', () => {
  it('reads the documented flags', () => {
    const a = parseBacktestArgs(['--csv', 'f.csv', '--from', '2026-01-01T00:00:00Z', '--to', '2026-02-01', '--json', 'o.json']);
    expect(a).toMatchObject({ source: { kind: 'csv', file: 'f.csv' }, fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 1, 1), json: 'o.json', burnInHours: 168 });
  });
  it('names the flag that is wrong', () => {
    expect(() => parseBacktestArgs(['--csv', 'f', '--from', 'yesterday'])).toThrow(/--from: not an ISO date/);
    expect(() => parseBacktestArgs(['--csv', 'f', '--reps', '-3'])).toThrow(/--reps: expected a positive integer/);
    expect(() => parseBacktestArgs(['--cvs', 'f'])).toThrow(/unknown flag --cvs/);
    expect(() => parseBacktestArgs([])).toThrow(UsageError);
    expect(() => parseBacktestArgs(['--csv', 'a', '--recording', 'b'])).toThrow(/either --csv or --recording/);
    expect(() => parseBacktestArgs(['--csv', 'a', '--from', '2026-02-01', '--to', '2026-01-01'])).toThrow(/--to must be after --from/);
  });
});

describe.skipIf(!existsSync(CSV))('npm run backtest (CLI)', () => {
  it('prints the table and writes the documented JSON', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'liqlens-bt-')), 'r.json');
    const stdout = execFileSync(
      'node_modules/.bin/tsx',
      ['scripts/backtest.ts', '--csv', CSV, '--from', '2026-02-01T00:00:00Z', '--to', '2026-03-01T00:00:00Z', '--reps', '50', '--json', out],
      { encoding: 'utf8' },
    );
    expect(stdout).toMatch(/partial ρ \| excursion, 40-bin control/);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.bars).toBe(28 * 24 - 2); // February 2026 minus the file's two missing hours (02-07, 02-25)
    for (const side of ['long', 'short']) {
      for (const k of ['rho', 'baseline_rho', 'partial_rho', 'q4_rho', 'q4_baseline_rho', 'combined_rho', 'combined_baseline_rho']) {
        expect(typeof r[side][k]).toBe('number');
      }
      expect(r[side].partial_ci).toHaveLength(2);
    }
  });
  it('exits 1 with a named error on a bad file', () => {
    let err = '';
    try {
      execFileSync('node_modules/.bin/tsx', ['scripts/backtest.ts', '--csv', 'package.json'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      err = String((e as { stderr: string }).stderr);
    }
    expect(err).toMatch(/CsvError: CSV line 1, column "timestamp": missing from the header/);
  });
});
