// Content script (ISOLATED world), one per exchange: position watcher → `watch` to the background →
// overlay rendered from `marketUpdate` pushes; the chart bridge is injected into the page's MAIN world.
// Each exchange's entry (src/sites/<exchange>/content.ts) calls startContent with its own descriptor and
// page adapter, so its bundle carries only that exchange's page reader and never the registry (which
// carries every exchange's API client). The UI that renders the analysis (Preact, panel, stylesheet) is
// loaded lazily as its own module (src/content/ui.tsx via load-ui.ts), with the context menu's sizing
// opener, keeping this script under its 60 kB budget. Wiring only: the logic lives in src/overlay,
// src/bridge, src/position and src/sites.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { injectScript } from 'wxt/utils/inject-script';
import { BridgeClient } from '../bridge/client';
import { createBridgeMessenger, newBridgeToken } from '../bridge/messenger';
import { onMessage, sendMessage, type ContractSpec } from '../messaging';
import { startChartController } from '../overlay/chart-controller';
import { mountOverlayHost } from '../overlay/mount';
import { loadContentUi } from './load-ui';
import { createStore, initialOverlayState, type OverlayState } from '../overlay/store';
import { checkMarketView } from '../overlay/view-check';
import { createManualStore } from '../position/manual-store';
import { watchPosition, type PositionState } from '../position/watcher';
import { coerceOverlay, loadOverlaySettings, overlayFromChange, saveOverlaySettings, type OverlaySettings } from '../overlay/overlay-settings';
import type { SiteAdapter } from '../position/page-adapter';
import type { SiteDescriptor } from '../sites/site';
import type { Exchange } from '../engine/types';

/** The content script's main for one exchange (`site`), reading its pages with `adapter`. */
export async function startContent(ctx: ContentScriptContext, site: SiteDescriptor<Exchange>, adapter: SiteAdapter): Promise<void> {
  // The matches are coarser than a trading page (markets lists, spot…): the adapter decides.
  if (adapter.symbolFromUrl(new URL(location.href)) === null) return;
  const exchange = adapter.exchange;
  const store = createStore<OverlayState>(initialOverlayState(exchange, adapter.symbolFromUrl(new URL(location.href)), Date.now()));

  const onOverlayChange = async (patch: Partial<OverlaySettings>) => {
    store.set({ overlay: coerceOverlay({ ...store.get().overlay, ...patch }) });
    store.set({ overlay: await saveOverlaySettings(browser.storage.local, patch) });
  };

  let positions: ReturnType<typeof watchPosition> | null = null;
  // Each symbol's instrument (coin per contract) from the background's views: a size in contracts is read with it.
  const contracts: Record<string, ContractSpec> = {};
  const ui = mountOverlayHost(document);
  // The UI renders the store as it is when it arrives, then follows it; until then there is nothing on screen.
  let unmountUi: (() => void) | null = null;
  let stopped = false;
  const uiModule = loadContentUi();
  void uiModule.then(
    ({ mountUi }) => {
      if (stopped || ctx.isInvalid) return;
      unmountUi = mountUi(ui.shadow, ui.container, store, {
        onOverlayChange: (p) => void onOverlayChange(p),
        onSaveManual: (p) => positions?.saveManual(p),
        onClearManual: () => positions?.clearManual(),
        onPickHedge: (side) => positions?.pickHedge(side),
        reportInput: () => {
          const ps = store.get().positionState;
          return {
            doc: document,
            panel: adapter.panelRoot(document),
            chartSelectors: site.chartSelectors,
            words: adapter.words ?? [],
            extensionVersion: browser.runtime.getManifest().version,
            exchange,
            symbol: store.get().symbol,
            pageRead: ps?.pageRead ?? 'not read yet',
            health: store.get().health,
          };
        },
      }).unmount;
    },
    (err: unknown) => {
      // Without its UI the overlay cannot say anything else: a plain line says why.
      ui.container.textContent = `LiqLens: overlay not loaded: ${err instanceof Error ? err.message : String(err)}`;
    },
  );
  const stopUi = () => {
    stopped = true;
    unmountUi?.();
    ui.remove();
  };

  void loadOverlaySettings(browser.storage.local).then((overlay) => store.set({ overlay }));
  const onSettings = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const overlay = overlayFromChange(changes, area);
    if (overlay && JSON.stringify(overlay) !== JSON.stringify(store.get().overlay)) store.set({ overlay });
  };
  browser.storage.onChanged.addListener(onSettings);

  // Chart bridge in the page's MAIN world, reached through a namespaced, validated window channel.
  const token = newBridgeToken();
  const bridge = createBridgeMessenger(window, token);
  let bridgeError: string | undefined;
  try {
    // keepInDom: the bridge reads its token from its own tag (document.currentScript), then removes it.
    await injectScript('/chart-bridge.js', { keepInDom: true, modifyScript: (s) => void (s.dataset.liqlensToken = token) });
  } catch (err) {
    bridgeError = `chart bridge not injected: ${err instanceof Error ? err.message : String(err)}`;
  }
  // The extension may have been reloaded while the script was injected: nothing to wire then.
  if (ctx.isInvalid) {
    browser.storage.onChanged.removeListener(onSettings);
    bridge.dispose();
    stopUi();
    return;
  }
  const client = bridgeError ? null : new BridgeClient(bridge.messenger);
  const controller = startChartController({ doc: document, chartSelectors: site.chartSelectors, client, bridgeError, store });

  // Market data: ask the background for this symbol (with the position read from the page).
  let watchGen = 0;
  const acceptView = (raw: unknown) => {
    const checked = checkMarketView(raw);
    if (!checked.ok) return store.set({ viewError: `background sent a bad view: ${checked.error}` });
    const s = store.get();
    if (checked.view.exchange !== exchange || checked.view.symbol !== s.symbol) return; // for another tab state
    store.set({ view: checked.view, viewError: null, now: Date.now() });
    if (checked.view.live !== undefined) acceptLive({ exchange, symbol: checked.view.symbol, live: checked.view.live });
    const c = checked.view.contract;
    if (c && contracts[checked.view.symbol]?.coinPerContract !== c.coinPerContract) {
      contracts[checked.view.symbol] = c;
      positions?.refresh();
    }
  };
  const sendWatch = (ps: PositionState) => {
    const gen = ++watchGen;
    if (!ps.symbol) {
      void sendMessage('unwatch', undefined).catch(() => {});
      return;
    }
    sendMessage('watch', { exchange, symbol: ps.symbol, position: ps.position })
      .then((view) => gen === watchGen && acceptView(view))
      .catch((err: unknown) => gen === watchGen && store.set({ viewError: `background not answering: ${err instanceof Error ? err.message : String(err)}` }));
  };
  const removeUpdate = onMessage('marketUpdate', ({ data }) => acceptView(data));
  // Issue 12: the live stream's ticks (checked in the lazy UI module).
  function acceptLive(raw: unknown): void {
    void uiModule.then((m) => {
      const c = m.checkLiveTick(raw);
      if (c.ok && c.tick.exchange === exchange && c.tick.symbol === store.get().symbol) store.set({ live: c.tick.live });
    }, () => {});
  }
  const removeLive = onMessage('liveTick', ({ data }) => acceptLive(data));
  // Issue 7: the context menu's sizing dialog opens in the overlay's shadow root (src/sizing/open-in-page).
  // Its opener comes with the lazy UI module (the content script stays under budget).
  const removeSizing = onMessage('openSizing', ({ data }) => void uiModule.then((m) => !stopped && m.openSizingInPage(ui.shadow, data), () => {}));

  let lastWatchKey = '';
  positions = watchPosition({
    adapter,
    doc: document,
    getUrl: () => location.href,
    context: (sym) => contracts[sym],
    store: createManualStore((id): id is Exchange => id === exchange, browser.storage.local, browser.storage.onChanged),
    onChange: (ps) => {
      const symbolChanged = ps.symbol !== store.get().symbol;
      store.set({
        symbol: ps.symbol,
        position: ps.position,
        positionSource: ps.source,
        health: ps.health,
        positionState: ps,
        ...(symbolChanged ? { view: null, live: null, viewError: null } : {}),
      });
      const key = JSON.stringify([ps.symbol, ps.position]);
      if (key !== lastWatchKey) {
        lastWatchKey = key;
        sendWatch(ps);
      }
    },
  });

  // Ages tick every 15 s; every minute the watch is renewed, so a restarted service worker (MV3 stops idle
  // ones) learns about this tab again instead of leaving the overlay on a map that never updates.
  let clockTicks = 0;
  const clock = ctx.setInterval(() => {
    store.set({ now: Date.now() });
    ui.ensureAttached();
    const ps = store.get().positionState;
    if (++clockTicks % 4 === 0 && ps) sendWatch(ps);
  }, 15_000);
  ctx.onInvalidated(() => {
    clearInterval(clock);
    positions?.stop();
    removeUpdate();
    removeLive();
    removeSizing();
    browser.storage.onChanged.removeListener(onSettings);
    controller.stop();
    // The page-world bridge outlives us: have it remove our shapes and drop its chart subscriptions.
    void client?.stop();
    bridge.dispose();
    stopUi();
  });
}
