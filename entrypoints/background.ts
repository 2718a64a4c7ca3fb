import { onMessage } from '../src/messaging';
import { startMarketHub } from '../src/market';
import { focusAlertTab } from '../src/alerts/notifier';
import { onSizingMenuClick, registerSizingMenu, type MenuClick } from '../src/sizing/menu';

export default defineBackground(() => {
  onMessage('ping', () => ({ ok: true as const, version: browser.runtime.getManifest().version }));

  // Issue 4: market hub (watch/unwatch/getView, refresh alarm, marketUpdate pushes); logic in src/market.
  // `market` also offers marketOfTab(), seriesFor() and onView() for the sizing and alert wiring.
  const market = startMarketHub();
  void market;

  // Issue 7: context menu "Size position with LiqLens" and alert notifications (logic in src/sizing, src/alerts).
  browser.runtime.onInstalled.addListener(() => void registerSizingMenu());
  const sizingMenuClick = (info: MenuClick, tab?: { id?: number }) => onSizingMenuClick(info, tab);
  browser.contextMenus.onClicked.addListener((info, tab) => void sizingMenuClick(info, tab));
  // e2e seam: automation cannot dispatch contextMenus.onClicked, so tests call the same handler here.
  (globalThis as { __liqlensSizingMenuClick?: typeof sizingMenuClick }).__liqlensSizingMenuClick = sizingMenuClick;
  browser.notifications.onClicked.addListener((id) => void focusAlertTab(id));
});
