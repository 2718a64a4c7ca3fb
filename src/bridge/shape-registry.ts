/**
 * Our own shapes on a TradingView chart: which ids are ours, what each was drawn from, and the
 * smallest set of calls that brings the chart to a new plan. Only ids this registry created are
 * ever removed; the user's drawings are never touched.
 */
import type { ShapeSpec } from './protocol';
import { type TvChart, type TvEntityId } from './tv-api';
import { optionsOf, overridesOf, pointsOf, type TimeSpan } from './tv-options';

export interface ShapeDiff {
  create: ShapeSpec[];
  /** Same key and kind: moved and/or restyled in place. */
  update: { spec: ShapeSpec; moved: boolean; restyled: boolean }[];
  /** Keys to remove (gone from the plan, or changed kind). */
  remove: string[];
}

function samePrices(a: ShapeSpec, b: ShapeSpec): boolean {
  if (a.kind === 'band' && b.kind === 'band') return a.low === b.low && a.high === b.high;
  if (a.kind === 'line' && b.kind === 'line') return a.price === b.price;
  return false;
}

function sameStyle(a: ShapeSpec, b: ShapeSpec): boolean {
  return JSON.stringify(overridesOf(a)) === JSON.stringify(overridesOf(b));
}

/** Pure: what to do to go from the drawn specs to the desired ones. */
export function diffShapes(drawn: ReadonlyMap<string, ShapeSpec>, desired: readonly ShapeSpec[]): ShapeDiff {
  const diff: ShapeDiff = { create: [], update: [], remove: [] };
  const wanted = new Set<string>();
  for (const spec of desired) {
    wanted.add(spec.key);
    const old = drawn.get(spec.key);
    if (!old) diff.create.push(spec);
    else if (old.kind !== spec.kind) {
      diff.remove.push(spec.key);
      diff.create.push(spec);
    } else {
      const moved = !samePrices(old, spec);
      const restyled = !sameStyle(old, spec);
      if (moved || restyled) diff.update.push({ spec, moved, restyled });
    }
  }
  for (const key of drawn.keys()) if (!wanted.has(key)) diff.remove.push(key);
  return diff;
}

interface Entry {
  id: TvEntityId;
  spec: ShapeSpec;
}

export interface ApplyResult {
  created: number;
  updated: number;
  removed: number;
}

/** Placement span for band rectangles: the visible time range widened by its own width each side. */
export function placementSpan(visible: TimeSpan | null, nowSec: number): TimeSpan {
  if (!visible || !(visible.to > visible.from)) return { from: nowSec - 30 * 86_400, to: nowSec + 30 * 86_400 };
  const w = Math.max(visible.to - visible.from, 3600);
  return { from: Math.floor(visible.from - w), to: Math.ceil(visible.to + w) };
}

export class ShapeRegistry {
  private entries = new Map<string, Entry>();
  private span: TimeSpan;
  /**
   * createShape answers asynchronously (after the series loaded, e.g. just after an interval change), so
   * applies run one at a time (an overlapping one would create a second shape per key and lose track of
   * the first), and clear()/forget() bump the generation: a create that lands afterwards is removed at
   * once, and an apply queued before them is dropped (it was meant for the chart as it was).
   */
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;

  constructor(
    private readonly chart: TvChart,
    private readonly nowSec: () => number = () => Date.now() / 1000,
  ) {
    this.span = placementSpan(this.visibleTime(), this.nowSec());
  }

  /** Ids of the shapes we drew (for tests and the details panel). */
  ownIds(): TvEntityId[] {
    return [...this.entries.values()].map((e) => e.id);
  }

  size(): number {
    return this.entries.size;
  }

  private visibleTime(): TimeSpan | null {
    try {
      const r = this.chart.getVisibleRange?.();
      return r && Number.isFinite(r.from) && Number.isFinite(r.to) ? r : null;
    } catch {
      return null;
    }
  }

  /** Ids of every shape on the chart, ours and the user's; null when the chart cannot say. */
  private liveIds(): Set<string> | null {
    try {
      const all = this.chart.getAllShapes();
      return Array.isArray(all) ? new Set(all.map((s) => String(s?.id))) : null;
    } catch {
      return null;
    }
  }

  /** Drops entries whose shape no longer exists on the chart (chart recreated, page removed it). */
  private pruneVanished(): void {
    if (this.entries.size === 0) return;
    const live = this.liveIds();
    if (!live) return;
    for (const [key, e] of this.entries) if (!live.has(String(e.id))) this.entries.delete(key);
  }

  /**
   * How many of our shapes the host removed without telling us (re-read from getAllShapes(); 0 when the
   * chart cannot say). The next apply() recreates them.
   */
  missing(): number {
    if (this.entries.size === 0) return 0;
    const live = this.liveIds();
    if (!live) return 0;
    let n = 0;
    for (const e of this.entries.values()) if (!live.has(String(e.id))) n += 1;
    return n;
  }

  private async create(spec: ShapeSpec, gen: number): Promise<boolean> {
    const points = pointsOf(spec, this.span);
    const options = optionsOf(spec);
    // Older library versions return the id synchronously, newer ones a promise: await both.
    const id = await (spec.kind === 'band'
      ? this.chart.createMultipointShape(points, options)
      : this.chart.createShape(points[0]!, options));
    if (id === null || id === undefined || id === '') return false;
    if (gen !== this.generation) {
      // Cleared while this create was pending: never leave an untracked shape on the user's chart.
      try {
        this.chart.removeEntity(id);
      } catch {
        /* gone with the chart */
      }
      return false;
    }
    this.entries.set(spec.key, { id, spec });
    return true;
  }

  private removeKey(key: string): boolean {
    const e = this.entries.get(key);
    if (!e) return false;
    this.entries.delete(key);
    try {
      this.chart.removeEntity(e.id);
    } catch {
      /* already gone with the chart */
    }
    return true;
  }

  /** Brings the chart to `desired` with in-place updates where possible (after any apply still running). */
  apply(desired: readonly ShapeSpec[]): Promise<ApplyResult> {
    const gen = this.generation;
    const run = this.queue.then(() => (gen === this.generation ? this.applyNow(desired, gen) : { created: 0, updated: 0, removed: 0 }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(desired: readonly ShapeSpec[], gen: number): Promise<ApplyResult> {
    this.pruneVanished();
    const drawn = new Map([...this.entries].map(([k, e]) => [k, e.spec] as const));
    const diff = diffShapes(drawn, desired);
    const result: ApplyResult = { created: 0, updated: 0, removed: 0 };
    for (const key of diff.remove) if (this.removeKey(key)) result.removed += 1;
    for (const { spec, moved, restyled } of diff.update) {
      const e = this.entries.get(spec.key)!;
      const shape = this.chart.getShapeById(e.id);
      if (moved) shape.setPoints(pointsOf(spec, this.span));
      if (restyled) shape.setProperties(overridesOf(spec));
      e.spec = spec;
      result.updated += 1;
    }
    for (const spec of diff.create) {
      if (gen !== this.generation) break;
      if (await this.create(spec, gen)) result.created += 1;
    }
    return result;
  }

  /** Pending creates will remove what they make; the next apply need not wait for them. */
  private invalidatePending(): void {
    this.generation += 1;
    this.queue = Promise.resolve();
  }

  /** Removes every shape we drew, and only those. */
  clear(): number {
    this.invalidatePending();
    let n = 0;
    for (const key of [...this.entries.keys()]) if (this.removeKey(key)) n += 1;
    return n;
  }

  /** Forget ids without touching the chart (it was destroyed and took our shapes with it). */
  forget(): void {
    this.invalidatePending();
    this.entries.clear();
  }

  /** Called when the visible time range moved: re-anchor band rectangles only when it left their span. */
  followTime(): boolean {
    const visible = this.visibleTime();
    if (!visible || (visible.from >= this.span.from && visible.to <= this.span.to)) return false;
    this.span = placementSpan(visible, this.nowSec());
    for (const e of this.entries.values()) {
      if (e.spec.kind !== 'band') continue;
      try {
        this.chart.getShapeById(e.id).setPoints(pointsOf(e.spec, this.span));
      } catch {
        /* shape vanished; the next apply() recreates it */
      }
    }
    return true;
  }
}
