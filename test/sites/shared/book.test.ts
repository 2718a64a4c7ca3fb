import { describe, expect, it } from 'vitest';
import { sortedBook } from '../../../src/sites/shared/book';

describe('sortedBook', () => {
  it('bids best (highest) first, asks best (lowest) first, whatever order the exchange sent', () => {
    const book = sortedBook(
      1_000,
      [[99, 1], [100, 2], [98, 3]],
      [[103, 1], [101, 2], [102, 3]],
    );
    expect(book).toEqual({ t: 1_000, bids: [[100, 2], [99, 1], [98, 3]], asks: [[101, 2], [102, 3], [103, 1]] });
  });

  it('drops extra columns and scales contract sizes to coin (OKX: 30 contracts × ctVal 0.01 = 0.3 coin)', () => {
    const book = sortedBook(5, [[100, 30, '0', 4]], [[101, 200, '0', 7]], 0.01);
    expect(book.bids).toEqual([[100, 0.3]]);
    expect(book.asks).toEqual([[101, 2]]);
  });

  it('empty sides stay empty', () => {
    expect(sortedBook(1, [], [])).toEqual({ t: 1, bids: [], asks: [] });
  });
});
