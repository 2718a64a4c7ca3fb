// `npm start`: builds the extension and opens Chromium with it loaded on the offline demo exchange.
//   npm start -- --headless --screenshot shot.png   no display: write a PNG and exit
//   npm start -- --exchange bybit|okx|bitget        another exchange's demo page (default binance)
//   npm start -- --symbol ETHUSDT                   another symbol
//   npm start -- --live                             the real exchange page (needs internet; never used in tests)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './fixture-server.mjs';
import { launchBrowser, demoUrl } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] ?? d : d);

const exchange = opt('--exchange', 'binance');
const symbol = opt('--symbol', 'BTCUSDT');
const screenshot = opt('--screenshot', null);
const live = flag('--live');
let headless = flag('--headless') || Boolean(screenshot);
if (!['binance', 'bybit', 'okx', 'bitget'].includes(exchange)) {
  console.error(`--exchange must be binance, bybit, okx or bitget (got ${exchange})`);
  process.exit(2);
}
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found: running headless and writing liqlens-demo.png (use --headless --screenshot FILE to choose).');
  headless = true;
}

if (!flag('--no-build')) {
  const b = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { stdio: 'inherit', cwd: ROOT });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const server = live ? null : await startFixtureServer({ quiet: !flag('--verbose') });
const browser = await launchBrowser({ port: server?.port, live, headless });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
const url = demoUrl(exchange, symbol);
console.log(`${live ? 'Live' : 'Offline demo'}: ${url}${server ? ` (served by the fixture server on 127.0.0.1:${server.port})` : ''}`);
await page.goto(url);
await page.waitForSelector('liqlens-overlay', { state: 'attached', timeout: 15_000 }).catch(() => console.error('The LiqLens overlay did not mount within 15 s.'));

async function shutdown(code = 0) {
  await browser.close();
  await server?.close();
  process.exit(code);
}

if (headless) {
  // Wait for the full map (state ok: every exchange loaded; OKX's first load paces itself for ~10 s under
  // its rate budget), up to 40 s; else take whatever settled state the overlay shows.
  const stateOf = `document.querySelector('liqlens-overlay')?.shadowRoot?.querySelector('[data-testid="liqlens-status"]')?.getAttribute('data-state')`;
  const full = await page.waitForFunction(`${stateOf} === 'ok'`, undefined, { timeout: 40_000, polling: 250 }).then(() => true, () => false);
  if (!full) console.error(`The overlay shows state "${await page.evaluate(stateOf)}", not ok, after 40 s; the screenshot shows what is there.`);
  // Zoom the chart out the way a trader would (−3.5 % … +2.5 % around the mark) so the nearest clusters are in
  // view; the fixture chart's test handle lives in the page (Bybit/Bitget) or its TradingView frame (Binance/OKX).
  if (!live) {
    for (const frame of page.frames()) {
      await frame.evaluate(() => {
        const chart = /** @type {any} */ (window).__fixtureChart;
        if (!chart) return;
        const { from, to } = chart.visibleRange();
        const centre = (from + to) / 2;
        chart.setPriceRange(centre * 0.965, centre * 1.025);
      }).catch(() => {});
    }
  }
  await page.waitForTimeout(800);
  const file = path.resolve(screenshot ?? 'liqlens-demo.png');
  await page.screenshot({ path: file });
  console.log(`Screenshot written: ${file}`);
  await shutdown(0);
} else {
  console.log('Close the browser window (or press Ctrl-C) to stop.');
  browser.context.on('close', () => shutdown(0));
  process.on('SIGINT', () => shutdown(0));
}
