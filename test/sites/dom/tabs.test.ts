import { beforeEach, describe, expect, test } from 'vitest';
import { findTabPane } from '../../../src/sites/dom/tabs';

beforeEach(() => {
  document.body.innerHTML = '';
});
const hasTable = (el: Element) => el.querySelector('table') !== null;

describe('findTabPane', () => {
  test('aria-controls with evidence', () => {
    document.body.innerHTML =
      '<div role="tablist"><div role="tab" aria-selected="true" aria-controls="p1">Positions(1)</div></div><div id="p1"><table></table></div>';
    const r = findTabPane(document, ['Positions'], hasTable);
    expect(r.kind === 'pane' && r.pane.id).toBe('p1');
    expect(r.kind === 'pane' && r.how).toBe('aria-controls');
  });
  test('a reused pane id (order form first in the DOM) falls back to the nearest tab panel', () => {
    document.body.innerHTML =
      '<form><div id="pane-1"><button>Open Long</button></div></form>' +
      '<section><div role="tablist"><div role="tab" aria-selected="true" aria-controls="pane-1">仓位(1)</div><div role="tab">当前委托</div></div>' +
      '<div role="tabpanel" id="real"><table></table></div></section>';
    const r = findTabPane(document, ['Positions', '仓位'], hasTable);
    expect(r.kind === 'pane' && r.pane.id).toBe('real');
    expect(r.kind === 'pane' && r.how).toMatch(/aria-controls pointed elsewhere/);
  });
  test('no tab with the label → missing with a reason', () => {
    document.body.innerHTML = '<div role="tab">Open Orders</div>';
    const r = findTabPane(document, ['Positions'], hasTable);
    expect(r).toEqual({ kind: 'missing', reason: expect.stringMatching(/no tab labelled Positions/) });
  });
  test('tab not selected and its pane unmounted → says so', () => {
    document.body.innerHTML =
      '<div role="tablist"><div role="tab" aria-selected="false" aria-controls="p1">Positions</div><div role="tab" aria-selected="true">Open Orders</div></div>';
    const r = findTabPane(document, ['Positions'], hasTable);
    expect(r.kind === 'missing' && r.reason).toMatch(/not selected/);
  });
});
