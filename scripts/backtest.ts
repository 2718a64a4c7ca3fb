/**
 * `npm run backtest -- --csv FILE [--from ISO] [--to ISO] [--json OUT]`
 * Walk-forward accuracy of the engine's map against realised liquidations (docs/accuracy.md).
 * Reads the data in place; prints a table; --json writes the per-side metrics.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseBacktestArgs, UsageError, USAGE } from '../tools/backtest/args';
import { calibrate, formatCalibration } from '../tools/backtest/calibrate';
import { BINANCE_BTC_TIER1, enginePredictor } from '../tools/backtest/engine-adapter';
import { DEFAULT_METRIC_OPTIONS } from '../tools/backtest/metrics';
import { loadBars } from '../tools/backtest/load';
import { buildReport, formatReport, targetsMet } from '../tools/backtest/report';
import { formatPerPrice, perPriceStats, type ConsumedLevels } from '../tools/backtest/per-price';
import { runWalkForward } from '../tools/backtest/walkforward';
import { DEFAULT_CONFIG, type EngineConfig } from '../src/engine/config';

function main(argv: string[]): void {
  const args = parseBacktestArgs(argv);
  for (const k of Object.keys(args.config)) {
    if (!(k in DEFAULT_CONFIG)) throw new UsageError(`--config: unknown engine parameter "${k}"`);
  }
  const config: EngineConfig = { ...DEFAULT_CONFIG, ...args.config };
  const input = loadBars(args);
  const engine = { exchange: input.exchange, risk: input.risk ?? BINANCE_BTC_TIER1 };
  const wf = { burnInMs: args.burnInHours * 3_600_000, fromMs: args.fromMs, toMs: args.toMs };
  if (args.calibrate) {
    const c = calibrate(input.bars, engine, wf);
    console.log(formatCalibration(c));
    if (args.json) writeFileSync(args.json, JSON.stringify(c, null, 2) + '\n');
    return;
  }
  // Recordings carry liquidation prices: collect the levels each bar consumed for the per-price check.
  const consumed = new Map<number, ConsumedLevels>();
  const onConsumed = input.bars.some((b) => b.liqLongByPrice) ? (bar: { t: number }, l: ConsumedLevels) => consumed.set(bar.t, l) : undefined;
  const run = runWalkForward(input.bars, enginePredictor({ ...engine, config, onConsumed }), wf);
  const report = buildReport(run, {
    ...DEFAULT_METRIC_OPTIONS,
    combinedMinTrain: args.minTrainBars,
    bootstrap: { ...DEFAULT_METRIC_OPTIONS.bootstrap, reps: args.reps, seed: args.seed },
  });
  console.log(`source: ${input.label}`);
  console.log(
    `engine: ${engine.exchange} tier 1 ${engine.risk.maxLeverage}x MMR ${(100 * engine.risk.maintenanceRate).toFixed(2)} %, ` +
      `model bins ${config.modelBinPct} %, half-life ${config.halfLifeHours} h, tiers ${config.tiers.join('/')}x @ ${config.tierWeights.join('/')}`,
  );
  console.log(formatReport(report));
  for (const side of ['long', 'short'] as const) {
    const t = targetsMet(report[side]);
    console.log(
      `targets ${side}: partial ρ lower CI > 0.30 ${t.partialLowerCi ? 'met' : 'NOT met'}; Q4 ρ ≥ excursion ${t.q4 ? 'met' : 'NOT met'}; combined > baseline ${t.combined ? 'met' : 'NOT met'}`,
    );
  }
  let perPrice: ReturnType<typeof perPriceStats> | undefined;
  if (onConsumed) {
    const from = run.times[run.evalStart] as number;
    const to = run.times[run.evalEnd - 1] as number;
    perPrice = perPriceStats(input.bars, consumed, (t) => t >= from && t <= to, PRICE_BUCKET_PCT);
    console.log(formatPerPrice(perPrice, PRICE_BUCKET_PCT));
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(perPrice ? { ...report, per_price: perPrice } : report, null, 2) + '\n');
}

/** Per-price bucket width: about half a median 15-minute BTC move, coarse enough to hold a few prints. */
const PRICE_BUCKET_PCT = 0.1;

try {
  main(process.argv.slice(2));
} catch (e) {
  const err = e as Error;
  console.error(`backtest: ${err.name}: ${err.message}`);
  if (!(err instanceof UsageError)) console.error(USAGE);
  process.exitCode = 1;
}
