import { resolve } from 'node:path';
import { build as viteBuild } from 'vite';
import { defineConfig } from 'wxt';

import { API_HOST_PATTERNS, PAGE_ORIGIN_PATTERNS, SITES, TRADING_PAGE_MATCHES } from './src/sites';

export { TRADING_PAGE_MATCHES };

/** Public market-data hosts the service worker fetches from (no keys, no cookies). */
export const API_HOSTS = [...API_HOST_PATTERNS];

/** Trading-page origins that may load the chart bridge (page MAIN world, see entrypoints/chart-bridge.ts). */
export const CHART_BRIDGE_ORIGINS = [...PAGE_ORIGIN_PATTERNS];

/**
 * The content scripts' lazily loaded UI (src/content/ui.tsx → content-ui.js): an ES module, which WXT
 * emits only for the background, so built here by Vite next to WXT's output (see src/content/load-ui.ts).
 * Self-contained (its own copy of Preact; shares no module state with the content script, which hands it
 * the store and callbacks).
 */
async function buildContentUi(outDir: string, mode: string): Promise<void> {
  await viteBuild({
    configFile: false,
    logLevel: 'warn',
    mode,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      // Vite keeps an ES library's whitespace; this module is only ever loaded by us, so minify it fully.
      rolldownOptions: { output: { minify: true } },
      lib: { entry: resolve(import.meta.dirname, 'src/content/ui.tsx'), formats: ['es'], fileName: () => 'content-ui.js' },
    },
  });
}

export default defineConfig({
  hooks: {
    // Firefox bundles the UI into each content script instead (src/content/load-ui.ts).
    'build:done': (wxt) => (wxt.config.browser === 'firefox' ? undefined : buildContentUi(wxt.config.outDir, wxt.config.mode)),
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
        ? // No content-ui.js: the Firefox content scripts carry their UI (src/content/load-ui.ts).
          ['chart-bridge.js', 'sizing.html']
        : [
            { resources: ['chart-bridge.js'], matches: CHART_BRIDGE_ORIGINS },
            // The content scripts' lazy UI module, imported by them (src/content/load-ui.ts). The page can fetch
            // this public code too; it gains no capability from it (see src/content/ui.tsx).
            { resources: ['content-ui.js'], matches: CHART_BRIDGE_ORIGINS },
            // The sizing dialog (context menu) is framed into trading pages: see src/sizing/open-in-page.ts.
            { resources: ['sizing.html'], matches: CHART_BRIDGE_ORIGINS },
          ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // We collect nothing: `none` (required by AMO for new listings), which Firefox reads from 140 on
            // desktop and from 142 on Android.
            gecko: { id: 'liqlens@liqlens.app', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
