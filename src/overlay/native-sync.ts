/**
 * Native tier: sends the shape plan for the current state to the bridge when it changed (the bridge
 * updates shapes in place), clears it when nothing should be drawn, and forgets what was sent when the
 * bridge says it removed our shapes (symbol or interval change, chart recreated or lost).
 */
import type { BridgeClient } from '../bridge/client';
import type { DrawRequest } from '../bridge/protocol';
import { bandsPerSide } from './bands';
import { derived } from './derive';
import { nativePlan } from './native-plan';
import type { OverlayState, Store } from './store';

export interface NativeSync {
  sync(): Promise<void>;
  /** Remove our shapes from the chart. */
  clear(): Promise<void>;
  /** The bridge removed our shapes: the next sync() sends the plan again. */
  forget(): void;
}

export function nativeSync(client: BridgeClient | null, store: Store<OverlayState>): NativeSync {
  let lastSentPlan = '';
  let drawing = false;
  const derive = derived();

  async function clear() {
    lastSentPlan = '';
    if (client) await client.clear();
  }

  /** The shape plan for the current state, or null when nothing should be drawn. */
  function currentPlan(): DrawRequest | null {
    const s = store.get();
    const analysis = s.view?.analysis ?? null;
    if (s.overlay.hidden || !analysis || !s.symbol) return null;
    const { bands, marks } = derive(analysis, s.position, bandsPerSide(s.overlay.chartView));
    return nativePlan(s.symbol, bands, marks, s.overlay.opacity);
  }

  async function sync(): Promise<void> {
    const s = store.get();
    if (!client || s.tier !== 'native' || drawing) return;
    const plan = currentPlan();
    if (!plan) {
      if (lastSentPlan !== '') await clear();
      store.set({ nativeStatus: s.overlay.hidden ? 'hidden' : 'waiting for data' });
      return;
    }
    const json = JSON.stringify(plan);
    if (json === lastSentPlan) return;
    drawing = true;
    try {
      const r = await client.draw(plan);
      if (!r.ok) store.set({ nativeStatus: r.error });
      else if (r.value.kind === 'refused') store.set({ nativeStatus: `not drawn: ${r.value.reason}` });
      else {
        lastSentPlan = json;
        store.set({ nativeStatus: `${plan.shapes.length} shapes (${r.value.created} new, ${r.value.updated} moved, ${r.value.removed} removed)` });
      }
    } finally {
      drawing = false;
    }
    // The data may have changed while the bridge was drawing: converge.
    const next = currentPlan();
    if (lastSentPlan !== '' && next && JSON.stringify(next) !== lastSentPlan) void sync();
  }

  return {
    sync,
    clear,
    forget() {
      lastSentPlan = '';
    },
  };
}
