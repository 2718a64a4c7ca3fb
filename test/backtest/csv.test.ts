// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CsvError, parseCoinglassCsv } from '../../tools/backtest/csv';

const HEADER =
  'timestamp,datetime_utc,price_open,price_high,price_low,price_close,liquidation_long_usd,liquidation_short_usd,oi_open,oi_high,oi_low,oi_close';
const row = (t: number, close = 100, extra: Partial<Record<string, string>> = {}) => {
  const v: Record<string, string> = {
    timestamp: String(t), datetime_utc: 'x', price_open: '99', price_high: '101', price_low: '98', price_close: String(close),
    liquidation_long_usd: '1000', liquidation_short_usd: '0', oi_open: '5e6', oi_high: '6e6', oi_low: '4e6', oi_close: '5.5e6',
    ...extra,
  };
  return HEADER.split(',').map((h) => v[h]).join(',');
};

function errorOf(text: string): CsvError {
  try {
    parseCoinglassCsv(text);
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
  throw new Error('expected a CsvError');
}

describe('parseCoinglassCsv', () => {
  it('reads bars with OI in USD and realised liquidations per side', () => {
    const bars = parseCoinglassCsv([HEADER, row(3_600_000), row(7_200_000, 100.5), ''].join('\n'));
    expect(bars).toHaveLength(2);
    expect(bars[1]).toMatchObject({ t: 7_200_000, barMs: 3_600_000, close: 100.5, oiHighUsd: 6e6, liqLongUsd: 1000, liqShortUsd: 0 });
  });
  it('names a missing column', () => {
    const e = errorOf(['timestamp,price_open', '1,2'].join('\n'));
    expect(e.column).toBe('price_high');
    expect(e.message).toMatch(/line 1, column "price_high": missing/);
  });
  it('names the line and column of a non-number', () => {
    const e = errorOf([HEADER, row(3_600_000), row(7_200_000, 100, { oi_high: 'abc' })].join('\n'));
    expect([e.line, e.column]).toEqual([3, 'oi_high']);
    expect(e.message).toMatch(/not a number: "abc"/);
  });
  it('rejects negative liquidations, zero prices, empty cells and high < low', () => {
    expect(errorOf([HEADER, row(1, 100, { liquidation_short_usd: '-1' })].join('\n')).column).toBe('liquidation_short_usd');
    expect(errorOf([HEADER, row(1, 0)].join('\n')).column).toBe('price_close');
    expect(errorOf([HEADER, row(1, 100, { oi_close: '' })].join('\n')).message).toMatch(/oi_close.*empty/);
    expect(errorOf([HEADER, row(1, 100, { price_high: '90' })].join('\n')).column).toBe('price_high');
  });
  it('rejects time going backwards and a file without rows', () => {
    expect(errorOf([HEADER, row(7_200_000), row(3_600_000)].join('\n')).column).toBe('timestamp');
    expect(errorOf(HEADER).message).toMatch(/no data rows/);
  });
});
