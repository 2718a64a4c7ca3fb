/**
 * Alert state machine (pure): a condition fires when it *becomes* true (a crossing), never again while it
 * stays true, and not again within the cool-down after it fired even if it flaps false→true meanwhile.
 * State is per scope (one watched exchange+symbol), so two tabs never silence each other.
 */
import type { AlertCondition } from './conditions';

export interface ScopeState {
  /** Condition ids that held at the last evaluation. */
  active: readonly string[];
  /** Condition id → time it last fired (ms). */
  lastFired: Readonly<Record<string, number>>;
}

export type AlertState = Readonly<Record<string, ScopeState>>;

export const EMPTY_SCOPE: ScopeState = { active: [], lastFired: {} };

export interface StepResult {
  state: AlertState;
  fired: AlertCondition[];
}

/** One evaluation of `scope` at time `now` with the conditions that hold now. */
export function step(state: AlertState, scope: string, conditions: readonly AlertCondition[], now: number, cooldownMs: number): StepResult {
  const prev = state[scope] ?? EMPTY_SCOPE;
  const wasActive = new Set(prev.active);
  const lastFired: Record<string, number> = { ...prev.lastFired };
  const fired: AlertCondition[] = [];
  const seen = new Set<string>();
  for (const c of conditions) {
    if (seen.has(c.id)) continue; // the same condition twice in one evaluation is one alert
    seen.add(c.id);
    if (wasActive.has(c.id)) continue; // still the same crossing
    const last = lastFired[c.id];
    if (last !== undefined && now - last < cooldownMs) continue; // crossed again too soon
    lastFired[c.id] = now;
    fired.push(c);
  }
  // Forget fire times older than the cool-down so state does not grow without bound.
  for (const [id, t] of Object.entries(lastFired)) if (now - t >= cooldownMs && !seen.has(id)) delete lastFired[id];
  return { state: { ...state, [scope]: { active: [...seen], lastFired } }, fired };
}

/** Scope key of a watched market. */
export function scopeKey(exchange: string, symbol: string): string {
  return `${exchange}:${symbol}`;
}
