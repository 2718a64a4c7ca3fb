// The manual form is prefilled from what the page showed; a sub-cent price must survive the round trip
// through the form's text field and its parser unchanged.
import { describe, expect, test } from 'vitest';
import { prefill } from '../../src/overlay/ManualPositionPanel';
import { validateManualPosition } from '../../src/position/manual-entry';
import type { PositionState } from '../../src/position/watcher';

describe('manual position prefill', () => {
  test('a sub-cent entry (1.5e-7, SATS) is written as a plain decimal and saved as the same number', () => {
    const state: PositionState = {
      exchange: 'okx',
      symbol: 'SATSUSDT',
      position: null,
      source: 'none',
      health: '',
      pageRead: 'invalid',
      draft: { side: 'long', entry: 1.5e-7, size: 2e9, leverage: 10, marginMode: 'cross', liqPrice: 1.36e-7 },
    };
    const values = prefill(state);
    expect(values.entry).toBe('0.00000015');
    expect(values.liqPrice).toBe('0.000000136');
    const r = validateManualPosition(values, 'okx', 'SATSUSDT');
    expect(r.ok && r.position.entry).toBe(1.5e-7);
    expect(r.ok && r.position.liqPrice).toBe(1.36e-7);
  });
});
