/** Reading a price out of text the user selected on the page (kept apart from size.ts: the content script imports it, and must not pull in the engine). */

/** Parses a selected price ("97,123.5", "97 123,5", "$97123.50") into a number; null when it is not one price. */
export function parseSelectedPrice(text: string | undefined): number | null {
  if (!text) return null;
  let s = text.trim().replace(/^[$€£]|\s*(USDT?|USD)$/i, '').replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // The later separator is the decimal one.
    s = lastDot > lastComma ? s.replace(/,/g, '') : s.replace(/\./g, '').replace(',', '.');
  } else if (lastComma >= 0) {
    // "97,123" (grouping) vs "0,5123" / "97123,5" (decimal): exactly three digits after a comma = grouping.
    const groups = s.split(',');
    s = groups.slice(1).every((g) => g.length === 3) ? groups.join('') : s.replace(/,(?=[^,]*$)/, '.').replace(/,/g, '');
  } else if ((s.match(/\./g) ?? []).length > 1) {
    s = s.replace(/\./g, ''); // "97.123.456" European grouping
  }
  const n = Number(s);
  return Number.isFinite(n) && n > 0 ? n : null;
}
