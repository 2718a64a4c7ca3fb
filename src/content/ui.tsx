/**
 * The content script's UI, loaded lazily (src/content/load-ui.ts): Preact, the overlay's panel and pixel
 * layer, the manual position panel, formatting, view models and our stylesheet. Split off the per-exchange
 * content script (issue 14: ≤ 60 kB per site) so that what a page needs at start (position reading, watcher,
 * messaging, bridge client) stays small. Built as its own ES module (`content-ui.js`, see wxt.config.ts).
 *
 * It only renders: every effect (storage, messaging, the position watcher) stays in the content script and
 * reaches this module as callbacks. Because the module is web-accessible, the page can fetch its source,
 * but that is our public code and gives the page no capability: it runs only when our content script
 * imports it, in the content script's isolated world, with what that script hands it.
 */
import overlayCss from '../overlay/overlay.css?inline';
import { ManualPositionPanel } from '../overlay/ManualPositionPanel';
import { mountOverlay } from '../overlay/render';
import type { OverlayState, Store } from '../overlay/store';
import type { OverlaySettings } from '../overlay/overlay-settings';
import type { Position, Side } from '../engine/types';
import { buildStructureReport, type StructureReportInput } from '../sites/dom/structure-report';

/** The context menu's sizing dialog opener (src/sizing/open-in-page.ts), called by the content script. */
export { openSizingInPage } from '../sizing/open-in-page';
/** Live ticks and the live part of views are checked here, in the lazy chunk (the content script stays small). */
export { checkLiveTick, checkLiveView } from '../overlay/live-check';

export interface UiHooks {
  onOverlayChange: (patch: Partial<OverlaySettings>) => void;
  onSaveManual: (position: Position) => Promise<void> | void;
  onClearManual: () => Promise<void> | void;
  onPickHedge: (side: Side | null) => Promise<void> | void;
  /** What the page-structure report is built from, read when the user asks for it. */
  reportInput: () => StructureReportInput;
}

/** Styles `shadow` and renders the overlay from `store` into `container` (inside `shadow`). */
export function mountUi(shadow: ShadowRoot, container: HTMLElement, store: Store<OverlayState>, hooks: UiHooks): { unmount: () => void } {
  const style = document.createElement('style');
  style.textContent = overlayCss;
  shadow.prepend(style);
  const rendered = mountOverlay(container, store, {
    onOverlayChange: hooks.onOverlayChange,
    // The page reader's manual position panel, in the overlay's details.
    manual: () => <ManualPositionPanel state={store.get().positionState} onSave={hooks.onSaveManual} onClear={hooks.onClearManual} />,
    // Hedge mode: the leg switch in the panel body, next to the position it switches.
    onPickHedge: hooks.onPickHedge,
    report: () => buildStructureReport(hooks.reportInput()),
  });
  return {
    unmount: () => {
      rendered.unmount();
      style.remove();
    },
  };
}
