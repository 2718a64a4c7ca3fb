// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findCascades } from '../../src/engine/cascade';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { cluster, handMap } from './helpers';

const map = handMap(100_000, 300, () => 0); // ±15 %: only its reference and edges matter here

describe('cascade chains', () => {
  it('gaps 0.8 %, 0.9 %, 3.2 %: the first three chain, the 3.2 % gap ends it (price often stabilises)', () => {
    // Long clusters below 100,000; gap = nearer.low − farther.high, in % of the reference.
    const a = cluster('long', 99_000, 99_500, 10e6);
    const b = cluster('long', 97_700, 98_200, 20e6); // 99,000 − 98,200 = 800 → 0.8 %
    const c = cluster('long', 96_300, 96_800, 30e6); // 97,700 − 96,800 = 900 → 0.9 %
    const d = cluster('long', 92_600, 93_100, 40e6); // 96,300 − 93,100 = 3,200 → 3.2 %
    const [chain] = findCascades([d, b, a, c], map, DEFAULT_CONFIG);
    expect(chain?.clusters).toEqual([a, b, c]);
    expect(chain?.totalUsd).toBe(60e6);
    expect(chain?.endedBy).toBe('gap');
    expect(chain?.endGapPct).toBeCloseTo(3.2, 9);
    expect(chain?.stabilises).toBe(true);
    // overshoot past 96,300: 0.3–0.8 % → 96,011.1 … 95,529.6
    expect(chain?.overshoot.from).toBeCloseTo(96_011.1, 6);
    expect(chain?.overshoot.to).toBeCloseTo(95_529.6, 6);
  });
  it('short side chains upward; no further cluster ends with "none"', () => {
    const a = cluster('short', 100_500, 101_000, 1e6);
    const b = cluster('short', 101_500, 101_800, 1e6); // 0.5 %
    const [chain] = findCascades([a, b], map, DEFAULT_CONFIG);
    expect(chain).toMatchObject({ side: 'short', endedBy: 'none', totalUsd: 2e6 });
    expect(chain?.overshoot.from).toBeCloseTo(101_800 * 1.003, 6);
  });
  it('a 1.5 % gap breaks the chain but is not a stabilising gap: endedBy "none", the gap reported', () => {
    const [chain] = findCascades(
      [cluster('long', 99_000, 99_500, 1), cluster('long', 98_200, 98_800, 1), cluster('long', 96_000, 96_700, 1)],
      map,
      DEFAULT_CONFIG,
    );
    expect(chain?.clusters).toHaveLength(2);
    expect(chain?.endedBy).toBe('none');
    expect(chain?.endGapPct).toBeCloseTo(1.5, 9); // 98,200 − 96,700 = 1,500 → 1.5 %
    expect(chain?.stabilises).toBe(false);
  });
  it('a lone cluster is no cascade', () => {
    expect(findCascades([cluster('long', 99_000, 99_500, 1)], map, DEFAULT_CONFIG)).toEqual([]);
  });
  it('a chain reaching the map edge may continue beyond it: "edge"', () => {
    const [chain] = findCascades([cluster('long', 86_000, 86_500, 1), cluster('long', 85_100, 85_800, 1)], map, DEFAULT_CONFIG);
    expect(chain?.endedBy).toBe('edge'); // map starts at 85,000; 85,100 is 0.1 % from it
  });
});
