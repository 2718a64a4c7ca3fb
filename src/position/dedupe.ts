/** Reports a state only when it differs from the last one reported (deep, by its JSON). */
import type { PositionState } from './state';

export function dedupe(onChange: (state: PositionState) => void): { emit(state: PositionState): void; last(): PositionState | null } {
  let lastJson = '';
  let last: PositionState | null = null;
  return {
    emit(state) {
      const json = JSON.stringify(state);
      if (json === lastJson) return;
      lastJson = json;
      last = state;
      onChange(state);
    },
    last: () => last,
  };
}
