/**
 * A MutationObserver scoped to the adapter's positions panel, never the whole body, re-attached when the
 * panel root changes (React replaced it, or it appeared).
 */
import type { SiteAdapter } from './page-adapter';

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['aria-selected', 'aria-hidden', 'hidden', 'style', 'aria-colindex', 'data-testid'],
};

const ANCESTOR_LEVELS = 3;

export interface PanelObserver {
  /** Observes the current panel root; true when it changed since the last call. */
  attach(): boolean;
  /** The panel root being observed, null when the page shows none. */
  observed(): Element | null;
  disconnect(): void;
}

export function panelObserver(adapter: Pick<SiteAdapter, 'panelRoot'>, doc: Document, onMutation: () => void): PanelObserver {
  const view = doc.defaultView;
  let observed: Element | null = null;
  let observer: MutationObserver | null = null;
  const disconnect = () => {
    observer?.disconnect();
    observer = null;
  };
  return {
    attach() {
      const root = adapter.panelRoot(doc);
      if (root === observed && (root === null || root.isConnected)) return false;
      disconnect();
      observed = root;
      if (root && view?.MutationObserver) {
        observer = new view.MutationObserver(() => onMutation());
        observer.observe(root, OBSERVE);
        // React often replaces the panel wholesale: watch the few ancestors' child lists (not their subtrees)
        // so a replacement is read after the debounce instead of at the next poll.
        let up = root.parentElement;
        for (let i = 0; up && up !== doc.body && i < ANCESTOR_LEVELS; i++, up = up.parentElement) {
          observer.observe(up, { childList: true });
        }
      }
      return true;
    },
    observed: () => observed,
    disconnect,
  };
}
