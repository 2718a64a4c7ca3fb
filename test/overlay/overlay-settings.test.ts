import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY as SHARED_KEY } from '../../src/settings';
import { coerceOverlay, DEFAULT_OVERLAY, saveOverlaySettings, SETTINGS_KEY } from '../../src/overlay/overlay-settings';

describe('overlay settings slice', () => {
  it('uses the same key and defaults as src/settings.ts', () => {
    expect(SETTINGS_KEY).toBe(SHARED_KEY);
    expect(DEFAULT_OVERLAY).toEqual(DEFAULT_SETTINGS.overlay);
  });
  it('replaces each invalid field by its default', () => {
    expect(coerceOverlay({ mode: 'laser', opacity: 7, hidden: 'yes' })).toEqual(DEFAULT_OVERLAY);
    expect(coerceOverlay({ mode: 'ladder', opacity: 0.5, hidden: true })).toEqual({ mode: 'ladder', opacity: 0.5, hidden: true, chartView: 'profile' });
  });
  it('writes back only the overlay field, keeping the rest of the stored settings', async () => {
    const stored: Record<string, unknown> = { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, accountUsd: 5000 } };
    const area = { get: async (k: string) => ({ [k]: stored[k] }), set: async (o: Record<string, unknown>) => void Object.assign(stored, o) };
    expect(await saveOverlaySettings(area, { hidden: true })).toEqual({ ...DEFAULT_OVERLAY, hidden: true });
    expect(stored[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, accountUsd: 5000, overlay: { ...DEFAULT_OVERLAY, hidden: true } });
  });
});
