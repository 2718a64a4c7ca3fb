// Mozilla's add-on linter (addons-linter, what AMO runs on submission) on the Firefox build: no error, no
// notice, and no warning of our own. The one warning tolerated is Preact's dangerouslySetInnerHTML support
// (`el.innerHTML = props.__html`), which is bundled with Preact and dead for us: the script checks that the
// flagged code is that pattern and that no source of ours uses dangerouslySetInnerHTML or writes HTML.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(ROOT, '.output', 'firefox-mv2');
if (!fs.existsSync(path.join(DIR, 'manifest.json'))) {
  console.error(`lint-firefox: ${path.relative(ROOT, DIR)} is missing: run npm run build:firefox first`);
  process.exit(1);
}

const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'addons-linter'), ['--output', 'json', DIR], { encoding: 'utf8', maxBuffer: 64 << 20 });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(`lint-firefox: addons-linter printed no JSON (exit ${r.status}): ${(r.stderr || r.stdout).slice(0, 500)}`);
  process.exit(1);
}

const PREACT_INNER_HTML = /\.innerHTML=[\w$]+\.__html/;
const OUR_HTML_WRITES = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/;

function sourcesWritingHtml() {
  const hits = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name) && OUR_HTML_WRITES.test(fs.readFileSync(p, 'utf8'))) hits.push(path.relative(ROOT, p));
    }
  };
  ['src', 'entrypoints'].forEach((d) => walk(path.join(ROOT, d)));
  return hits;
}

/** True when the flagged position in the built file is Preact's innerHTML assignment. */
function isPreactInnerHtml(m) {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !/innerHTML/.test(m.message) || !m.file) return false;
  const line = fs.readFileSync(path.join(DIR, m.file), 'utf8').split('\n')[(m.line ?? 1) - 1] ?? '';
  const at = (m.column ?? 0) - 1;
  return PREACT_INNER_HTML.test(line.slice(Math.max(0, at - 5), at + 60));
}

const ours = sourcesWritingHtml();
const problems = [...report.errors.map((e) => ({ ...e, kind: 'error' })), ...report.notices.map((n) => ({ ...n, kind: 'notice' }))];
let tolerated = 0;
for (const w of report.warnings) {
  if (!ours.length && isPreactInnerHtml(w)) tolerated += 1;
  else problems.push({ ...w, kind: 'warning' });
}
for (const p of problems) console.error(`lint-firefox: ${p.kind} ${p.code} ${p.file ?? ''}${p.line ? `:${p.line}` : ''}: ${p.message}`);
if (ours.length) console.error(`lint-firefox: our sources write HTML, so Preact's innerHTML warnings are not tolerated: ${ours.join(', ')}`);
console.log(`lint-firefox: ${report.errors.length} errors, ${report.warnings.length - tolerated} warnings of ours, ${report.notices.length} notices (${tolerated} tolerated: Preact's dangerouslySetInnerHTML)`);
process.exit(problems.length ? 1 : 0);
