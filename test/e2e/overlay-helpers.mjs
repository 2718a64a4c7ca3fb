// Helpers for the overlay e2e test and benchmark: the background's own view (asked directly, not through the
// overlay), the fake chart handles, and reading what the overlay drew.

/**
 * The background's MarketView for the trading tab showing (exchange, symbol) — the view computed with that
 * tab's position —, asked from an extension page with the messaging wire format, not through the overlay.
 * Falls back to the symbol's view when no tab matches.
 */
export async function backgroundView(browser, exchange, symbol) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const reply = await page.evaluate(
      async ({ exchange, symbol }) => {
        const ask = (data) => chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type: 'getView', data, timestamp: Date.now() });
        const self = (await chrome.tabs.getCurrent())?.id;
        for (const tab of await chrome.tabs.query({})) {
          if (tab.id === undefined || tab.id === self) continue;
          const r = await ask({ tabId: tab.id });
          if (r?.res && r.res.exchange === exchange && r.res.symbol === symbol) return r;
        }
        return ask({ exchange, symbol });
      },
      { exchange, symbol },
    );
    if (reply?.err) throw new Error(`getView failed: ${JSON.stringify(reply.err)}`);
    return reply?.res ?? null;
  } finally {
    await page.close();
  }
}

/** The bands the overlay is specified to draw: up to 8 clusters per side, nearest first. */
export function expectedBands(analysis, perSide = 8) {
  const out = [];
  for (const side of ['long', 'short']) {
    out.push(
      ...analysis.clusters
        .filter((c) => c.side === side && c.low > 0 && c.high > c.low)
        .sort((a, b) => Math.abs(a.distancePct) - Math.abs(b.distancePct))
        .slice(0, perSide),
    );
  }
  return out;
}

/** The fake TradingView frame's test handle, evaluated inside the frame. */
export async function frameChart(page, fn, arg) {
  const frame = page.frames().find((f) => f.url().includes('/__fixture/tv-frame.html'));
  if (!frame) throw new Error('no fake TradingView frame');
  await frame.waitForFunction(() => !!window.__fixtureChart);
  return frame.evaluate(fn, arg);
}

/** Polls `fn` until it returns something truthy; `detail()` explains the last miss in the timeout error. */
export async function waitFor(fn, { timeout = 10_000, interval = 150, what = 'condition', detail } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${detail ? detail() : last instanceof Error ? last.message : JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until the overlay shows analysed data (ok or partial) in the given tier. */
export async function waitForOverlay(page, tier) {
  await page.waitForSelector('liqlens-overlay', { state: 'attached', timeout: 10_000 });
  return waitFor(
    () =>
      page.evaluate((tier) => {
        const root = document.querySelector('liqlens-overlay')?.shadowRoot;
        const st = root?.querySelector('[data-testid=liqlens-status]')?.getAttribute('data-state');
        const t = root?.querySelector('[data-testid=liqlens-tier]')?.getAttribute('data-tier');
        const lfr = root?.querySelector('[data-testid=liqlens-lfr]')?.getAttribute('data-value');
        return (st === 'ok' || st === 'partial') && t === tier && lfr ? { state: st, tier: t } : null;
      }, tier),
    { timeout: 30_000, what: `overlay analysed in ${tier} tier` },
  );
}

/** Pixel-tier bands as drawn: data-* prices and the element's viewport rect. */
export function drawnBands(page) {
  return page.evaluate(() => {
    const root = document.querySelector('liqlens-overlay').shadowRoot;
    return [...root.querySelectorAll('[data-testid=liqlens-band]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { side: el.dataset.side, low: Number(el.dataset.low), high: Number(el.dataset.high), usd: Number(el.dataset.usd), top: r.top, bottom: r.bottom };
    });
  });
}
