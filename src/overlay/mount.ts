/**
 * The overlay's host: a `liqlens-overlay` element with an OPEN shadow root (stable hook for tests and
 * assistive tech), our stylesheet inside it, fixed at the viewport origin so children position in viewport
 * pixels. Hand-made rather than WXT's createShadowRootUi, which brings ≈ 7 kB of helpers (anchoring,
 * auto-mount, CSS fetching) this overlay does not use, into a content script budgeted at 60 kB.
 */
export interface OverlayHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  /** Puts the host back if the page's own rendering removed it. */
  ensureAttached(): void;
  remove(): void;
}

export const OVERLAY_TAG = 'liqlens-overlay';

/** `css`, when given, goes first in the shadow root (the content script's lazy UI adds its own, see src/content/ui.tsx). */
export function mountOverlayHost(doc: Document, css?: string): OverlayHost {
  const host = doc.createElement(OVERLAY_TAG);
  // A 0×0 fixed box at the origin: never covers the page, never takes pointer events itself.
  host.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;overflow:visible;z-index:2147483000;display:block';
  const shadow = host.attachShadow({ mode: 'open' });
  const container = doc.createElement('div');
  if (css !== undefined) {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  shadow.append(container);
  // Typing in our controls (manual position form) must not reach the exchange's page: key events are
  // composed and would bubble out of the shadow root into its hotkey handlers (e.g. single-key order shortcuts).
  for (const type of ['keydown', 'keyup', 'keypress'] as const) container.addEventListener(type, (e) => e.stopPropagation());
  const attach = () => (doc.body ?? doc.documentElement).append(host);
  attach();
  return {
    host,
    shadow,
    container,
    ensureAttached: () => {
      if (!host.isConnected) attach();
    },
    remove: () => host.remove(),
  };
}
