/** Engine signals with their chip and sentence, for the overlay, the popup and the notifications. */
import type { Signal } from '../../engine/types';
import { SIGNAL_CHIP, signalText } from '../messages';

export interface SignalView {
  kind: Signal['kind'];
  severity: Signal['severity'];
  chip: string;
  text: string;
}

export function signalViews(signals: readonly Signal[]): SignalView[] {
  return signals.map((s) => ({ kind: s.kind, severity: s.severity, chip: SIGNAL_CHIP[s.kind], text: signalText(s) }));
}
