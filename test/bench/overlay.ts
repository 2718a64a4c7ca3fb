/**
 * Overlay benchmark (docs/design.md §11): scripting time of one overlay update after a price-range change, in real
 * Chromium with the built extension on the Bybit fixture page (pixel tier: DOM-axis calibration + re-render).
 * The content script times each update itself (performance.measure 'liqlens:overlay-update' while the page
 * has data-liqlens-perf); the median is `overlay_update_ms` (budget ≤ 1 ms). Also: the largest per-exchange
 * content-script bundle, `content_script_kb_max` (budget ≤ 60 kB minified), the UI module they load lazily, `content_ui_kb`
 * (src/content/ui.tsx, no budget of its own: it loads after the page reading has started) and, on the Binance page with a warm cache, the time from the fake
 * chart having its candles to our first native shape (`bands_after_chart_ready_ms`, budget ≤ 500 ms).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONTENT_DIR = path.join(ROOT, '.output', 'chrome-mv3', 'content-scripts');
const E2E_CONTENT_DIR = path.join(ROOT, '.output', 'chrome-mv3-e2e', 'content-scripts');
/** One content script per exchange (content-scripts/<exchange>.js). */
const contentScripts = () => (fs.existsSync(CONTENT_DIR) ? fs.readdirSync(CONTENT_DIR).filter((f) => f.endsWith('.js')).map((f) => path.join(CONTENT_DIR, f)) : []);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function run(): Promise<Record<string, number>> {
  // The size is the production bundle's; the timing needs the e2e build (its data-liqlens-perf switch).
  const builds: [string, string[]][] = [[CONTENT_DIR, ['build']], [E2E_CONTENT_DIR, ['build', '--mode', 'e2e']]];
  for (const [dir, args] of builds) {
    if (fs.existsSync(dir)) continue;
    const env = { ...process.env, NODE_ENV: 'production' };
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), args, { cwd: ROOT, stdio: 'ignore', env });
    if (r.status !== 0) throw new Error(`overlay bench: wxt ${args.join(' ')} failed`);
  }
  // @ts-expect-error plain ESM helpers without type declarations
  const { startFixtureServer } = await import('../../scripts/fixture-server.mjs');
  // @ts-expect-error plain ESM helpers without type declarations
  const { launchBrowser, demoUrl } = await import('../../scripts/browser.mjs');
  // @ts-expect-error plain ESM helpers without type declarations
  const { waitForOverlay } = await import('../e2e/overlay-helpers.mjs');
  const server = await startFixtureServer();
  const browser = await launchBrowser({ build: 'e2e', port: server.port, viewport: { width: 1400, height: 900 } });
  try {
    const page = await browser.context.newPage();
    await page.goto(demoUrl('bybit'));
    await waitForOverlay(page, 'pixel');
    const durations: number[] = await page.evaluate(async () => {
      const chart = (window as unknown as { __fixtureChart: { visibleRange(): { from: number; to: number }; setPriceRange(a: number, b: number): void } }).__fixtureChart;
      document.documentElement.setAttribute('data-liqlens-perf', '');
      performance.clearMeasures('liqlens:overlay-update');
      const r = chart.visibleRange();
      const mid = (r.from + r.to) / 2;
      const half = (r.to - r.from) / 2;
      for (let i = 0; i < 60; i++) {
        const k = 1 + 0.2 * Math.sin(i);
        chart.setPriceRange(mid - half * k + i, mid + half * k + i);
        await new Promise((res) => setTimeout(res, 160));
      }
      return performance.getEntriesByName('liqlens:overlay-update').map((e) => e.duration);
    });
    if (durations.length < 20) throw new Error(`overlay bench: only ${durations.length} updates observed`);

    // Warm cache now (the Bybit page loaded BTCUSDT): a Binance page load until our first native shape.
    const native = await browser.context.newPage();
    await native.goto(demoUrl('binance'));
    const frame = await (async () => {
      for (let i = 0; i < 100; i++) {
        const f = native.frames().find((x: { url(): string }) => x.url().includes('/__fixture/tv-frame.html'));
        if (f) return f;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('overlay bench: no chart frame');
    })();
    await frame.waitForFunction(() => {
      const c = (window as unknown as { __fixtureChart?: { readyAt: number | null; shapes(): { owner: string }[] } }).__fixtureChart;
      return !!c && c.readyAt !== null && c.shapes().some((s) => s.owner === 'api');
    }, undefined, { timeout: 20_000 });
    const timing = await frame.evaluate(() => {
      const c = (window as unknown as { __fixtureChart: { readyAt: number; shapes(): { owner: string; createdAt: number }[] } }).__fixtureChart;
      const first = Math.min(...c.shapes().filter((s) => s.owner === 'api').map((s) => s.createdAt));
      return { afterReady: first - c.readyAt, afterNavigation: first - (window.top ?? window).performance.timeOrigin };
    });
    return {
      overlay_update_ms: Number(median(durations).toFixed(3)),
      overlay_update_p95_ms: Number([...durations].sort((a, b) => a - b)[Math.floor(durations.length * 0.95)]!.toFixed(3)),
      overlay_updates_measured: durations.length,
      content_script_kb_max: Number((Math.max(...contentScripts().map((f) => fs.statSync(f).size)) / 1000).toFixed(2)),
      content_ui_kb: Number((fs.statSync(path.join(CONTENT_DIR, '..', 'content-ui.js')).size / 1000).toFixed(2)),
      // Negative means our shapes were there before the candles (drawn as soon as the widget answered).
      bands_after_chart_ready_ms: Math.round(timing.afterReady),
      bands_after_navigation_ms: Math.round(timing.afterNavigation),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
