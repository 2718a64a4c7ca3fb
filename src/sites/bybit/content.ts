// This exchange's content script (wxt.config.ts adds one entry per registered exchange).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptOptions } from '../../content/options';
import { startContent } from '../../content/start';
import { bybitSite } from './descriptor';
import { bybitPage } from './page';

export default defineContentScript({ ...contentScriptOptions(bybitSite), main: (ctx) => startContent(ctx, bybitSite, bybitPage) });
