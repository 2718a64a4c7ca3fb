import { describe, expect, it, vi } from 'vitest';
import { pageBackward, pageForward, pageWindows } from '../../../src/sites/shared/paging';

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

  it('walks far enough for 30 days of OKX 5m history at 100 rows a page (87 pages)', async () => {
    const bars = 30 * 288;
    const fetchPage = vi.fn(async (before: number | undefined) => {
      const end = before ?? bars;
      return rows(Math.max(0, end - 100), Math.min(100, end));
    });
    const got = await pageBackward(0, fetchPage);
    expect(fetchPage).toHaveBeenCalledTimes(87);
    expect(got).toHaveLength(bars);
    expect(got[0]!.t).toBe(0);
  });

  it('with a begin bound, a short page ends the walk (nothing older is left)', async () => {
    const fetchPage = vi.fn(async () => rows(20, 2));
    expect((await pageBackward(11, fetchPage, 100)).map((r) => r.t)).toEqual([20, 21]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});

describe('pageWindows', () => {
  it('asks fixed windows of `limit` bars and keeps going across an empty one (an outage)', async () => {
    const data = [0, 1, 2, 6, 7, 8, 9].map((t) => ({ t }));
    const fetchPage = vi.fn(async (start: number, end: number) => data.filter((r) => r.t >= start && r.t <= end));
    expect((await pageWindows(0, 9, 3, 1, fetchPage)).map((r) => r.t)).toEqual([0, 1, 2, 6, 7, 8, 9]);
    expect(fetchPage.mock.calls).toEqual([[0, 2], [3, 5], [6, 8], [9, 9]]);
  });
  it('the same result whether the API answers the oldest or the newest rows of a range', async () => {
    const data = Array.from({ length: 10 }, (_, t) => ({ t }));
    const newestFirst = async (start: number, end: number) => data.filter((r) => r.t >= start && r.t <= end).reverse();
    expect((await pageWindows(0, 9, 4, 1, newestFirst)).map((r) => r.t).sort((a, b) => a - b)).toEqual(data.map((r) => r.t));
  });
  it('a span longer than the window cap keeps the newest windows: 30 days of 5m OI at 200 a page is fully fetched', async () => {
    const bar = 300_000;
    const now = 30 * 86_400_000;
    const fetchPage = vi.fn(async (start: number, end: number) => [{ t: start }, { t: end }]);
    const got = await pageWindows(0, now, 200, bar, fetchPage);
    // 30 d = 8640 bars + the bar at `now` → ⌈8641 / 200⌉ = 44 windows, the last one ending at `now`.
    expect(fetchPage).toHaveBeenCalledTimes(44);
    expect(fetchPage.mock.calls[0]).toEqual([0, 199 * bar]);
    expect(got[got.length - 1]!.t).toBe(now);
  });
  it('beyond the cap the oldest windows are skipped, never the newest', async () => {
    const fetchPage = vi.fn(async (start: number, end: number) => [{ t: start }, { t: end }]);
    const got = await pageWindows(0, 99, 1, 1, fetchPage); // 100 windows of one bar, cap 64
    expect(fetchPage).toHaveBeenCalledTimes(64);
    expect(fetchPage.mock.calls[0]).toEqual([36, 36]);
    expect(got[got.length - 1]!.t).toBe(99);
  });
});
