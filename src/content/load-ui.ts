/**
 * Loads the content script's UI (src/content/ui.tsx, built as the ES module `content-ui.js`) on first use.
 * A dynamic import() of our own web-accessible module runs it in this content script's isolated world
 * (Chrome MV3; Firefox since 89). The bundler must leave this import alone: the module is built separately.
 */
import { browser } from 'wxt/browser';
import type * as Ui from './ui';

export const CONTENT_UI_FILE = 'content-ui.js';

export type ContentUi = typeof Ui;

export async function loadContentUi(): Promise<ContentUi> {
  // Firefox: bundled into the content script instead. Mozilla's review (addons-linter) flags an import() of a
  // computed URL, and an MV2 add-on cannot restrict which origins may fetch a web-accessible file.
  if (import.meta.env.FIREFOX) return import('./ui');
  // Not a WXT entrypoint, so not in WXT's typed list of public paths.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${CONTENT_UI_FILE}`);
  return (await import(/* @vite-ignore */ url)) as ContentUi;
}
