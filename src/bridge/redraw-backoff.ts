/**
 * When to redraw shapes the host removed without telling us (docs/pages-and-overlay.md §2.4: the exchange's
 * chart may evict script-made shapes on a re-render). The bridge checks every EVICTION_CHECK_MS; this
 * policy (pure, clock passed in) decides whether a check that found shapes missing may redraw:
 *
 * - the first eviction after a quiet spell is redrawn at the next check (so within about half a second);
 * - a host that keeps evicting gets redraws 1 s, 2 s, 4 s … apart, at most MAX_REDRAW_GAP_MS: never a
 *   redraw storm (Binance saves chart state on every drawing event, §2.4);
 * - REDRAW_QUIET_MS with every shape in place ends the episode.
 */

export const EVICTION_CHECK_MS = 500;
export const FIRST_REDRAW_GAP_MS = 1_000;
export const MAX_REDRAW_GAP_MS = 30_000;
export const REDRAW_QUIET_MS = 10_000;

export class RedrawBackoff {
  /** Redraws in the current episode of evictions. */
  private streak = 0;
  private lastRedraw = -Infinity;
  private nextAllowed = -Infinity;

  /** Called at every check: true when shapes are missing and a redraw is allowed now (and counts it). */
  check(now: number, missing: boolean): boolean {
    if (!missing) {
      if (now - this.lastRedraw >= REDRAW_QUIET_MS) this.reset();
      return false;
    }
    if (now < this.nextAllowed) return false;
    this.nextAllowed = now + Math.min(MAX_REDRAW_GAP_MS, FIRST_REDRAW_GAP_MS * 2 ** this.streak);
    this.streak += 1;
    this.lastRedraw = now;
    return true;
  }

  /** Redraws in the current episode (for the status line and tests). */
  redraws(): number {
    return this.streak;
  }

  /** A new chart: the next eviction is redrawn at once. (A new plan does not reset: a storm stays bounded.) */
  reset(): void {
    this.streak = 0;
    this.lastRedraw = -Infinity;
    this.nextAllowed = -Infinity;
  }
}
