/**
 * The context menu "Size position with LiqLens" (background side). Shown only on trading pages, on the
 * page and on a selection (a selected price becomes the entry). A click asks the tab's content script to
 * open the in-page sizing dialog.
 */
import { browser, type Browser } from 'wxt/browser';
import { sendMessage } from '../messaging';
import { TRADING_PAGE_MATCHES } from '../sites/matches';

export const SIZING_MENU_ID = 'liqlens-size-position';
export const SIZING_MENU_TITLE = 'Size position with LiqLens';

/** Trading pages: the same list as the content script's matches. */
export const TRADING_PAGE_PATTERNS: string[] = [...TRADING_PAGE_MATCHES];

/** (Re)creates the menu item; called on install/update (menus persist across service-worker restarts). */
export async function registerSizingMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: SIZING_MENU_ID,
    title: SIZING_MENU_TITLE,
    contexts: ['page', 'selection'],
    documentUrlPatterns: TRADING_PAGE_PATTERNS,
  });
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

/** Handles a menu click: tells the tab to open the dialog. Returns whether the tab was reached. */
export async function onSizingMenuClick(info: MenuClick, tab: Pick<Browser.tabs.Tab, 'id'> | undefined, mark?: number): Promise<boolean> {
  if (info.menuItemId !== SIZING_MENU_ID || tab?.id === undefined) return false;
  const req: { selectionText?: string; mark?: number } = {};
  if (info.selectionText) req.selectionText = info.selectionText.slice(0, 64);
  if (mark !== undefined && Number.isFinite(mark) && mark > 0) req.mark = mark;
  try {
    await sendMessage('openSizing', req, tab.id);
    return true;
  } catch (e) {
    console.warn('[liqlens] the page did not answer the sizing request (reload it?)', e);
    return false;
  }
}
