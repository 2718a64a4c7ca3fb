// Launches real Chromium with the built, unmodified extension, every exchange host mapped to the local
// fixture server, and every other hostname unresolvable, so no request can leave loopback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';
import { ALL_HOSTS } from './fixture-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
/** The e2e build (`npm run build:e2e`, WXT mode "e2e"): the production code plus the test seams. */
export const E2E_EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3-e2e');

/** The resolver rules: exchange hosts → the fixture server; everything else → NOTFOUND (loopback excepted). */
export function hostResolverRules(port, hosts = ALL_HOSTS) {
  return [...hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'].join(', ');
}

/**
 * Opens a persistent context with the extension loaded.
 * @param {{ port?: number, live?: boolean, headless?: boolean, viewport?: {width:number,height:number}, hasTouch?: boolean, userDataDir?: string, build?: 'production' | 'e2e' }} opts
 *   port: fixture server port (required unless live). live: no host mapping (real exchanges; never in tests).
 *   build: which build to load; tests load the e2e build, whose test seams the production build lacks.
 *   hasTouch: a touch screen (taps), for the phone-sized tests.
 * @returns {Promise<{ context, extensionId: string, serviceWorker, userDataDir: string, close: () => Promise<void> }>}
 */
export async function launchBrowser({ port, live = false, headless = true, viewport = { width: 1280, height: 800 }, hasTouch = false, userDataDir, build = 'production' } = {}) {
  const extensionDir = build === 'e2e' ? E2E_EXTENSION_DIR : EXTENSION_DIR;
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`Built extension not found in ${extensionDir}: run "npm run ${build === 'e2e' ? 'build:e2e' : 'build'}" first.`);
  }
  if (!live && !port) throw new Error('launchBrowser: the fixture server port is required');
  const dataDir = userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-chromium-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
  ];
  if (!live) {
    args.push(`--host-resolver-rules=${hostResolverRules(port)}`, '--ignore-certificate-errors');
  }
  const context = await chromium.launchPersistentContext(dataDir, {
    executablePath: findChromium(),
    headless,
    viewport,
    hasTouch,
    args,
  });
  let [serviceWorker] = context.serviceWorkers();
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir: dataDir,
    close: async () => {
      await context.close().catch(() => {});
      if (!userDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Trading-page URL of the demo for an exchange and symbol (the real URL patterns). */
export function demoUrl(exchange, symbol = 'BTCUSDT', locale = 'en') {
  const base = symbol.replace(/USDT$/, '');
  switch (exchange) {
    case 'binance': return `https://www.binance.com/${locale}/futures/${symbol}`;
    case 'bybit': return `https://www.bybit.com/trade/usdt/${symbol}`;
    case 'okx': return `https://www.okx.com/trade-swap/${base.toLowerCase()}-usdt-swap`;
    case 'bitget': return `https://www.bitget.com/futures/usdt/${symbol}`;
    default: throw new Error(`unknown exchange ${exchange}`);
  }
}
