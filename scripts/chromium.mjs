// Finds Chromium for tests and the demo: CHROME_PATH, then Debian's /usr/bin/chromium; as root on Debian
// it installs the `chromium` package with apt; otherwise it fails with one clear line.
import fs from 'node:fs';
import { execSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium({ install = true } = {}) {
  if (process.env.CHROME_PATH) {
    if (fs.existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist`);
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.error('Chromium not found: installing Debian package "chromium" with apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit' });
    if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error('Chromium not found: install it (Debian: sudo apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.');
}
