/**
 * Sliding-window request budget. Each rule caps the summed cost of requests in the last `windowMs`;
 * a request may proceed only when every rule has room. Rules are set well below each exchange's
 * published limit (see each api.ts) because other tabs, apps or the user's own trading share the IP.
 */
export interface RateRule {
  name: string;
  windowMs: number;
  max: number;
  /** Cost of one request to `path` with the given exchange weight (0 = not counted by this rule). */
  cost: (path: string, weight: number) => number;
}

interface Spent {
  t: number;
  costs: number[];
}

export class RequestBudget {
  private spent: Spent[] = [];
  constructor(
    readonly rules: readonly RateRule[],
    private readonly now: () => number,
  ) {}

  /** Milliseconds until a request of this cost fits in every window (0 = now). */
  waitMs(path: string, weight: number): number {
    const t = this.now();
    this.prune(t);
    let wait = 0;
    this.rules.forEach((rule, i) => {
      const cost = rule.cost(path, weight);
      if (cost === 0) return;
      if (cost > rule.max) return; // can never fit: let it through rather than dead-lock
      let used = this.used(i, t);
      if (used + cost <= rule.max) return;
      // Walk the log oldest-first until enough cost has left the window.
      for (const s of this.spent) {
        if (s.t <= t - rule.windowMs) continue;
        used -= s.costs[i] ?? 0;
        if (used + cost <= rule.max) {
          wait = Math.max(wait, s.t + rule.windowMs - t + 1);
          break;
        }
      }
    });
    return wait;
  }

  record(path: string, weight: number): void {
    this.spent.push({ t: this.now(), costs: this.rules.map((r) => r.cost(path, weight)) });
  }

  /** Cost spent under a rule in its current window (for tests and the bench). */
  usage(ruleName: string): number {
    const i = this.rules.findIndex((r) => r.name === ruleName);
    return i < 0 ? 0 : this.used(i, this.now());
  }

  private used(i: number, t: number): number {
    const windowMs = this.rules[i]?.windowMs ?? 0;
    let sum = 0;
    for (const s of this.spent) if (s.t > t - windowMs) sum += s.costs[i] ?? 0;
    return sum;
  }

  private prune(t: number): void {
    const longest = Math.max(0, ...this.rules.map((r) => r.windowMs));
    while (this.spent.length > 0 && (this.spent[0]?.t ?? 0) <= t - longest) this.spent.shift();
  }
}
