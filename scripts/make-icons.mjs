// Renders public/icon/{16,32,48,128}.png from public/icon/icon.svg with headless Chromium (run once; PNGs are committed).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
const svg = fs.readFileSync(path.join(DIR, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: path.join(DIR, `${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log('icons written to', DIR);
