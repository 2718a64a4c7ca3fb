// This exchange's content script (wxt.config.ts adds one entry per registered exchange).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptOptions } from '../../content/options';
import { startContent } from '../../content/start';
import { bitgetSite } from './descriptor';
import { bitgetPage } from './page';

export default defineContentScript({ ...contentScriptOptions(bitgetSite), main: (ctx) => startContent(ctx, bitgetSite, bitgetPage) });
