/** Optional pieces (depth, long/short): their failure must not discard a good candle/OI load. */
export function optional<T>(p: Promise<T>): Promise<T | undefined> {
  return p.then(
    (x) => x,
    () => undefined,
  );
}

/** Drop keys whose value is undefined, so optional fields stay absent (and storage JSON clean). */
export function dropUndefined<T extends object>(o: T): T {
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] === undefined) delete o[key];
  return o;
}
