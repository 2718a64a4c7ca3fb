import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertCondition } from '../../src/alerts/conditions';
import { step, type AlertState } from '../../src/alerts/machine';

const IDS = ['cluster-edge:short', 'cluster-edge:long', 'stale-map'] as const;
const cond = (id: string): AlertCondition => ({ id, kind: 'cluster-edge', title: id, message: id });
const COOLDOWN = 30 * 60_000;

// A run: evaluations at increasing times, each with some subset of conditions holding.
const run = fc.array(fc.record({ dt: fc.integer({ min: 0, max: 20 * 60_000 }), active: fc.subarray([...IDS]) }), { maxLength: 60 });

describe('alert machine invariants (any sequence of evaluations)', () => {
  it('fires only on a crossing, never twice within the cool-down, and always on a crossing after it', () => {
    fc.assert(
      fc.property(run, (evals) => {
        let state: AlertState = {};
        let t = 0;
        let prev = new Set<string>();
        const lastFire = new Map<string, number>();
        for (const e of evals) {
          t += e.dt;
          const r = step(state, 's', e.active.map(cond), t, COOLDOWN);
          state = r.state;
          const fired = new Set(r.fired.map((c) => c.id));
          expect(fired.size).toBe(r.fired.length); // no duplicates in one evaluation
          for (const id of IDS) {
            const crossing = e.active.includes(id) && !prev.has(id);
            const last = lastFire.get(id);
            const cooled = last === undefined || t - last >= COOLDOWN;
            expect(fired.has(id)).toBe(crossing && cooled);
            if (fired.has(id)) lastFire.set(id, t);
          }
          prev = new Set(e.active);
        }
      }),
    );
  });
});
