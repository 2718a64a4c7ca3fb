/**
 * Reader for the CoinGlass hourly CSV (shared/data/liquidation/coinglass-btc-1h-…/README.md).
 * The file is read in place and never copied into the repo. Every parse failure names the line and
 * the column so a broken export is fixed at its source, not guessed around.
 */
import type { BacktestBar } from './bar';

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly column: string,
    detail: string,
  ) {
    super(`CSV line ${line}, column "${column}": ${detail}`);
    this.name = 'CsvError';
  }
}

const REQUIRED = [
  'timestamp',
  'price_open',
  'price_high',
  'price_low',
  'price_close',
  'liquidation_long_usd',
  'liquidation_short_usd',
  'oi_open',
  'oi_high',
  'oi_low',
  'oi_close',
] as const;
type Column = (typeof REQUIRED)[number];

const HOUR_MS = 3_600_000;

export function parseCoinglassCsv(text: string): BacktestBar[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const col = {} as Record<Column, number>;
  for (const name of REQUIRED) {
    const i = header.indexOf(name);
    if (i < 0) throw new CsvError(1, name, 'missing from the header');
    col[name] = i;
  }
  const bars: BacktestBar[] = [];
  for (let li = 1; li < lines.length; li++) {
    const line = lines[li] as string;
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const num = (name: Column, positive: boolean): number => {
      const raw = cells[col[name]];
      if (raw === undefined || raw.trim() === '') throw new CsvError(li + 1, name, 'empty');
      const v = Number(raw);
      if (!Number.isFinite(v)) throw new CsvError(li + 1, name, `not a number: "${raw}"`);
      if (positive ? v <= 0 : v < 0) throw new CsvError(li + 1, name, `must be ${positive ? '> 0' : '≥ 0'}, got ${v}`);
      return v;
    };
    const bar: BacktestBar = {
      t: num('timestamp', true),
      barMs: HOUR_MS,
      open: num('price_open', true),
      high: num('price_high', true),
      low: num('price_low', true),
      close: num('price_close', true),
      oiOpenUsd: num('oi_open', true),
      oiHighUsd: num('oi_high', true),
      oiLowUsd: num('oi_low', true),
      oiCloseUsd: num('oi_close', true),
      liqLongUsd: num('liquidation_long_usd', false),
      liqShortUsd: num('liquidation_short_usd', false),
    };
    if (bar.high < bar.low) throw new CsvError(li + 1, 'price_high', `below price_low (${bar.high} < ${bar.low})`);
    const prev = bars[bars.length - 1];
    if (prev && bar.t <= prev.t) throw new CsvError(li + 1, 'timestamp', `not ascending (${bar.t} after ${prev.t})`);
    bars.push(bar);
  }
  if (bars.length === 0) throw new CsvError(2, 'timestamp', 'no data rows');
  return bars;
}
