import { onMessage } from '../src/messaging';
import { focusAlertTab } from '../src/alerts/notifier';
import { onSizingMenuClick, registerSizingMenu } from '../src/sizing/menu';

export default defineBackground(() => {
  onMessage('ping', () => ({ ok: true as const, version: browser.runtime.getManifest().version }));

  // Issue 7: context menu "Size position with LiqLens" and alert notifications (logic in src/sizing, src/alerts).
  browser.runtime.onInstalled.addListener(() => void registerSizingMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => void onSizingMenuClick(info, tab));
  browser.notifications.onClicked.addListener((id) => void focusAlertTab(id));
});
