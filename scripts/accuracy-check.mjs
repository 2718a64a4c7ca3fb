// `npm run accuracy:check`: the acceptance targets on the calibration window (test/backtest/calibration-window.test.ts).
// Its CoinGlass CSV lives beside the repo in ../shared/data and may not be copied in (the data's README: no
// licence, validation data only), so `npm test` never runs it. Without the CSV this says so in one line and
// fails: a check that did not run has not passed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The same file the test reads (relative to the repo root).
const CSV = path.resolve(ROOT, '../shared/data/liquidation/coinglass-btc-1h-2025-12-04_2026-03-31/btc-1h-price-oi-funding-liquidations.csv');

if (!fs.existsSync(CSV)) {
  console.error(`accuracy:check not run: ${CSV} is absent (the shared data folder must sit beside the repo)`);
  process.exit(1);
}
const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(process.execPath, ['--import', './scripts/node20-polyfills.mjs', vitest, 'run', '--config', 'vitest.accuracy.config.ts'], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
