/**
 * Finds the pane of a tab named by its visible text (e.g. "Positions(1)" / "仓位(1)" / "Open positions (2)")
 * or matched by a selector (OKX `[role=tab][data-pane-id=positions]`, whatever its language), the way
 * surviving tools do it (docs/pages-and-overlay.md §1, §5.1). Selected tab first; for each tab, in order:
 *   1. `aria-controls`, with an evidence check (Binance reuses pane ids between panels);
 *   2. a pane `aria-labelledby` the tab;
 *   3. the pane at the tab's position among a group of sibling panes, one per tab: pages that keep every
 *      pane mounted and hide the inactive ones (Binance) then still give the Positions pane, hidden or
 *      not, and never a visible Open Orders pane with look-alike columns;
 *   4. the nearest visible tab panel after the tab list that passes the same check.
 * Users may reorder the tabs (OKX): nothing here depends on a tab's position in the strip other than to
 * pair it with its own pane.
 */
import { isHidden, labelMatch, textOf } from './text';

export type PaneFind =
  | { kind: 'pane'; pane: Element; tab: Element; selected: boolean; how: string }
  | { kind: 'missing'; reason: string; tab?: Element };

export interface TabQuery {
  /** Tab labels ("Positions", "仓位", …), matched ignoring counters. */
  labels: readonly string[];
  /** A selector that names the tab whatever its text (e.g. a `data-pane-id`). */
  selector?: string;
}

export function findTabPane(doc: Document, query: TabQuery | readonly string[], evidence: (pane: Element) => boolean): PaneFind {
  const { labels, selector } = 'labels' in query ? query : { labels: query, selector: undefined };
  const bySelector = selector ? Array.from(doc.querySelectorAll(selector)) : [];
  const tabs = [...bySelector, ...Array.from(doc.querySelectorAll('[role="tab"]')).filter((t) => !bySelector.includes(t) && labelMatch(textOf(t), labels) > 0)];
  if (tabs.length === 0) return { kind: 'missing', reason: `no tab labelled ${labels.slice(0, 3).join(' / ')}… on the page` };
  const selected = (t: Element) => t.getAttribute('aria-selected') === 'true';
  tabs.sort((a, b) => Number(selected(b)) - Number(selected(a)));

  for (const tab of tabs) {
    const found = paneOf(doc, tab, evidence);
    if (found) return { kind: 'pane', pane: found.pane, tab, selected: selected(tab), how: found.how };
  }
  const first = tabs[0]!;
  return selected(first)
    ? { kind: 'missing', reason: `"${textOf(first)}" tab found but no positions table in its pane`, tab: first }
    : { kind: 'missing', reason: `"${textOf(first)}" tab is not selected and its pane is not mounted`, tab: first };
}

function paneOf(doc: Document, tab: Element, evidence: (pane: Element) => boolean): { pane: Element; how: string } | null {
  const id = tab.getAttribute('aria-controls');
  const controlled = id ? doc.getElementById(id) : null;
  if (controlled && evidence(controlled)) return { pane: controlled, how: 'aria-controls' };
  const elsewhere = controlled ? ' (aria-controls pointed elsewhere)' : '';
  const labelled = tab.id ? doc.querySelector(`[aria-labelledby~="${CSS.escape(tab.id)}"]`) : null;
  if (labelled && evidence(labelled)) return { pane: labelled, how: `aria-labelledby${elsewhere}` };
  const positional = paneByPosition(tab);
  if (positional && evidence(positional.pane)) {
    const hidden = isHidden(positional.pane) ? ', hidden but mounted' : '';
    return { pane: positional.pane, how: `pane ${positional.index + 1} of ${positional.count} beside the tab list${hidden}${elsewhere}` };
  }
  const near = nearestPanel(tab, evidence);
  if (near) return { pane: near, how: `nearest tab panel${elsewhere}` };
  return null;
}

/** Elements that look like tab panes: role=tabpanel, or a class naming a tab pane / tab panel. */
const PANE_LIKE = '[role="tabpanel"], [class*="tab-pane"], [class*="tabpane"], [class*="tabs-panel"], [class*="tab-panel"]';

/**
 * The pane paired with `tab` by position: near the tab list, a group of sibling pane-like elements with
 * exactly one pane per tab of the list; the tab's index picks its pane.
 */
function paneByPosition(tab: Element): { pane: Element; index: number; count: number } | null {
  const list = tab.closest('[role="tablist"]');
  if (!list) return null;
  const tabs = Array.from(list.querySelectorAll('[role="tab"]'));
  const index = tabs.indexOf(tab);
  if (index < 0 || tabs.length < 2) return null;
  let scope: Element | null = list.parentElement;
  for (let depth = 0; scope && depth < 4; depth++, scope = scope.parentElement) {
    const groups = new Map<Element, Element[]>();
    for (const el of Array.from(scope.querySelectorAll(PANE_LIKE))) {
      if (el.getAttribute('role') === 'tab' || list.contains(el) || el.contains(list) || !el.parentElement) continue;
      const g = groups.get(el.parentElement) ?? [];
      g.push(el);
      groups.set(el.parentElement, g);
    }
    for (const g of groups.values()) if (g.length === tabs.length) return { pane: g[index]!, index, count: g.length };
  }
  return null;
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
