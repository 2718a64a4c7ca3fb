/** Which drawing tier to use (docs/design.md §8): the user's choice when it is available, else the best available. */
import type { Settings } from '../settings';
import type { Tier } from './store';

export interface Availability {
  /** The bridge reached a widget that can draw shapes. */
  native: boolean;
  /** A price scale is known: from the widget, or calibrated from the DOM price axis. */
  pixel: boolean;
  /** Why native / pixel are unavailable (shown in the details). */
  nativeWhyNot: string;
  pixelWhyNot: string;
}

export function chooseTier(mode: Settings['overlay']['mode'], a: Availability): { tier: Tier; reason: string } {
  if (mode === 'ladder') return { tier: 'ladder', reason: 'chosen by you' };
  if (mode === 'native' && a.native) return { tier: 'native', reason: 'chosen by you' };
  if (mode === 'pixel' && a.pixel) return { tier: 'pixel', reason: 'chosen by you' };
  const note = mode === 'pixel' ? `overlay unavailable (${a.pixelWhyNot}); ` : '';
  if (a.native) return { tier: 'native', reason: `${note}drawn with the chart's own tools` };
  if (a.pixel) return { tier: 'pixel', reason: `native drawing unavailable (${a.nativeWhyNot})` };
  return { tier: 'ladder', reason: `${note}chart not reachable (${a.nativeWhyNot}; ${a.pixelWhyNot})` };
}
