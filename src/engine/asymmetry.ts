/**
 * Long/short asymmetry (docs/design.md §5.3): long-liquidation USD within w % below ÷ short-liquidation USD within
 * w % above, with its percentile in the map's own history. The fragility flag uses that percentile,
 * because a fixed 2.5:1 depends on the model (a both-sides map rarely reaches it); without enough history
 * the seed's 2.5:1 is the fallback. A risk signal, never a direction (docs/accuracy-model.md §6).
 */
import type { EngineConfig } from './config';
import type { Asymmetry, LiquidationMap } from './types';

/** Mid-rank percentile (0–100) of `value` among `history`: mirrors exactly (1/x ↦ 100 − p). */
export function percentileOf(value: number, history: readonly number[]): number | undefined {
  let below = 0;
  let equal = 0;
  let n = 0;
  for (const h of history) {
    if (!Number.isFinite(h)) continue;
    n++;
    if (h < value) below++;
    else if (h === value) equal++;
  }
  return n === 0 ? undefined : (100 * (below + equal / 2)) / n;
}

export function asymmetry(map: LiquidationMap, cfg: EngineConfig, history: readonly number[] = []): Asymmetry {
  const ref = map.reference;
  const w = cfg.asymmetryWindowPct / 100;
  let longUsd = 0;
  let shortUsd = 0;
  for (const b of map.bins) {
    if (b.price < ref && b.price >= ref * (1 - w)) longUsd += b.longUsd;
    else if (b.price > ref && b.price <= ref * (1 + w)) shortUsd += b.shortUsd;
  }
  const base = { longUsd, shortUsd, windowPct: cfg.asymmetryWindowPct, referenceRatio: cfg.asymmetryReferenceRatio };
  // A short side so small against the long side that the ratio is not a finite number is "no short fuel":
  // the degenerate side decides, not a division that yields Infinity (or NaN for 0/0 after an underflow).
  if (shortUsd === 0 || !Number.isFinite(longUsd / shortUsd)) {
    return longUsd === 0
      ? { ...base, ratio: { kind: 'no-fuel' }, fragile: 'no' }
      : { ...base, ratio: { kind: 'no-short-fuel' }, fragile: 'long-heavy' };
  }
  const value = longUsd / shortUsd;
  const usable = history.filter((h) => Number.isFinite(h) && h >= 0);
  const percentile = usable.length > 0 ? percentileOf(value, usable) : undefined;
  let fragile: Asymmetry['fragile'] = 'no';
  if (percentile !== undefined && usable.length >= cfg.asymmetryMinHistory) {
    if (percentile >= 100 - cfg.asymmetryPercentile) fragile = 'long-heavy';
    else if (percentile <= cfg.asymmetryPercentile) fragile = 'short-heavy';
  } else if (value >= cfg.asymmetryReferenceRatio) fragile = 'long-heavy';
  else if (value <= 1 / cfg.asymmetryReferenceRatio) fragile = 'short-heavy';
  return { ...base, ratio: { kind: 'ratio', value }, ...(percentile !== undefined ? { percentile } : {}), fragile };
}
