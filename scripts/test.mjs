// `npm test`: type checks, dependency rules, Chrome + Firefox builds (production, and the e2e build with its
// test seams), unit tests (Vitest), end-to-end tests (node:test + real Chromium on the e2e build; real Firefox
// ESR on the Firefox build). Ends with one plain line "N passed, N failed" over everything (CI reads only that
// line). A skipped or todo test counts as failed: a test that silently does not run proves nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';
import { findFirefox } from './firefox.mjs';

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
// The engine alone, with the language only (src/engine/tsconfig.json: no DOM, no Node types).
check('typecheck src/engine', step('typecheck-engine', bin('tsc'), ['-p', 'src/engine'], { group: 'build' }));
// Import directions and cycles (.dependency-cruiser.cjs); one pass/fail for the whole rule set.
check('dependency rules', step('deps', bin('depcruise'), ['src', 'entrypoints', 'tools', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { group: 'build' }));
// An exchange is known in one place (src/sites): see the script for what it allows and why.
check('exchange names', step('exchange-names', process.execPath, ['scripts/check-exchange-names.mjs'], { group: 'build' }));
check('build chrome-mv3', step('build', bin('wxt'), ['build'], { group: 'build' }));
check('build firefox-mv2', step('build-firefox', bin('wxt'), ['build', '-b', 'firefox'], { group: 'build' }));
// Mozilla's add-on linter, as AMO runs it: 0 errors and no warning of our own (see the script).
check('firefox lint', step('lint-firefox', process.execPath, ['scripts/lint-firefox.mjs'], { group: 'build' }));
// The e2e build (.output/chrome-mv3-e2e): production code plus the test seams; NODE_ENV keeps it a production
// bundle (minified, production JSX runtime) so the e2e tests exercise what ships.
check('build chrome-mv3 e2e', step('build-e2e', bin('wxt'), ['build', '--mode', 'e2e'], { group: 'build', env: { NODE_ENV: 'production' } }));
check('no test seams in production builds', step('seams', process.execPath, ['scripts/check-no-test-seams.mjs'], { group: 'build' }));

// Unit tests: Vitest writes JSON; its own summary is not what CI reads.
const vitestReport = path.join(ROOT, '.vitest-report.json');
// Run through Node with the Node-20 polyfills so a failing run still prints and writes its report.
const vitestEntry = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
/** Runs Vitest with a JSON report and counts it; `label` names the run in the failure list. */
function vitest(name, label, args) {
  fs.rmSync(vitestReport, { force: true });
  const r = step(name, process.execPath, ['--import', './scripts/node20-polyfills.mjs', vitestEntry, 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`, ...args]);
  if (!r) return;
  if (!fs.existsSync(vitestReport)) {
    failed += 1;
    failures.push(`${label}: vitest wrote no report`);
    return;
  }
  const rep = JSON.parse(fs.readFileSync(vitestReport, 'utf8'));
  passed += rep.numPassedTests ?? 0;
  failed += rep.numFailedTests ?? 0;
  // A suite that failed to load has no tests counted; count it as a failure.
  const broken = (rep.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'));
  failed += broken.length;
  for (const f of broken) failures.push(`${label} suite ${path.relative(ROOT, f.name)}: ${String(f.message ?? '').split('\n')[0]}`);
  if (rep.numFailedTests) failures.push(`${rep.numFailedTests} ${label} test(s)`);
  // Skipped (it.skip, describe.skipIf, …) and todo tests count as failed, each named.
  const notRun = (rep.numPendingTests ?? 0) + (rep.numTodoTests ?? 0);
  if (notRun) {
    failed += notRun;
    const names = (rep.testResults ?? []).flatMap((f) => (f.assertionResults ?? []).filter((a) => a.status === 'pending' || a.status === 'skipped' || a.status === 'todo').map((a) => `${path.relative(ROOT, f.name)} › ${a.fullName ?? a.title}`));
    failures.push(`${notRun} ${label} test(s) skipped or todo: ${names.join('; ') || '(unnamed)'}`);
  }
}

// Unit tests. The calibration-window backtest is not one of them (vitest.config.ts excludes it): it needs data
// beside the repo, so it is `npm run accuracy:check`, and a fresh clone passes without it.
vitest('unit', 'unit', []);

/** Counts a node:test run from its TAP summary (`label` names it in the failure list). */
function countTap(label, r) {
  const tap = r.stdout?.toString() ?? '';
  const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? NaN);
  const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? NaN);
  const cancelled = Number(/^# cancelled (\d+)/m.exec(tap)?.[1] ?? 0);
  // t.skip() / { skip } / { todo } tests count as failed, as in the unit run.
  const notRun = Number(/^# skipped (\d+)/m.exec(tap)?.[1] ?? 0) + Number(/^# todo (\d+)/m.exec(tap)?.[1] ?? 0);
  if (Number.isFinite(pass) && Number.isFinite(fail)) {
    passed += pass;
    failed += fail + cancelled + notRun;
    if (fail + cancelled) failures.push(`${fail + cancelled} ${label} test(s)`);
    if (notRun) failures.push(`${notRun} ${label} test(s) skipped or todo`);
  } else {
    failed += 1;
    failures.push(`${label}: no TAP summary`);
  }
  if (r.status !== 0 && !(fail + cancelled)) { failed += 1; failures.push(`${label} runner exited ${r.status}`); }
}

// A hung end-to-end test fails after this long instead of holding CI forever (the slowest passes in ~40 s).
const E2E_TEST_TIMEOUT_MS = 300_000;

// End-to-end: needs the Chrome build and Chromium.
if (!only.length || only.includes('e2e')) {
  let chromiumOk = true;
  try { findChromium(); } catch (err) { chromiumOk = false; failed += 1; failures.push(`e2e: ${err.message}`); console.error(err.message); }
  if (chromiumOk) {
    const files = fs.readdirSync(path.join(ROOT, 'test', 'e2e')).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join('test', 'e2e', f));
    countTap('e2e', step('e2e', process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', `--test-timeout=${E2E_TEST_TIMEOUT_MS}`, ...files], { capture: true }));
  }
}

// Firefox end-to-end: the Firefox build (.output/firefox-mv2, built above) in real Firefox ESR over WebDriver
// BiDi (scripts/firefox.mjs finds it, or installs firefox-esr with apt as root on Debian).
if (!only.length || only.includes('e2e-firefox')) {
  let firefoxOk = true;
  try { findFirefox(); } catch (err) { firefoxOk = false; failed += 1; failures.push(`e2e-firefox: ${err.message}`); console.error(err.message); }
  if (firefoxOk) {
    const dir = path.join('test', 'e2e-firefox');
    const files = fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join(dir, f));
    countTap('e2e-firefox', step('e2e-firefox', process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', `--test-timeout=${E2E_TEST_TIMEOUT_MS}`, ...files], { capture: true }));
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
