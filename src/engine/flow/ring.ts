/**
 * A fixed-capacity ring of numeric records (issue #12: "ring buffers, never unbounded arrays"). Each field is
 * one Float64Array column, so memory is `capacity × fields × 8` bytes whatever the event rate; when full,
 * a push overwrites the oldest record (the newest state wins).
 */
export class Ring<F extends string> {
  readonly capacity: number;
  private readonly cols: Record<F, Float64Array>;
  private head = 0; // index of the oldest record
  private count = 0;

  constructor(capacity: number, fields: readonly F[]) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
    const cols = {} as Record<F, Float64Array>;
    for (const f of fields) cols[f] = new Float64Array(capacity);
    this.cols = cols;
  }

  get size(): number {
    return this.count;
  }

  /** Appends a record; returns false when it overwrote the oldest one. */
  push(record: Readonly<Record<F, number>>): boolean {
    const full = this.count === this.capacity;
    const at = full ? this.head : (this.head + this.count) % this.capacity;
    for (const f in this.cols) this.cols[f][at] = record[f];
    if (full) this.head = (this.head + 1) % this.capacity;
    else this.count++;
    return !full;
  }

  /** Field `f` of the i-th oldest record (0 = oldest). */
  get(i: number, f: F): number {
    if (i < 0 || i >= this.count) throw new RangeError(`ring index ${i} outside 0..${this.count - 1}`);
    return this.cols[f][(this.head + i) % this.capacity]!;
  }

  /** Drops records from the oldest end while `old(0)` holds for the oldest one (time windows); returns how many. */
  dropWhile(old: (i: number) => boolean): number {
    let dropped = 0;
    while (this.count > 0 && old(0)) {
      this.head = (this.head + 1) % this.capacity;
      this.count--;
      dropped++;
    }
    return dropped;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  bytes(): number {
    let n = 0;
    for (const f in this.cols) n += this.cols[f].byteLength;
    return n;
  }
}
