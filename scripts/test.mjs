// `npm test`: type check, Chrome + Firefox builds, unit tests (Vitest), end-to-end tests (node:test + real
// Chromium). Ends with one plain line "N passed, N failed" over everything (CI reads only that line).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const only = process.argv.slice(2); // optional: subset of steps, e.g. `npm test -- unit`

let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, opts = {}) {
  if (only.length && !only.includes(name) && !(opts.group && only.includes(opts.group))) return null;
  console.log(`\n▶ ${name}: ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: { ...process.env, ...(opts.env ?? {}) } });
  if (opts.capture && r.stdout) process.stdout.write(r.stdout);
  return r;
}

function check(name, r) {
  if (!r) return;
  if (r.status === 0) passed += 1;
  else { failed += 1; failures.push(name); }
}

check('typecheck', step('typecheck', bin('tsc'), ['--noEmit'], { group: 'build' }));
// An exchange is known in one place (src/sites): see the script for what it allows and why.
check('exchange names', step('exchange-names', process.execPath, ['scripts/check-exchange-names.mjs'], { group: 'build' }));
check('build chrome-mv3', step('build', bin('wxt'), ['build'], { group: 'build' }));
check('build firefox-mv2', step('build-firefox', bin('wxt'), ['build', '-b', 'firefox'], { group: 'build' }));

// Unit tests: Vitest writes JSON; its own summary is not what CI reads.
const vitestReport = path.join(ROOT, '.vitest-report.json');
fs.rmSync(vitestReport, { force: true });
// Run through Node with the Node-20 polyfills so a failing run still prints and writes its report.
const vitestEntry = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const unit = step('unit', process.execPath, ['--import', './scripts/node20-polyfills.mjs', vitestEntry, 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`]);
if (unit) {
  if (fs.existsSync(vitestReport)) {
    const rep = JSON.parse(fs.readFileSync(vitestReport, 'utf8'));
    passed += rep.numPassedTests ?? 0;
    failed += rep.numFailedTests ?? 0;
    // A suite that failed to load has no tests counted; count it as a failure.
    const broken = (rep.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'));
    failed += broken.length;
    for (const f of broken) failures.push(`unit suite ${path.relative(ROOT, f.name)}: ${String(f.message ?? '').split('\n')[0]}`);
    if (rep.numFailedTests) failures.push(`${rep.numFailedTests} unit test(s)`);
  } else {
    failed += 1;
    failures.push('unit: vitest wrote no report');
  }
}

// End-to-end: needs the Chrome build and Chromium.
if (!only.length || only.includes('e2e')) {
  let chromiumOk = true;
  try { findChromium(); } catch (err) { chromiumOk = false; failed += 1; failures.push(`e2e: ${err.message}`); console.error(err.message); }
  if (chromiumOk) {
    const files = fs.readdirSync(path.join(ROOT, 'test', 'e2e')).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join('test', 'e2e', f));
    const r = step('e2e', process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', ...files], { capture: true });
    const tap = r.stdout?.toString() ?? '';
    const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? NaN);
    const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? NaN);
    const cancelled = Number(/^# cancelled (\d+)/m.exec(tap)?.[1] ?? 0);
    if (Number.isFinite(pass) && Number.isFinite(fail)) {
      passed += pass;
      failed += fail + cancelled;
      if (fail + cancelled) failures.push(`${fail + cancelled} e2e test(s)`);
    } else {
      failed += 1;
      failures.push('e2e: no TAP summary');
    }
    if (r.status !== 0 && !(fail + cancelled)) { failed += 1; failures.push(`e2e runner exited ${r.status}`); }
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
