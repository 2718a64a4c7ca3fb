import { describe, expect, it, vi } from 'vitest';
import { pageBackward, pageForward } from '../../../src/sites/shared/paging';

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ t: from + i }));

describe('pageForward', () => {
  it('walks full pages until a short one', async () => {
    const fetchPage = vi.fn(async (start: number) => rows(start, Math.min(3, 8 - start)));
    expect((await pageForward(0, 100, 3, 1, fetchPage)).map((r) => r.t)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([0, 3, 6]);
  });
  it('stops when the API ignores the cursor', async () => {
    const fetchPage = vi.fn(async () => rows(0, 3));
    await pageForward(5, 100, 3, 1, fetchPage);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});

describe('pageBackward', () => {
  it('walks older pages until the window start, returns ascending rows within it', async () => {
    // data t = 0..9; each page = the 4 newest rows older than `before`
    const fetchPage = vi.fn(async (before: number | undefined) => {
      const end = before ?? 10;
      return rows(Math.max(0, end - 4), Math.min(4, end));
    });
    expect((await pageBackward(3, fetchPage)).map((r) => r.t)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([undefined, 6, 2].slice(0, fetchPage.mock.calls.length));
  });
  it('stops when the API ignores the cursor', async () => {
    const fetchPage = vi.fn(async () => rows(10, 2));
    expect((await pageBackward(0, fetchPage)).map((r) => r.t)).toEqual([10, 11]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('with a begin bound, a short page ends the walk (nothing older is left)', async () => {
    const fetchPage = vi.fn(async () => rows(20, 2));
    expect((await pageBackward(11, fetchPage, 100)).map((r) => r.t)).toEqual([20, 21]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
