// Chart events from the window are coalesced (newest wins) into at most one batch per animation frame, and
// changes (each costs a probe) into at most one per CHANGE_GAP_MS: a page posting thousands costs a few.
import { describe, expect, it } from 'vitest';
import { CHANGE_GAP_MS, eventGate, type EventBatch } from '../../src/bridge/event-gate';
import type { ChartEvent } from '../../src/bridge/protocol';

/** A hand-driven animation frame and clock. */
function harness() {
  let frames: (() => void)[] = [];
  let t = 1_000;
  const batches: EventBatch[] = [];
  const push = eventGate(
    (cb) => frames.push(cb),
    () => t,
    (b) => batches.push(b),
  );
  return {
    push,
    batches,
    pendingFrames: () => frames.length,
    /** Runs the next frame, `ms` after the last. */
    frame(ms = 16) {
      t += ms;
      const run = frames;
      frames = [];
      run.forEach((cb) => cb());
    },
  };
}

const symbol: ChartEvent = { kind: 'symbol', symbol: 'BTCUSDT', resolution: '5' };
const crosshair = (price: number): ChartEvent => ({ kind: 'crosshair', price, x: 10, y: 20 });

describe('chart event gate', () => {
  it('5,000 events in one frame: one frame asked for, one batch, the newest crosshair', () => {
    const h = harness();
    for (let i = 0; i < 5_000; i++) h.push(i % 2 ? crosshair(90_000 + i) : symbol);
    expect(h.pendingFrames()).toBe(1);
    expect(h.batches).toEqual([]);
    h.frame();
    expect(h.batches).toEqual([{ crosshair: crosshair(94_999), change: true, restart: false }]);
    expect(h.pendingFrames()).toBe(0);
  });

  it('crosshair moves: one batch per frame, each with the newest position', () => {
    const h = harness();
    for (let f = 0; f < 3; f++) {
      h.push(crosshair(100 + f));
      h.push(crosshair(200 + f));
      h.frame();
    }
    expect(h.batches.map((b) => b.crosshair)).toEqual([crosshair(200), crosshair(201), crosshair(202)]);
    expect(h.batches.every((b) => !b.change)).toBe(true);
  });

  it('changes: the first at the next frame, then at most one per gap, the rest merged into it', () => {
    const h = harness();
    h.push(symbol);
    h.frame();
    expect(h.batches).toHaveLength(1);
    // A change every frame for a second: delivered once per CHANGE_GAP_MS, never more.
    for (let ms = 0; ms < 1_000; ms += 16) {
      h.push(symbol);
      h.frame();
    }
    const changes = h.batches.filter((b) => b.change).length;
    expect(changes).toBeGreaterThanOrEqual(1 + Math.floor(1_000 / CHANGE_GAP_MS) - 1);
    expect(changes).toBeLessThanOrEqual(1 + Math.ceil(1_000 / CHANGE_GAP_MS));
    // The one held back at the end is delivered once the gap has passed, with no new event needed.
    h.push(symbol);
    for (let i = 0; i < 20 && h.pendingFrames() > 0; i++) h.frame();
    expect(h.pendingFrames()).toBe(0);
    expect(h.batches.at(-1)!.change).toBe(true);
  });

  it('a crosshair is not held back by a change waiting for its gap', () => {
    const h = harness();
    h.push(symbol);
    h.frame();
    h.push(symbol);
    h.push(crosshair(5));
    h.frame();
    expect(h.batches.at(-1)).toEqual({ crosshair: crosshair(5), change: false, restart: false });
  });

  it('restart only when a lost or recreated was among the merged events', () => {
    const h = harness();
    h.push({ kind: 'interval', symbol: 'BTCUSDT', resolution: '15' });
    h.frame();
    h.push({ kind: 'lost', symbol: '', resolution: '' });
    h.push(symbol);
    h.frame(CHANGE_GAP_MS);
    h.push(symbol);
    h.frame(CHANGE_GAP_MS);
    expect(h.batches.map((b) => b.restart)).toEqual([false, true, false]);
  });

  it('asks for no frame when nothing came', () => {
    const h = harness();
    h.frame();
    expect(h.pendingFrames()).toBe(0);
    expect(h.batches).toEqual([]);
  });
});
