/**
 * Paging helpers. Each exchange caps rows per request; a cold load walks the window page by page,
 * a warm load usually needs one page. Loops are bounded so a misbehaving API cannot spin us.
 */
/**
 * Cursor walks also stop at the window's edge and when a cursor is ignored; this cap is the last guard. It
 * must still fit the longest map window: 30 days of OKX 5m bars is 5 pages of /market/candles (300 rows,
 * ~1440 bars back) + 72 of /market/history-candles (100 rows); OKX OI history at 100 rows needs 87.
 */
const MAX_PAGES = 100;
/**
 * Time windows are counted from the span asked for, not from what an API answers, so their cap only guards
 * against an absurd span: 64 windows cover the longest map window (30 days of 5m bars) at 200 rows a page.
 */
const MAX_WINDOWS = 64;

/**
 * Walk forward from `from` (inclusive) to `to`: `fetchPage(start)` returns ascending rows starting at
 * or after `start`. Stops on a short or empty page, or when `to` is reached.
 */
export async function pageForward<T extends { t: number }>(
  from: number,
  to: number,
  limit: number,
  stepMs: number,
  fetchPage: (start: number) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  let start = from;
  for (let i = 0; i < MAX_PAGES && start <= to; i++) {
    const rows = await fetchPage(start);
    out.push(...rows);
    const last = rows[rows.length - 1];
    if (!last || rows.length < limit) break;
    if (last.t + stepMs <= start) break; // the API ignored the cursor: stop rather than loop
    start = last.t + stepMs;
  }
  return out;
}

/**
 * Walk fixed time windows of `limit` bars from `from` to `to`: `fetchPage(start, end)` returns the rows
 * in [start, end] (inclusive). Each window holds at most `limit` rows, so the result does not depend on
 * whether the API returns the oldest or the newest `limit` rows of a range, and a gap (an exchange
 * outage) does not end the walk. Beyond MAX_WINDOWS the OLDEST windows are skipped: the newest data must
 * never be the part left out (a hole before the last bar would be taken for one bar's OI change later).
 */
export async function pageWindows<T extends { t: number }>(
  from: number,
  to: number,
  limit: number,
  stepMs: number,
  fetchPage: (start: number, end: number) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  const span = limit * stepMs;
  const windows = Math.floor((to - from) / span) + 1;
  const first = from + Math.max(0, windows - MAX_WINDOWS) * span;
  for (let start = first; start <= to; start += span) {
    const end = Math.min(to, start + (limit - 1) * stepMs);
    out.push(...(await fetchPage(start, end)).filter((r) => r.t >= start && r.t <= end));
  }
  return out;
}

/**
 * Walk backward from the newest data (OKX-style `after` cursor / Bybit endTime): `fetchPage(before)`
 * returns ascending rows strictly older than `before` (undefined = newest). Stops once rows reach
 * back to `from` or a page is empty.
 */
export async function pageBackward<T extends { t: number }>(
  from: number,
  fetchPage: (before: number | undefined, page: number) => Promise<T[]>,
  /** When every page is bounded below by `from` (a begin param), a short page means nothing older is left. */
  boundedLimit?: number,
): Promise<T[]> {
  const pages: T[][] = [];
  let before: number | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const rows = await fetchPage(before, i);
    if (rows.length === 0) break;
    const oldest = rows[0]!.t;
    if (before !== undefined && oldest >= before) break; // the API ignored the cursor: stop rather than loop
    pages.push(rows);
    if (oldest <= from) break;
    if (boundedLimit !== undefined && rows.length < boundedLimit) break;
    before = oldest;
  }
  return pages.reverse().flat().filter((r) => r.t >= from);
}
