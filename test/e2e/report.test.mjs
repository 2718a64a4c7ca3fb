// The page-structure report (issue 11 item 6), in the built extension on a fixture page: the panel's
// details offer "Copy page report"; clicking it shows the report it copies. It describes the positions
// panel (headers, the first row's shape) and carries none of the user's values the page holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchBrowser, demoUrl } from '../../scripts/browser.mjs';
import { overlay } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser({ build: 'e2e', port: server.port });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('okx: "Copy page report" shows a masked skeleton of the positions panel and the chart', async () => {
  const page = await browser.context.newPage();
  await page.goto(demoUrl('okx'));
  await overlay(page, '[data-testid="liqlens-position"]').waitFor({ state: 'attached', timeout: 15_000 });
  // What a real account panel also holds: a balance, an order id, a user name; and the page's cookie.
  await page.evaluate(() => {
    const row = document.querySelector('[role="tabpanel"] [role="gridcell"]');
    row?.insertAdjacentHTML('beforeend', '<span aria-label="uid 5550123 jdoe">Balance 98,765.43 USDT · Order 771234567</span>');
    document.cookie = 'session=SeCrEtCookie';
  });
  await overlay(page, '.ll-details > summary').click();
  await overlay(page, '[data-testid="liqlens-report"]').click();
  const box = overlay(page, '[data-testid="liqlens-report-text"]');
  await box.waitFor({ timeout: 5_000 });
  const report = await box.inputValue();
  assert.match(report, /^exchange: okx$/m);
  assert.match(report, /^path: \/trade-swap\/btc-usdt-swap$/m);
  assert.match(report, /^ {2}headers: "Instrument", "Size"/m);
  assert.match(report, /^ {2}first row: .*"9\.9999 BTC"/m);
  assert.match(report, /^## chart$/m);
  for (const secret of ['98,765', '771234567', '5550123', 'jdoe', 'SeCrEt']) assert.ok(!report.includes(secret), `report carries ${secret}`);
  const digits = report.replace(/^extension: .*$/m, '').match(/\p{Nd}/gu) ?? [];
  assert.deepEqual(digits.filter((d) => d !== '9'), [], 'every digit but the version is 9');
  const status = await overlay(page, '[data-testid="liqlens-report-status"]').textContent();
  assert.match(status ?? '', /copied|select the text/);
  await page.close();
});
