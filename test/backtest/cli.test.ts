// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBacktestArgs, UsageError } from '../../tools/backtest/args';
import { seededRandom } from '../../tools/backtest/bootstrap';

const HOUR = 3_600_000;

/**
 * A synthetic hourly CSV in the CoinGlass layout (the real one may not be copied into the repo): a
 * seeded random walk from 2026-01-01 to 2026-03-01 with long/short liquidations that grow with the
 * bar's move down/up, and two February hours missing as in the real file (02-07 and 02-25 at 12:00).
 */
function syntheticCsv(): string {
  const rnd = seededRandom(7);
  const missing = new Set([Date.UTC(2026, 1, 7, 12), Date.UTC(2026, 1, 25, 12)]);
  const rows = ['timestamp,price_open,price_high,price_low,price_close,liquidation_long_usd,liquidation_short_usd,oi_open,oi_high,oi_low,oi_close'];
  let price = 95_000;
  let oi = 8e9;
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2026, 2, 1); t += HOUR) {
    const close = price * (1 + (rnd() - 0.5) * 0.012);
    const high = Math.max(price, close) * (1 + rnd() * 0.004);
    const low = Math.min(price, close) * (1 - rnd() * 0.004);
    const nextOi = oi * (1 + (rnd() - 0.5) * 0.01);
    const longLiq = 1e5 + ((price - low) / price) * 5e8 * (0.5 + rnd());
    const shortLiq = 1e5 + ((high - price) / price) * 5e8 * (0.5 + rnd());
    if (!missing.has(t)) rows.push([t, price, high, low, close, longLiq, shortLiq, oi, Math.max(oi, nextOi), Math.min(oi, nextOi), nextOi].join(','));
    price = close;
    oi = nextOi;
  }
  return `${rows.join('\n')}\n`;
}

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

describe('npm run backtest (CLI)', () => {
  it('prints the table and writes the documented JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liqlens-bt-'));
    const out = join(dir, 'r.json');
    const CSV = join(dir, 'synthetic-btc-1h.csv');
    writeFileSync(CSV, syntheticCsv());
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
