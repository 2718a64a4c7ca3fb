/**
 * Sliding-window request budget. Each rule caps the summed cost of requests in any `windowMs`; a request
 * may proceed only when every rule has room. Rules are set below each exchange's published limit (see
 * each api.ts) because other tabs, apps or the user's own trading share the IP.
 *
 * The exchange counts *arrivals*, and we only know that a request arrived somewhere between the moment
 * we sent it and the moment its answer came back. So a request holds its slot from when it is sent
 * until `windowMs` after its answer (or failure): while it is in flight it always counts. Then for any
 * window [a, a + windowMs) of arrival times, the last request sent into it saw every other one still
 * holding its slot, whatever the network delays were — so at most `max` arrivals fall in any window.
 *
 * A restarted service worker does not know what its predecessor sent in the last window. It restores
 * the log its predecessor persisted (snapshot/restore), and it also starts with a reserve: each rule
 * counts `2·max − limit` as already spent for its first window, so that even if the predecessor spent
 * its whole `max` just before stopping, the two together stay within the exchange's `limit`.
 */
export interface RateRule {
  name: string;
  windowMs: number;
  /** Our budget per window (per endpoint when `perEndpoint`). */
  max: number;
  /**
   * The exchange's published limit for the same window and scope (docs/exchange-apis.md §0); when the
   * exchange's own window is shorter, its limit per its own window (the conservative reading). Absent:
   * no start-up reserve.
   */
  limit?: number;
  /** Cost of one request to `path` with the given exchange weight (0 = not counted by this rule). */
  cost: (path: string, weight: number) => number;
  /** The exchange counts this limit per endpoint path, not over all of them together. */
  perEndpoint?: boolean;
}

/** Stands for every endpoint (the start-up reserve, restored entries of unknown scope). */
const ANY = '*';

interface Spent {
  /** When the answer (or failure) came back; undefined while in flight. */
  end: number | undefined;
  costs: number[];
  keys: string[];
}

/** What a budget persists: every entry still holding a slot, with its end time. */
export interface BudgetSnapshot {
  entries: { end: number; costs: number[]; keys: string[] }[];
}

/** One recorded request: call done() when its answer (or failure) is in. */
export interface BudgetTicket {
  done(): void;
}

export class RequestBudget {
  private spent: Spent[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    readonly rules: readonly RateRule[],
    private readonly now: () => number,
  ) {
    const t = now();
    const reserve = rules.map((r) => RequestBudget.reserve(r));
    if (reserve.some((c) => c > 0)) this.spent.push({ end: t, costs: reserve, keys: rules.map(() => ANY) });
  }

  /** The start-up reserve of a rule: cost counted as spent during the first window after start. */
  static reserve(rule: RateRule): number {
    return rule.limit === undefined ? 0 : Math.max(0, Math.min(rule.max, 2 * rule.max - rule.limit));
  }

  /**
   * Milliseconds until a request of this cost fits in every window (0 = now). When only requests still
   * in flight stand in the way, the answer is Infinity: wait for changed() instead.
   */
  waitMs(path: string, weight: number): number {
    const t = this.now();
    this.prune(t);
    let wait = 0;
    this.rules.forEach((rule, i) => {
      const cost = rule.cost(path, weight);
      if (cost === 0) return;
      if (cost > rule.max) return; // can never fit: let it through rather than dead-lock
      const key = keyOf(rule, path);
      const holding = this.spent.filter((s) => matches(s, i, key) && (s.end === undefined || s.end + rule.windowMs > t));
      let used = holding.reduce((sum, s) => sum + (s.costs[i] ?? 0), 0);
      if (used + cost <= rule.max) return;
      // Completed entries leave the window in order of their end; in-flight ones only once they end.
      const ended = holding.filter((s) => s.end !== undefined).sort((a, b) => (a.end ?? 0) - (b.end ?? 0));
      for (const s of ended) {
        used -= s.costs[i] ?? 0;
        if (used + cost <= rule.max) {
          wait = Math.max(wait, (s.end ?? 0) + rule.windowMs - t);
          return;
        }
      }
      wait = Infinity;
    });
    return wait;
  }

  /** A request is sent now: it holds its slots until done() + window. */
  record(path: string, weight: number): BudgetTicket {
    const entry: Spent = {
      end: undefined,
      costs: this.rules.map((r) => r.cost(path, weight)),
      keys: this.rules.map((r) => keyOf(r, path)),
    };
    this.spent.push(entry);
    let finished = false;
    return {
      done: () => {
        if (finished) return;
        finished = true;
        entry.end = this.now();
        for (const w of this.waiters.splice(0)) w();
      },
    };
  }

  /** Resolves when a request in flight ends (its slot then starts to run out). */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Cost under a rule holding a slot now (any endpoint; for tests and the bench). */
  usage(ruleName: string): number {
    const i = this.rules.findIndex((r) => r.name === ruleName);
    if (i < 0) return 0;
    const rule = this.rules[i];
    const t = this.now();
    let sum = 0;
    for (const s of this.spent) if (rule && (s.end === undefined || s.end + rule.windowMs > t)) sum += s.costs[i] ?? 0;
    return sum;
  }

  /**
   * The entries still holding a slot, to persist. One still in flight is written as ending at
   * `now + inFlightMs` (the latest it can end: the request timeout).
   */
  snapshot(inFlightMs: number): BudgetSnapshot {
    const t = this.now();
    this.prune(t);
    return { entries: this.spent.map((s) => ({ end: s.end ?? t + inFlightMs, costs: [...s.costs], keys: [...s.keys] })) };
  }

  /**
   * A predecessor's snapshot (read back from storage, so untrusted): entries are clamped to this
   * budget's rules — an end at most `maxAheadMs` from now, each cost at most the rule's max — and an
   * entry that does not fit the rules is skipped.
   */
  restore(snap: BudgetSnapshot, maxAheadMs: number): void {
    const t = this.now();
    for (const e of snap.entries) {
      if (!Number.isFinite(e.end) || e.costs.length !== this.rules.length || e.keys.length !== this.rules.length) continue;
      const end = Math.min(e.end, t + maxAheadMs);
      const costs = this.rules.map((r, i) => {
        const c = e.costs[i] ?? 0;
        return Number.isFinite(c) && c > 0 ? Math.min(c, r.max) : 0;
      });
      if (costs.every((c) => c === 0)) continue;
      this.spent.push({ end, costs, keys: this.rules.map((r, i) => (r.perEndpoint ? String(e.keys[i] ?? ANY) : '')) });
    }
    this.prune(t);
  }

  private prune(t: number): void {
    const longest = Math.max(0, ...this.rules.map((r) => r.windowMs));
    this.spent = this.spent.filter((s) => s.end === undefined || s.end + longest > t);
  }
}

function keyOf(rule: RateRule, path: string): string {
  return rule.perEndpoint ? path : '';
}

function matches(s: Spent, i: number, key: string): boolean {
  const k = s.keys[i] ?? ANY;
  return k === key || k === ANY;
}
