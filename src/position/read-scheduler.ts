/**
 * When to re-read after mutations: a debounce with a max wait, so a panel that re-renders continuously
 * still reports within `maxWaitMs` of its first pending change.
 */
export interface ReadScheduler {
  /** A mutation happened: read after `debounceMs` of quiet, at most `maxWaitMs` after the first one. */
  schedule(): void;
  /** Drops the pending read (a read is happening now, or the watcher stopped). */
  cancel(): void;
}

export function readScheduler(run: () => void, debounceMs: number, maxWaitMs: number): ReadScheduler {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt: number | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    firstPendingAt = null;
  };
  return {
    schedule() {
      const now = Date.now();
      if (firstPendingAt === null) firstPendingAt = now;
      if (timer !== null) clearTimeout(timer);
      const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
      timer = setTimeout(run, wait);
    },
    cancel,
  };
}
