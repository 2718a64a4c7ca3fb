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

describe('findTabPane: pages that keep every pane mounted', () => {
  const strip = (selected: number) =>
    `<div role="tablist">${['Positions(1)', 'Open Orders(1)', 'History'].map((t, i) => `<div role="tab" aria-selected="${i === selected}">${t}</div>`).join('')}</div>`;
  test('the pane at the tab’s position among sibling panes, even hidden, never the visible one of another tab', () => {
    document.body.innerHTML =
      `<section>${strip(1)}<div class="panes">` +
      '<div class="bn-tab-pane" id="pos" style="display:none"><table></table></div>' +
      '<div class="bn-tab-pane active" id="orders"><table></table></div>' +
      '<div class="bn-tab-pane" style="display:none"></div></div></section>';
    const r = findTabPane(document, ['Positions'], hasTable);
    expect(r.kind === 'pane' && r.pane.id).toBe('pos');
    expect(r.kind === 'pane' && r.how).toBe('pane 1 of 3 beside the tab list, hidden but mounted');
  });
  test('a pane group that does not have one pane per tab is not paired by position', () => {
    document.body.innerHTML = `<section>${strip(0)}<div class="panes"><div class="bn-tab-pane" id="only" role="tabpanel"><table></table></div></div></section>`;
    const r = findTabPane(document, ['Positions'], hasTable);
    expect(r.kind === 'pane' && r.how).toBe('nearest tab panel');
  });
  test('aria-labelledby pairs a pane with its tab', () => {
    document.body.innerHTML = '<div role="tablist"><div role="tab" id="t-pos" aria-selected="true">Positions</div></div><main><div aria-labelledby="x t-pos" id="lab"><table></table></div></main>';
    const r = findTabPane(document, ['Positions'], hasTable);
    expect(r.kind === 'pane' && [r.pane.id, r.how]).toEqual(['lab', 'aria-labelledby']);
  });
  test('a selector names the tab whatever its language; the label list is still tried', () => {
    document.body.innerHTML = '<div role="tablist"><div role="tab" data-pane-id="positions" aria-selected="true" aria-controls="p">Posiciones (2)</div></div><div id="p"><table></table></div>';
    expect(findTabPane(document, { labels: ['Positions'], selector: '[role="tab"][data-pane-id="positions"]' }, hasTable).kind).toBe('pane');
    expect(findTabPane(document, { labels: ['Positions'] }, hasTable).kind).toBe('missing');
  });
});
