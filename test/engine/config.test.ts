// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../src/engine/config';
import { EngineError } from '../../src/engine/errors';
import { validateConfig } from '../../src/engine/validate';

describe('engine config', () => {
  it('defaults are valid and keep the spec’s fixed choices (tiers, buffer range, cascade gaps, stale rule)', () => {
    expect(() => validateConfig(DEFAULT_CONFIG)).not.toThrow();
    expect(DEFAULT_CONFIG.tiers).toEqual([5, 10, 25, 50, 100]);
    expect(DEFAULT_CONFIG.tierWeights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(DEFAULT_CONFIG.stopBufferPct).toBeGreaterThanOrEqual(0.3);
    expect(DEFAULT_CONFIG.stopBufferPct).toBeLessThanOrEqual(0.5);
    expect([DEFAULT_CONFIG.cascadeChainGapPct, DEFAULT_CONFIG.cascadeEndGapPct]).toEqual([1, 3]);
    expect([DEFAULT_CONFIG.cascadeOvershootMinPct, DEFAULT_CONFIG.cascadeOvershootMaxPct]).toEqual([0.3, 0.8]);
    expect([DEFAULT_CONFIG.staleOiDropPct, DEFAULT_CONFIG.staleWindowHours]).toEqual([15, 4]);
    expect(DEFAULT_CONFIG.binPct).toBe(0.05);
  });
  it('overrides replace only the fields given', () => {
    const c = resolveConfig({ stopBufferPct: 0.3 });
    expect(c.stopBufferPct).toBe(0.3);
    expect(c.tiers).toBe(DEFAULT_CONFIG.tiers);
    expect(resolveConfig()).toBe(DEFAULT_CONFIG);
  });
  it('unusable values are invalid-config errors naming the field', () => {
    const bad = (o: object) => {
      try {
        validateConfig({ ...DEFAULT_CONFIG, ...o });
      } catch (e) {
        expect(e).toBeInstanceOf(EngineError);
        return (e as EngineError).field;
      }
      return 'accepted';
    };
    expect(bad({ halfLifeHours: Number.POSITIVE_INFINITY })).toBe('accepted'); // no decay is allowed
    expect(bad({ halfLifeHours: 0 })).toBe('config.halfLifeHours');
    expect(bad({ clusterZ: Number.NaN })).toBe('config.clusterZ');
    expect(bad({ longShare: 1.2 })).toBe('config.longShare');
    expect(bad({ tiers: [5, 0.5, 25, 50, 100] })).toBe('config.tiers[1]');
    expect(bad({ thinSessionUtcHours: [0, 30] })).toBe('config.thinSessionUtcHours');
    expect(bad({ closeFeeRate: { ...DEFAULT_CONFIG.closeFeeRate, okx: -1 } })).toBe('config.closeFeeRate.okx');
  });
});
