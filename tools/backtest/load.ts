/** Loads backtest bars from the source the CLI names (CoinGlass CSV or one of our recordings). */
import { readFileSync } from 'node:fs';
import type { Exchange, RiskTier } from '../../src/engine/types';
import type { BacktestArgs } from './args';
import type { BacktestBar } from './bar';
import { parseCoinglassCsv } from './csv';
import { readRecording } from './recording';

export interface LoadedBars {
  bars: BacktestBar[];
  exchange: Exchange;
  /** Tier-1 risk recorded with the data; undefined → Binance BTCUSDT's static tier 1. */
  risk?: RiskTier;
  label: string;
}

export function loadBars(args: Pick<BacktestArgs, 'source' | 'barMinutes'>): LoadedBars {
  if (args.source.kind === 'csv') {
    // The CoinGlass OI series is Binance BTCUSDT's, so the engine runs with Binance's parameters.
    return { bars: parseCoinglassCsv(readFileSync(args.source.file, 'utf8')), exchange: 'binance', label: args.source.file };
  }
  const rec = readRecording(args.source.dir, args.barMinutes * 60_000);
  return { bars: rec.bars, exchange: rec.meta.exchange, risk: rec.meta.risk, label: `${args.source.dir} (${rec.meta.exchange} ${rec.meta.symbol})` };
}
