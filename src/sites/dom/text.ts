/** Text helpers for matching visible labels across locales (header text, tab text, tags). */

/** Visible-ish text of an element: textContent with whitespace collapsed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Text with a space between separate text nodes, so adjacent tags stay separate words ("Cross 10x" +
 * "Long" → "Cross 10x Long", where textContent gives "Cross 10xLong"). For tags, not for numbers.
 */
export function spacedText(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    else n.childNodes.forEach(walk);
  };
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Label key: lower-case, parenthesised parts (counters "(1)", units "(USDT)") and every space and
 * punctuation removed, CJK kept. "Liq.Price", "Liq. Price (USDT)" → "liqprice"; "仓位(1)" → "仓位".
 */
export function labelKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[(（[][^)）\]]*[)）\]]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The unit written in parentheses in a header, e.g. "Size (BTC)" → "BTC"; null when none. */
export function headerUnit(text: string): string | null {
  const m = /[(（]\s*([A-Za-z\u4e00-\u9fff]{1,10})\s*[)）]/.exec(text);
  return m?.[1] ? m[1].toUpperCase() : null;
}

/**
 * Does `text` name one of `synonyms`? Exact key match, or the key starts with a synonym followed by a unit
 * or counter (e.g. "Entry Price (USDT)" → "entrypriceusdt" starts with "entryprice"). Returns the length of
 * the longest matching synonym key (0 = no match), so "Mark Price" never claims "Mark Price Trigger".
 */
export function labelMatch(text: string, synonyms: readonly string[]): number {
  const key = labelKey(text);
  if (!key) return 0;
  let best = 0;
  for (const syn of synonyms) {
    const s = labelKey(syn);
    if (!s) continue;
    if (key === s || (key.startsWith(s) && isUnitSuffix(key.slice(s.length)))) best = Math.max(best, s.length);
  }
  return best;
}

const UNIT_SUFFIXES = ['usdt', 'usd', 'usdc', 'coin', 'cont', '张', '币'];
function isUnitSuffix(rest: string): boolean {
  return rest === '' || UNIT_SUFFIXES.includes(rest);
}

/**
 * Is the element hidden by attribute or inline style (computed styles are not reliable in every DOM)?
 * With `upTo`, only `el` and its ancestors below `upTo` count: a row of a table in a hidden (but mounted)
 * tab pane is not itself hidden (Binance keeps every pane mounted).
 */
export function isHidden(el: Element, upTo?: Element): boolean {
  for (let e: Element | null = el; e && e !== upTo; e = e.parentElement) {
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
    const style = (e as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  return false;
}
