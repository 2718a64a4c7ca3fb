/** Reading a price out of text the user selected on the page (kept apart from size.ts: the content script imports it, and must not pull in the engine). */
import { byPageConvention, readDigits } from '../numbers/digits';

/**
 * Parses a selected price ("97,123.5", "97 123,5", "$97123.50") into a number; null when it is not one
 * price. The text is the page's, so separators are read by the page convention shared with the
 * position reader (src/numbers/digits.ts).
 */
export function parseSelectedPrice(text: string | undefined): number | null {
  if (!text) return null;
  const s = text.trim().replace(/^[$€£]|\s*(USDT?|USD)$/i, '');
  if (!/^\d[\d.,\s\u00a0\u202f']*$/.test(s)) return null;
  const n = byPageConvention(readDigits(s));
  return n !== null && n > 0 ? n : null;
}
