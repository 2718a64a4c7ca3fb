// This exchange's content script (wxt.config.ts adds one entry per registered exchange).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptOptions } from '../../content/options';
import { startContent } from '../../content/start';
import { binanceSite } from './descriptor';
import { binancePage } from './page';

export default defineContentScript({ ...contentScriptOptions(binanceSite), main: (ctx) => startContent(ctx, binanceSite, binancePage) });
