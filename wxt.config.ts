import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

import { API_HOST_PATTERNS, PAGE_ORIGIN_PATTERNS, SITES, TRADING_PAGE_MATCHES } from './src/sites';

export { TRADING_PAGE_MATCHES };

/** Public market-data hosts the service worker fetches from (no keys, no cookies). */
export const API_HOSTS = [...API_HOST_PATTERNS];

/** Trading-page origins that may load the chart bridge (page MAIN world, see entrypoints/chart-bridge.ts). */
export const CHART_BRIDGE_ORIGINS = [...PAGE_ORIGIN_PATTERNS];

export default defineConfig({
  hooks: {
    // One content script per registered exchange (src/sites/<exchange>/content.ts → content-scripts/<exchange>.js),
    // so a trading page loads only its own page reader.
    'entrypoints:found': (_wxt, infos) => {
      for (const site of SITES) infos.push({ name: site.id, inputPath: resolve(import.meta.dirname, 'src/sites', site.id, 'content.ts'), type: 'content-script' });
    },
  },
  // Firefox's sources package: the source only, never test output or the fixture server's key.
  zip: { excludeSources: ['test-results/**', '.certs/**', 'liqlens-demo.png', 'shot.png'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'LiqLens',
    description:
      'Estimated liquidation clusters, a suggested stop and the Liquidation Fuel Ratio, drawn on your futures exchange chart.',
    permissions: ['storage', 'alarms', 'contextMenus', 'notifications'],
    host_permissions: API_HOSTS,
    web_accessible_resources:
      manifestVersion === 2
        ? ['chart-bridge.js', 'sizing.html']
        : [
            { resources: ['chart-bridge.js'], matches: CHART_BRIDGE_ORIGINS },
            // The sizing dialog (context menu) is framed into trading pages: see src/sizing/open-in-page.ts.
            { resources: ['sizing.html'], matches: CHART_BRIDGE_ORIGINS },
          ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'liqlens@liqlens.app', strict_min_version: '115.0' } } } : {}),
  }),
});
