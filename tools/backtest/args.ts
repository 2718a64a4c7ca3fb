/**
 * Command-line flags of `npm run backtest`, parsed into a typed request. Unknown flags and bad values
 * are errors that name the flag, so a typo never silently runs a different backtest.
 */
import type { EngineConfig } from '../../src/engine/config';
import { UsageError } from '../cli/usage-error';

export { UsageError } from '../cli/usage-error';

export interface BacktestArgs {
  source: { kind: 'csv'; file: string } | { kind: 'recording'; dir: string };
  fromMs?: number;
  toMs?: number;
  json?: string;
  burnInHours: number;
  /** Bar length for recordings (minutes); the CSV is hourly. */
  barMinutes: number;
  reps: number;
  seed: number;
  /** Bars of training before the first out-of-sample regression fit (prototype: 504 hourly bars). */
  minTrainBars: number;
  /** Engine config overrides (--config '{"halfLifeHours":72}'), for experiments only. */
  config: Partial<EngineConfig>;
  calibrate: boolean;
}

export const USAGE = `usage: npm run backtest -- (--csv FILE | --recording DIR) [--from ISO] [--to ISO] [--json OUT]
       [--burn-in-hours 168] [--bar-minutes 60] [--reps 1000] [--seed N] [--min-train-bars 504]
       [--config JSON] [--calibrate]`;

function time(flag: string, v: string): number {
  const t = Date.parse(v);
  if (!Number.isFinite(t)) throw new UsageError(`${flag}: not an ISO date/time: "${v}"`);
  return t;
}

function positive(flag: string, v: string, integer: boolean): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag}: expected a positive ${integer ? 'integer' : 'number'}, got "${v}"`);
  }
  return n;
}

export function parseBacktestArgs(argv: readonly string[]): BacktestArgs {
  const out: Omit<BacktestArgs, 'source'> & { source?: BacktestArgs['source'] } = {
    burnInHours: 168,
    barMinutes: 60,
    reps: 1000,
    seed: 20260331,
    minTrainBars: 504,
    config: {},
    calibrate: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--calibrate') {
      out.calibrate = true;
      continue;
    }
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag}: missing value\n${USAGE}`);
    i++;
    switch (flag) {
      case '--csv':
      case '--recording':
        if (out.source) throw new UsageError('give either --csv or --recording, once');
        out.source = flag === '--csv' ? { kind: 'csv', file: v } : { kind: 'recording', dir: v };
        break;
      case '--from':
        out.fromMs = time(flag, v);
        break;
      case '--to':
        out.toMs = time(flag, v);
        break;
      case '--json':
        out.json = v;
        break;
      case '--burn-in-hours':
        out.burnInHours = Number(v);
        if (!Number.isFinite(out.burnInHours) || out.burnInHours < 0) throw new UsageError(`${flag}: expected hours ≥ 0, got "${v}"`);
        break;
      case '--bar-minutes':
        out.barMinutes = positive(flag, v, true);
        break;
      case '--reps':
        out.reps = positive(flag, v, true);
        break;
      case '--min-train-bars':
        out.minTrainBars = positive(flag, v, true);
        break;
      case '--seed':
        out.seed = positive(flag, v, true);
        break;
      case '--config': {
        let parsed: unknown;
        try {
          parsed = JSON.parse(v);
        } catch {
          throw new UsageError(`--config: not JSON: ${v}`);
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('--config: expected a JSON object');
        out.config = parsed as Partial<EngineConfig>;
        break;
      }
      default:
        throw new UsageError(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  if (!out.source) throw new UsageError(`--csv FILE or --recording DIR is required\n${USAGE}`);
  if (out.fromMs !== undefined && out.toMs !== undefined && out.toMs <= out.fromMs) throw new UsageError('--to must be after --from');
  return out as BacktestArgs;
}
