/**
 * Chart events reach the content script over the window, where the page can post any number of forged
 * ones (it reads the bridge's namespace off any message it sees). So they are coalesced, the newest
 * winning, and handed over at most once per animation frame; a chart change, which costs a probe, at most
 * once per CHANGE_GAP_MS. 5,000 forged events cost a few probes, not 5,000 (test/e2e/bridge-flood.test.mjs).
 */
import type { ChartEvent } from './protocol';

export type CrosshairEvent = Extract<ChartEvent, { kind: 'crosshair' }>;

export interface EventBatch {
  /** The newest crosshair since the last batch. */
  crosshair: CrosshairEvent | null;
  /** A symbol, interval, lost or recreated event came: re-probe (they carry nothing else we use). */
  change: boolean;
  /** Among them a lost or recreated: probe often again, as at start. */
  restart: boolean;
}

/** Least time between two batches with a change; the first change after a quiet spell goes at the next frame. */
export const CHANGE_GAP_MS = 250;

/** `frame` schedules one callback at the next animation frame; `now` is a clock in ms. Returns the event sink. */
export function eventGate(frame: (cb: () => void) => void, now: () => number, deliver: (b: EventBatch) => void, gapMs = CHANGE_GAP_MS): (ev: ChartEvent) => void {
  let crosshair: CrosshairEvent | null = null;
  let change = false;
  let restart = false;
  let queued = false;
  let last = -Infinity;
  const flush = () => {
    queued = false;
    const t = now();
    const due = change && t - last >= gapMs;
    const b: EventBatch = { crosshair, change: due, restart: due && restart };
    crosshair = null;
    if (due) {
      change = restart = false;
      last = t;
    }
    // A change held back by the gap waits for a later frame.
    if (change) queue();
    if (b.crosshair || b.change) deliver(b);
  };
  const queue = () => {
    if (!queued) {
      queued = true;
      frame(flush);
    }
  };
  return (ev) => {
    if (ev.kind === 'crosshair') crosshair = ev;
    else {
      change = true;
      restart ||= ev.kind === 'lost' || ev.kind === 'recreated';
    }
    queue();
  };
}
