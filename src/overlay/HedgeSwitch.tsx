/**
 * The panel's leg switch in hedge mode (a long and a short open on one symbol): one button per side, the
 * leg shown pressed. Always visible in the panel body (not in the details) whenever the page shows two
 * legs; the shown leg is the user's last pick, else the larger notional (src/position/hedge.ts), and a
 * click remembers the pick per exchange + symbol.
 */
import type { Position, Side } from '../engine/types';
import type { PositionState } from '../position/state';
import { positionView } from '../ui/view-model/analysis';

export interface HedgeSwitchProps {
  state: PositionState | null;
  onPick?: (side: Side | null) => Promise<void> | void;
}

/** One leg per side (the first the page lists), in the page's order. */
function legsBySide(legs: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of legs) if (!out.some((o) => o.side === p.side)) out.push(p);
  return out;
}

export function HedgeSwitch({ state, onPick }: HedgeSwitchProps) {
  if (!state || state.source !== 'page' || !state.hedge || !onPick) return null;
  const legs = legsBySide(state.hedge);
  if (legs.length < 2) return null;
  const pick = state.hedgePick ?? null;
  const why = state.hedgePickReason === 'picked' ? 'your pick' : 'larger leg';
  return (
    <div class="ll-hedge" role="group" aria-label="Hedge mode: which leg to analyse" data-testid="liqlens-hedge" data-pick={pick ?? 'none'} data-reason={state.hedgePickReason ?? ''}>
      <span class="ll-muted">Hedge mode:</span>
      {legs.map((p) => {
        const v = positionView(p);
        const on = p.side === pick;
        return (
          <button
            key={p.side}
            type="button"
            class={`ll-btn ll-leg${on ? ' ll-on' : ''}`}
            data-testid="liqlens-hedge-pick"
            data-side={p.side}
            aria-pressed={on ? 'true' : 'false'}
            title={on ? `Shown (${why})` : `Analyse the ${p.side} leg instead`}
            onClick={() => void onPick(p.side)}
          >
            {v.sideText} {v.sizeText}
          </button>
        );
      })}
      <span class="ll-muted">({why})</span>
    </div>
  );
}
