/**
 * `npm run fuzz [-- --runs N] [--seed S]`: N (default 10⁶) random but type-valid `analyze()` inputs from
 * test/engine/fuzz-inputs.ts (extreme magnitudes, irregular timestamps, OI jumps, flat bars, prices over
 * decades, incremental refreshes). Counts analyses, named refusals (EngineError, by code), crashes (any
 * other throw) and NaN (a non-finite number anywhere in an Analysis, or the engine's own non-finite-output
 * guard firing), and prints the time of one analyze() call as p50 / p99 / p99.9 / max, both as CPU time
 * (process.cpuUsage, what the budget is checked on: on a shared machine other processes steal the CPU at
 * random, as in the bench) and as wall time. Interim figures every 100,000 runs. Exit code 1 on any crash
 * or NaN, or a CPU p99.9 above --budget ms (default 50).
 */
import { performance } from 'node:perf_hooks';
import { analyze, isEngineError } from '../src/engine/index';
import { fuzzCase, nonFinitePath } from '../test/engine/fuzz-inputs';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = arg('runs', 1_000_000);
const seed0 = arg('seed', 1);
const budget = arg('budget', 50);

const times = new Float64Array(runs);
const wall = new Float64Array(runs);
let ok = 0;
let crash = 0;
let nan = 0;
let clipped = 0;
const refused = new Map<string, number>();
const examples: string[] = [];
const slow: { ms: number; seed: number; tags: string }[] = [];
const t0 = performance.now();

for (let i = 0; i < runs; i++) {
  const seed = seed0 + i;
  const c = fuzzCase(seed);
  let ms = 0;
  try {
    if (c.warmup) {
      try {
        analyze(c.warmup);
      } catch (e) {
        if (!isEngineError(e)) throw e;
      }
    }
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    let a;
    try {
      a = analyze(c.input);
    } finally {
      const cpu = process.cpuUsage(cpu0);
      ms = (cpu.user + cpu.system) / 1000;
      wall[i] = performance.now() - start;
    }
    const bad = nonFinitePath(a);
    if (bad) {
      nan++;
      if (examples.length < 10) examples.push(`seed ${seed}: NaN at ${bad} [${c.tags.join(' ')}]`);
    } else ok++;
    if (a.signals.some((s) => s.kind === 'coarse-grid')) clipped++;
  } catch (e) {
    if (isEngineError(e) && e.code === 'non-finite-output') {
      nan++;
      if (examples.length < 10) examples.push(`seed ${seed}: guard ${e.message} [${c.tags.join(' ')}]`);
    } else if (isEngineError(e)) {
      refused.set(e.code, (refused.get(e.code) ?? 0) + 1);
    } else {
      crash++;
      if (examples.length < 10) examples.push(`seed ${seed}: crash ${e instanceof Error ? e.stack : String(e)} [${c.tags.join(' ')}]`);
    }
  }
  times[i] = ms;
  if (slow.length < 5 || ms > slow[slow.length - 1]!.ms) {
    slow.push({ ms, seed, tags: c.tags.join(' ') });
    slow.sort((a, b) => b.ms - a.ms);
    slow.length = Math.min(slow.length, 5);
  }
  if ((i + 1) % 100_000 === 0 && i + 1 < runs) report(i + 1, true);
}

function report(n: number, interim: boolean): boolean {
  const sorted = times.slice(0, n).sort();
  const sortedWall = wall.slice(0, n).sort();
  const q = (a: Float64Array, p: number) => a[Math.min(n - 1, Math.floor(p * n))]!;
  const f = (x: number) => x.toFixed(2);
  const line = (a: Float64Array) => `p50 ${f(q(a, 0.5))}, p99 ${f(q(a, 0.99))}, p99.9 ${f(q(a, 0.999))}, max ${f(a[n - 1] ?? 0)}`;
  console.log(`${interim ? '[interim] ' : ''}runs ${n} (seeds ${seed0}…${seed0 + n - 1}), ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`analyses ${ok}, refused ${[...refused.values()].reduce((a, b) => a + b, 0)} (${[...refused].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}), coarse grid ${clipped}`);
  console.log(`crash ${crash}, NaN ${nan}`);
  console.log(`analyze CPU ms: ${line(sorted)}`);
  console.log(`analyze wall ms: ${line(sortedWall)}`);
  if (interim) return false;
  for (const s of slow) console.log(`  slowest (CPU): ${f(s.ms)} ms seed ${s.seed} [${s.tags}]`);
  for (const e of examples) console.log(e);
  const fail = crash > 0 || nan > 0 || q(sorted, 0.999) > budget;
  if (fail) console.log(`FAIL (crash 0, NaN 0 and CPU p99.9 ≤ ${budget} ms required)`);
  return fail;
}

process.exit(report(runs, false) ? 1 : 0);
