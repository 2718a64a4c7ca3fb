// This exchange's content script (wxt.config.ts adds one entry per registered exchange).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptOptions } from '../../content/options';
import { startContent } from '../../content/start';
import { okxSite } from './descriptor';
import { okxPage } from './page';

export default defineContentScript({ ...contentScriptOptions(okxSite), main: (ctx) => startContent(ctx, okxSite, okxPage) });
