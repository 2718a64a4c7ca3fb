/**
 * The live order-flow state of one symbol (issue #12): bounded rings of trades, liquidations and marks, fed in
 * batches by the stream layer, and the signals computed from them on demand. Memory is fixed at construction
 * (`flowStateBytes`); a flood overwrites the oldest records (the newest state wins). An event older than the
 * newest one of its kind is out of order: counted and dropped, so every ring stays sorted by time.
 */
import { depthRatio } from '../depth';
import type { Cluster } from '../types';
import type { UtcMs } from '../units';
import type { FlowConfig } from './config';
import { deltaDivergence, type DeltaSignal, type TakerDelta } from './delta-divergence';
import type { BookSnapshot, LiquidationEvent, MarkTick, TradeEvent } from './events';
import { cascadesUnderWay, realisedByBand, type BandRealised, type CascadeUnderWay } from './realised';
import { Ring } from './ring';
import { LIQUIDATION_FIELDS } from './realised';
import { SpoofTracker, type SpoofFlag } from './spoofing';

export type FlowEvent =
  | ({ kind: 'trade' } & TradeEvent)
  | ({ kind: 'liquidation' } & LiquidationEvent)
  | ({ kind: 'mark' } & MarkTick)
  | ({ kind: 'book' } & BookSnapshot);

export interface FlowCapacity {
  trades: number;
  liquidations: number;
  marks: number;
}

/** A busy BTC hour of aggregated trades, a day of liquidations, ten minutes of 1-per-second marks. */
export const DEFAULT_FLOW_CAPACITY: FlowCapacity = Object.freeze({ trades: 65_536, liquidations: 16_384, marks: 1_024 });

export interface FlowSignals {
  /** Liquidation USD ÷ resting depth from the mark to each cluster's near edge (absent without a reaching book). */
  depthRatios: (number | undefined)[];
  spoofing: SpoofFlag | null;
  delta: DeltaSignal[];
  cascades: CascadeUnderWay[];
}

export class FlowState {
  readonly trades: Ring<'t' | 'price' | 'qty' | 'buy'>;
  readonly liquidations: Ring<'t' | 'price' | 'qty' | 'usd' | 'long'>;
  readonly marks: Ring<'t' | 'price'>;
  readonly spoof: SpoofTracker;
  book: BookSnapshot | null = null;
  outOfOrder = 0;
  invalid = 0;

  constructor(private readonly cfg: FlowConfig, cap: FlowCapacity = DEFAULT_FLOW_CAPACITY) {
    this.trades = new Ring(cap.trades, ['t', 'price', 'qty', 'buy']);
    this.liquidations = new Ring(cap.liquidations, LIQUIDATION_FIELDS);
    this.marks = new Ring(cap.marks, ['t', 'price']);
    this.spoof = new SpoofTracker(cfg);
  }

  applyBatch(events: readonly FlowEvent[], clusters: readonly Cluster[]): void {
    for (const e of events) this.apply(e, clusters);
  }

  /** Whether an event at `t` may follow the ring's newest record (`newest`, undefined when empty). */
  private ordered(newest: number | undefined, t: number): boolean {
    if (!Number.isFinite(t)) {
      this.invalid++;
      return false;
    }
    if (newest !== undefined && t < newest) {
      this.outOfOrder++;
      return false;
    }
    return true;
  }

  private apply(e: FlowEvent, clusters: readonly Cluster[]): void {
    const valid = (...xs: number[]) => xs.every((x) => Number.isFinite(x) && x > 0);
    switch (e.kind) {
      case 'trade':
        if (!valid(e.price, e.qty)) return void this.invalid++;
        if (this.ordered(newest(this.trades), e.t)) this.trades.push({ t: e.t, price: e.price, qty: e.qty, buy: e.side === 'buy' ? 1 : 0 });
        return;
      case 'liquidation':
        if (!valid(e.price, e.qty, e.usd)) return void this.invalid++;
        if (this.ordered(newest(this.liquidations), e.t))
          this.liquidations.push({ t: e.t, price: e.price, qty: e.qty, usd: e.usd, long: e.side === 'long' ? 1 : 0 });
        return;
      case 'mark':
        if (!valid(e.price)) return void this.invalid++;
        if (this.ordered(newest(this.marks), e.t)) this.marks.push({ t: e.t, price: e.price });
        return;
      case 'book':
        if (this.book !== null && e.t < this.book.t) return void this.outOfOrder++;
        this.book = { t: e.t, bids: e.bids, asks: e.asks };
        this.spoof.observe(this.book, clusters);
        return;
    }
  }

  /** Taker USD bought and sold in (from, to], from the newest trade back. */
  takerDelta(from: UtcMs, to: UtcMs): TakerDelta {
    const r = this.trades;
    let buyUsd = 0;
    let sellUsd = 0;
    for (let i = r.size - 1; i >= 0; i--) {
      const t = r.get(i, 't');
      if (t <= from) break;
      if (t > to) continue;
      const usd = r.get(i, 'price') * r.get(i, 'qty');
      if (r.get(i, 'buy') === 1) buyUsd += usd;
      else sellUsd += usd;
    }
    return { buyUsd, sellUsd };
  }

  /** Marks at or after `from`, oldest first. */
  markTicks(from: UtcMs): MarkTick[] {
    const r = this.marks;
    let i = r.size;
    while (i > 0 && r.get(i - 1, 't') >= from) i--;
    const out: MarkTick[] = [];
    for (; i < r.size; i++) out.push({ t: r.get(i, 't'), price: r.get(i, 'price') });
    return out;
  }

  lastMark(): MarkTick | null {
    const r = this.marks;
    return r.size === 0 ? null : { t: r.get(r.size - 1, 't'), price: r.get(r.size - 1, 'price') };
  }

  /** What a live tick needs: every signal over its short window (the 24 h band totals are `realised`). */
  signals(clusters: readonly Cluster[], now: UtcMs): FlowSignals {
    const mark = this.lastMark();
    const liqs = this.liquidations;
    const book = this.book;
    const from = now - this.cfg.deltaWindowSec * 1000;
    return {
      depthRatios: clusters.map((c) => (book && mark ? depthRatio(c, [{ book, basis: 0 }], mark.price) : undefined)),
      spoofing: this.spoof.flag(now),
      delta: deltaDivergence(clusters, this.markTicks(from), this.takerDelta(from, now), now, this.cfg),
      cascades: cascadesUnderWay(clusters, liqs, now, this.cfg),
    };
  }

  /** Estimated vs realised per band over `realisedWindowHours`: for tooltips, not every tick. */
  realised(clusters: readonly Cluster[], now: UtcMs): BandRealised[] {
    return realisedByBand(clusters, this.liquidations, now, this.cfg);
  }

  bytes(): number {
    return this.trades.bytes() + this.liquidations.bytes() + this.marks.bytes();
  }
}

function newest<F extends string>(r: Ring<F | 't'>): number | undefined {
  return r.size === 0 ? undefined : r.get(r.size - 1, 't');
}
