/**
 * Finds the pane of a tab named by its visible text (e.g. "Positions(1)" / "仓位(1)"), the way surviving
 * tools do it (docs/pages-and-overlay.md §1.1, §5.1): `[role="tab"]` by label, selected one first,
 * pane by `aria-controls` with an evidence check (Binance reuses pane ids between panels), else the
 * nearest tab panel after the tab list that passes the same check.
 */
import { isHidden, labelMatch, textOf } from './text';

export type PaneFind =
  | { kind: 'pane'; pane: Element; tab: Element; selected: boolean; how: string }
  | { kind: 'missing'; reason: string; tab?: Element };

export function findTabPane(doc: Document, tabLabels: readonly string[], evidence: (pane: Element) => boolean): PaneFind {
  const tabs = Array.from(doc.querySelectorAll('[role="tab"]')).filter((t) => labelMatch(textOf(t), tabLabels) > 0);
  if (tabs.length === 0) return { kind: 'missing', reason: `no tab labelled ${tabLabels.slice(0, 3).join(' / ')}… on the page` };
  const selected = (t: Element) => t.getAttribute('aria-selected') === 'true';
  tabs.sort((a, b) => Number(selected(b)) - Number(selected(a)));

  for (const tab of tabs) {
    const id = tab.getAttribute('aria-controls');
    const controlled = id ? doc.getElementById(id) : null;
    if (controlled && evidence(controlled)) {
      return { kind: 'pane', pane: controlled, tab, selected: selected(tab), how: 'aria-controls' };
    }
    const near = nearestPanel(tab, evidence);
    if (near) {
      const how = controlled ? 'nearest tab panel (aria-controls pointed elsewhere)' : 'nearest tab panel';
      return { kind: 'pane', pane: near, tab, selected: selected(tab), how };
    }
  }
  const first = tabs[0]!;
  return selected(first)
    ? { kind: 'missing', reason: `"${textOf(first)}" tab found but no positions table in its pane`, tab: first }
    : { kind: 'missing', reason: `"${textOf(first)}" tab is not selected and its pane is not mounted`, tab: first };
}

/** Walks up from the tab list (at most 4 levels) looking for a visible panel that passes `evidence`. */
function nearestPanel(tab: Element, evidence: (pane: Element) => boolean): Element | null {
  let scope: Element | null = tab.closest('[role="tablist"]') ?? tab.parentElement;
  for (let depth = 0; scope && depth < 4; depth++, scope = scope.parentElement) {
    const panels = Array.from(scope.querySelectorAll('[role="tabpanel"]')).filter((p) => !isHidden(p));
    const hit = panels.find(evidence);
    if (hit) return hit;
    if (depth > 0 && evidence(scope)) return scope;
  }
  return null;
}
