import { describe, expect, it } from 'vitest';
import { chooseTier } from '../../src/overlay/tier';

const all = { native: true, pixel: true, nativeWhyNot: '', pixelWhyNot: '' };
const pixelOnly = { native: false, pixel: true, nativeWhyNot: 'chart frame is cross-origin', pixelWhyNot: '' };
const none = { native: false, pixel: false, nativeWhyNot: 'no widget', pixelWhyNot: 'no readable price axis' };

describe('choosing the drawing tier', () => {
  it('auto prefers native, then pixel, then the ladder', () => {
    expect(chooseTier('auto', all).tier).toBe('native');
    expect(chooseTier('auto', pixelOnly)).toEqual({ tier: 'pixel', reason: 'native drawing unavailable (chart frame is cross-origin)' });
    expect(chooseTier('auto', none)).toEqual({ tier: 'ladder', reason: 'chart not reachable (no widget; no readable price axis)' });
  });
  it("honours the user's choice when available", () => {
    expect(chooseTier('pixel', all)).toEqual({ tier: 'pixel', reason: 'chosen by you' });
    expect(chooseTier('ladder', all).tier).toBe('ladder');
  });
  it('falls back and says why when the chosen tier is unavailable', () => {
    expect(chooseTier('native', pixelOnly)).toEqual({ tier: 'pixel', reason: 'native drawing unavailable (chart frame is cross-origin)' });
    expect(chooseTier('pixel', none)).toEqual({ tier: 'ladder', reason: 'overlay unavailable (no readable price axis); chart not reachable (no widget; no readable price axis)' });
    expect(chooseTier('pixel', { ...all, pixel: false, pixelWhyNot: 'percentage scale' })).toEqual({ tier: 'native', reason: "overlay unavailable (percentage scale); drawn with the chart's own tools" });
  });
});
