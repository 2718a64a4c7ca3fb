// Fails when a production build carries a test seam (issue #14 item 7): the `globalThis.__liqlens*`
// hooks and the page-controlled `data-liqlens-perf` switch exist only in the e2e build (WXT mode "e2e").
// Also checks that the e2e build still has them, so a renamed seam cannot make this check pass vacuously.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEAMS = ['__liqlens', 'data-liqlens-perf'];
const PRODUCTION = ['chrome-mv3', 'firefox-mv2'].map((d) => path.join(ROOT, '.output', d));
const E2E = path.join(ROOT, '.output', 'chrome-mv3-e2e');

function files(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|html|json|css)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The seams found in `dir`, as "file: seam" lines. */
function seamsIn(dir) {
  const hits = [];
  for (const file of files(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const seam of SEAMS) if (text.includes(seam)) hits.push(`${path.relative(ROOT, file)}: ${seam}`);
  }
  return hits;
}

const problems = [];
for (const dir of [...PRODUCTION, E2E]) {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) problems.push(`${path.relative(ROOT, dir)} is not built`);
}
if (!problems.length) {
  for (const dir of PRODUCTION) for (const hit of seamsIn(dir)) problems.push(`test seam in the production build: ${hit}`);
  const inE2e = new Set(seamsIn(E2E).map((h) => h.split(': ')[1]));
  for (const seam of SEAMS) if (!inE2e.has(seam)) problems.push(`the e2e build has no "${seam}": is this check still looking for the right names?`);
}
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`no test seams in ${PRODUCTION.map((d) => path.relative(ROOT, d)).join(', ')}; the e2e build has them`);
