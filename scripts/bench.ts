/**
 * `npm run bench [-- --json FILE]`: runs every test/bench/*.ts module that exports `run()`, prints each
 * metric as `name value`, and with --json writes all metrics merged into one object. Modules are run one
 * after another so they do not disturb each other's timings. A key two modules both report is prefixed
 * with the second module's name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type BenchModule = { run?: () => Promise<Record<string, number>> };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'test', 'bench');
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) {
  console.error('usage: npm run bench -- [--json FILE]');
  process.exit(2);
}

const merged: Record<string, number> = {};
let failed = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
  if (typeof mod.run !== 'function') continue;
  const name = path.basename(file, '.ts');
  try {
    const metrics = await mod.run();
    for (const [k, v] of Object.entries(metrics)) {
      const key = k in merged ? `${name}.${k}` : k;
      merged[key] = v;
      console.log(`${key} ${v}`);
    }
  } catch (e) {
    failed++;
    console.error(`${name}: ${e instanceof Error ? e.stack : String(e)}`);
  }
}
if (jsonFile) fs.writeFileSync(path.resolve(jsonFile), JSON.stringify(merged, null, 2) + '\n');
process.exit(failed ? 1 : 0);
