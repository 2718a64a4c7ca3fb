/**
 * The overlay's own slice of the settings (mode, opacity, hidden, chart view), read and written without the full
 * settings validator: that one brings valibot (≈ 10 kB) into a content script capped at 60 kB. Only the
 * `overlay` field is ever changed here; the rest of the stored settings is written back untouched.
 */
import type { Settings } from '../settings';

/** Same key and overlay defaults as src/settings.ts (not imported: that module's schema brings valibot);
 *  test/overlay/overlay-settings.test.ts keeps the two equal. */
export const SETTINGS_KEY = 'settings';
export const DEFAULT_OVERLAY: Settings['overlay'] = { mode: 'auto', opacity: 0.8, hidden: false, chartView: 'profile' };

export type OverlaySettings = Settings['overlay'];
const MODES = ['auto', 'native', 'pixel', 'ladder'] as const;
/** The on-chart views (src/overlay/chart-view.ts says what each draws). */
export const CHART_VIEWS = ['profile', 'bands', 'heatmap', 'off'] as const;

/** The stored overlay settings, each field checked; anything invalid falls back to its default. */
export function coerceOverlay(raw: unknown): OverlaySettings {
  const d = DEFAULT_OVERLAY;
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const mode = MODES.find((m) => m === o.mode) ?? d.mode;
  const opacity = typeof o.opacity === 'number' && o.opacity >= 0.1 && o.opacity <= 1 ? o.opacity : d.opacity;
  const hidden = typeof o.hidden === 'boolean' ? o.hidden : d.hidden;
  const chartView = CHART_VIEWS.find((m) => m === o.chartView) ?? d.chartView;
  return { mode, opacity, hidden, chartView };
}

export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

function overlayOf(stored: unknown): OverlaySettings {
  return coerceOverlay(typeof stored === 'object' && stored !== null ? (stored as { overlay?: unknown }).overlay : undefined);
}

export async function loadOverlaySettings(area: SettingsArea): Promise<OverlaySettings> {
  return overlayOf((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Applies `patch` to the stored overlay settings; returns what was saved. */
export async function saveOverlaySettings(area: SettingsArea, patch: Partial<OverlaySettings>): Promise<OverlaySettings> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  // Missing settings: store only the overlay slice; loadSettings() fills every other field with its default.
  const base = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const overlay = coerceOverlay({ ...overlayOf(stored), ...patch });
  await area.set({ [SETTINGS_KEY]: { ...base, overlay } });
  return overlay;
}

export function overlayFromChange(changes: Record<string, { newValue?: unknown }>, areaName: string): OverlaySettings | null {
  if (areaName !== 'local' || !(SETTINGS_KEY in changes)) return null;
  return overlayOf(changes[SETTINGS_KEY]?.newValue);
}
