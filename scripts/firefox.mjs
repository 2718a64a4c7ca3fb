// Real Firefox (ESR) for the Firefox e2e: finds it (FIREFOX_PATH, then Debian's /usr/bin/firefox-esr; as root
// on Debian it installs the `firefox-esr` package with apt; otherwise one clear error line) and launches it
// headless through puppeteer-core over WebDriver BiDi with the built Firefox extension installed as a
// temporary add-on. Firefox has no --host-resolver-rules, so every request goes through the loopback CONNECT
// proxy (scripts/connect-proxy.mjs): the exchange hosts tunnel to the fixture server, all else is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startConnectProxy } from './connect-proxy.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** `npx wxt build -b firefox` */
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output', 'firefox-mv2');
const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
/** A fixed moz-extension:// UUID, so extension URLs are known before launch. */
export const EXTENSION_UUID = '5a1e1e45-1a5e-4c1e-9c1e-11e0f1e0c0de';

export function findFirefox({ install = true } = {}) {
  if (process.env.FIREFOX_PATH) {
    if (fs.existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist`);
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.error('Firefox not found: installing Debian package "firefox-esr" with apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null', { stdio: 'inherit' });
    if (fs.existsSync('/usr/bin/firefox-esr')) return '/usr/bin/firefox-esr';
  }
  throw new Error('Firefox not found: install it (Debian: sudo apt-get install firefox-esr) or set FIREFOX_PATH to a Firefox binary.');
}

/**
 * Launches headless Firefox with the Firefox build installed as a temporary add-on, all traffic through the
 * loopback proxy to the fixture server on `port`. `output` collects Firefox's stdout/stderr lines (content
 * and extension console messages are printed there: devtools.console.stdout.*).
 * @param {{ port: number, extensionDir?: string, headless?: boolean }} opts
 */
export async function launchFirefox({ port, extensionDir = FIREFOX_EXTENSION_DIR, headless = true }) {
  const manifestFile = path.join(extensionDir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`Built Firefox extension not found in ${extensionDir}: run "npx wxt build -b firefox" first.`);
  if (!port) throw new Error('launchFirefox: the fixture server port is required');
  const geckoId = JSON.parse(fs.readFileSync(manifestFile, 'utf8')).browser_specific_settings?.gecko?.id;
  const executablePath = findFirefox();
  // Imported here so a missing Firefox fails with its own line before puppeteer is loaded.
  const { default: puppeteer } = await import('puppeteer-core');
  // The registry's hosts (loaded here, not at import: findFirefox alone needs none of it).
  const { ALL_HOSTS } = await import('./fixture-server.mjs');
  const proxy = await startConnectProxy({ targetPort: port, hosts: ALL_HOSTS });
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-firefox-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      acceptInsecureCerts: true,
      userDataDir: profileDir,
      defaultViewport: { width: 1400, height: 900 },
      // Lets the driver open moz-extension:// pages (the popup) in a tab.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.http.http3.enable': false,
        'network.trr.mode': 5,
        'network.dns.disablePrefetch': true,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': true,
      },
    });
  } catch (err) {
    await proxy.close();
    fs.rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
  const output = [];
  const proc = browser.process();
  for (const stream of [proc?.stdout, proc?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines);
    });
  }
  const extensionId = await browser.installExtension(extensionDir);
  return {
    browser,
    extensionId,
    extensionOrigin: `moz-extension://${EXTENSION_UUID}`,
    proxy,
    output,
    close: async () => {
      await browser.close().catch(() => {});
      await proxy.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
