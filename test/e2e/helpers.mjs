// Shared e2e helpers: screenshots, reading the overlay's shadow root, opening the popup.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS_DIR = path.join(ROOT, 'test-results', 'screenshots');

/** Saves a PNG under test-results/screenshots/<name>.png and returns its path. */
export async function saveShot(page, name) {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Locator inside the overlay's open shadow root (Playwright CSS pierces open shadow roots). */
export function overlay(page, selector) {
  return page.locator('liqlens-overlay').locator(selector);
}

/** Opens the popup page of the extension in a new tab. */
export async function openPopup(browser, query = '') {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html${query}`);
  return page;
}
