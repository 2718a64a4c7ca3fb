import { onMessage } from '../src/messaging';
import { startMarketHub } from '../src/market';
import { createAlertNotifier, focusAlertTab } from '../src/alerts/notifier';
import { marketContext } from '../src/alerts/review';
import { createReviewNotifier } from '../src/alerts/review-notifier';
import { loadSettings } from '../src/settings';
import { createSizingHandler } from '../src/sizing/handler';
import { onSizingMenuClick, registerSizingMenu, type MenuClick } from '../src/sizing/menu';

export default defineBackground(() => {
  onMessage('ping', () => ({ ok: true as const, version: browser.runtime.getManifest().version }));

  // Issue 4: market hub (watch/unwatch/getView, refresh alarm, marketUpdate pushes); logic in src/market.
  // `market` also offers marketOfTab(), seriesFor() and onView() for the sizing and alert wiring.
  const market = startMarketHub();
  // e2e seam (e2e build only: `wxt build --mode e2e`; the production bundle has no such global):
  // scenario tests force a refresh instead of waiting a full refresh period.
  if (import.meta.env.MODE === 'e2e') (globalThis as { __liqlensMarket?: typeof market }).__liqlensMarket = market;

  // Issue 7: context menu "Size position with LiqLens" and alert notifications (logic in src/sizing, src/alerts).
  browser.runtime.onInstalled.addListener(() => void registerSizingMenu());
  const sizingMenuClick = async (info: MenuClick, tab?: { id?: number }) => {
    // The mark prefills the entry when no price is selected.
    const view = tab?.id !== undefined ? await market.getView({ tabId: tab.id }).catch(() => null) : null;
    return onSizingMenuClick(info, tab, view?.analysis?.map.reference);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => void sizingMenuClick(info, tab));
  // e2e seam (e2e build only): automation cannot dispatch contextMenus.onClicked, so tests call the same
  // handler here.
  if (import.meta.env.MODE === 'e2e') {
    (globalThis as { __liqlensSizingMenuClick?: typeof sizingMenuClick }).__liqlensSizingMenuClick = sizingMenuClick;
  }
  browser.notifications.onClicked.addListener((id) => void focusAlertTab(id));
  const sizePosition = createSizingHandler({
    marketOfTab: (tabId) => market.marketOfTab(tabId),
    seriesFor: (exchange, symbol) => market.seriesFor(exchange, symbol),
    settings: loadSettings,
  });
  onMessage('sizePosition', ({ data, sender }) => sizePosition(data, sender.tab?.id));
  // Alerts are evaluated on every view the hub publishes (its refresh runs on its alarm).
  const alerts = createAlertNotifier();
  market.onView((view, tabId) => void alerts.onView(view, tabId));
  // Issue 15: the 4-hourly review of an open position, on the same views (the hub's refresh alarm drives both).
  const reviews = createReviewNotifier({ context: async (view) => marketContext(await market.seriesFor(view.exchange, view.symbol)) });
  market.onView((view) => void reviews.onView(view));
});
