/**
 * The page-structure report a user can send when the reader fails on a page we did not model (issue 11):
 * a skeleton of the positions panel and the chart container, the positions tables' header texts, and the
 * shape of the first row's cells. It is built to be safe to paste into a public issue:
 * - elements give only their tag, classes and a short list of structural attributes (role, aria-*,
 *   data-testid, data-pane-id, hidden); never text nodes, values, titles, hrefs or any other attribute;
 * - every digit becomes 9 (balances, sizes, order ids, timestamps);
 * - in cells and free-text aria attributes, a word stays only if it is one of the page's own label words
 *   (units, sides, margin modes, header synonyms) or the symbol's base/quote; any other word becomes `_`;
 * - our own text has no digits either (no counts), so the only digits are the extension version and 9s;
 * - cookies, storage and form values are never read. The reader's own health line keeps its words (they are
 *   ours) but not its digits.
 */
import { readHeaderTable, findTables } from './table';
import { spacedText } from './text';

export interface StructureReportInput {
  doc: Document;
  /** The positions panel the adapter observes, or null when it found none. */
  panel: Element | null;
  /** The exchange's chart anchors, most specific first (its descriptor). */
  chartSelectors: readonly string[];
  /** The page's own label words; the only words (with `symbol`'s parts) a cell may keep. */
  words: readonly string[];
  extensionVersion: string;
  exchange: string;
  symbol: string | null;
  /** How the last read ended ('position', 'none', …) and why (the reader's health line). */
  pageRead: string;
  health: string;
}

const MAX_ELEMENTS = 400;
const MAX_DEPTH = 14;
/** Identical sibling subtrees shown before the rest are counted. */
const SAME_SIBLINGS_SHOWN = 2;
const STRUCTURAL_ATTRS = ['role', 'data-testid', 'data-pane-id', 'hidden'] as const;
/** aria-* attributes that hold words a user might see (and so may hold their data). */
const FREE_TEXT_ARIA = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'aria-placeholder']);
const MAX_ATTR = 60;

/** Every digit as 9. */
export function maskDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, '9');
}

/** Digits as 9; letter runs kept only when in `keep` (case-insensitive), otherwise `_`. */
export function maskWords(text: string, keep: ReadonlySet<string>): string {
  return maskDigits(text).replace(/\p{L}+/gu, (w) => (keep.has(w.toLowerCase()) ? w : '_'));
}

function keepSet(input: StructureReportInput): Set<string> {
  const keep = new Set<string>();
  const add = (s: string) => {
    for (const w of s.match(/\p{L}+/gu) ?? []) keep.add(w.toLowerCase());
  };
  input.words.forEach(add);
  if (input.symbol) add(input.symbol);
  // A base such as BTC inside BTCUSDT: the common quotes split it.
  const m = input.symbol ? /^(.+?)(USDT|USDC|USD)$/i.exec(input.symbol) : null;
  if (m) m.slice(1).forEach(add);
  ['x', 'perp', 'perpetual', 'swap'].forEach(add);
  return keep;
}

function clip(s: string): string {
  return s.length > MAX_ATTR ? `${s.slice(0, MAX_ATTR)}…` : s;
}

function describe(el: Element, keep: ReadonlySet<string>): string {
  let out = el.tagName.toLowerCase();
  const classes = Array.from(el.classList).slice(0, 4).map((c) => clip(maskDigits(c)));
  if (classes.length) out += `.${classes.join('.')}`;
  const attrs: string[] = [];
  for (const a of Array.from(el.attributes)) {
    const name = a.name.toLowerCase();
    if (name.startsWith('aria-')) attrs.push(`${name}=${clip(FREE_TEXT_ARIA.has(name) ? maskWords(a.value, keep) : maskDigits(a.value))}`);
    else if ((STRUCTURAL_ATTRS as readonly string[]).includes(name)) attrs.push(name === 'hidden' ? 'hidden' : `${name}=${clip(maskDigits(a.value))}`);
  }
  if (el.tagName === 'IFRAME') {
    const src = el.getAttribute('src');
    // Origin and path only: a query or fragment can carry anything.
    if (src) attrs.push(`src=${clip(maskDigits(src.split(/[?#]/)[0]!))}`);
  }
  return attrs.length ? `${out} [${attrs.join(' ')}]` : out;
}

/** Indented skeleton of `root`'s elements; runs of identical sibling subtrees are counted, not repeated. */
function skeleton(root: Element, keep: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  let budget = MAX_ELEMENTS;
  const walk = (el: Element, depth: number): string[] => {
    budget--;
    const own = [`${'  '.repeat(depth)}${describe(el, keep)}`];
    if (depth >= MAX_DEPTH) {
      if (el.children.length) own.push(`${'  '.repeat(depth + 1)}… children not shown (depth limit)`);
      return own;
    }
    let prev = '';
    let same = 0;
    let skipped = 0;
    const flush = () => {
      if (skipped) own.push(`${'  '.repeat(depth + 1)}… ${skipped === 1 ? 'one more' : 'more'} like the above`);
      skipped = 0;
    };
    for (const child of Array.from(el.children)) {
      if (child.tagName === 'SCRIPT' || child.tagName === 'STYLE') continue;
      if (budget <= 0) {
        flush();
        own.push(`${'  '.repeat(depth + 1)}… cut (element limit)`);
        break;
      }
      const sub = walk(child, depth + 1);
      const key = sub.join('\n');
      same = key === prev ? same + 1 : 0;
      prev = key;
      if (same >= SAME_SIBLINGS_SHOWN) {
        skipped++;
        continue;
      }
      flush();
      own.push(...sub);
    }
    flush();
    return own;
  };
  lines.push(...walk(root, 0));
  return lines;
}

function tablesPart(panel: Element, keep: ReadonlySet<string>): string[] {
  const out: string[] = [];
  findTables(panel).slice(0, 4).forEach((t) => {
    const table = readHeaderTable(t);
    if (!table) return;
    out.push(`table <${t.tagName.toLowerCase()}>${table.rows.length ? '' : ', no rows'}`);
    out.push(`  headers: ${table.columns.map((c) => `"${maskDigits(c.text)}"${c.hidden ? ' (hidden)' : ''}`).join(', ')}`);
    const first = table.rows[0];
    if (first) {
      const cells = [...first.cells.entries()].sort(([a], [b]) => a - b).map(([, cell]) => `"${maskWords(spacedText(cell), keep)}"`);
      out.push(`  first row: ${cells.join(', ')}`);
    }
  });
  return out.length ? out : ['no table with header cells in the panel'];
}

function chartRoot(doc: Document, selectors: readonly string[]): { selector: string; el: Element } | null {
  for (const selector of selectors) {
    try {
      const el = doc.querySelector(selector);
      if (el) return { selector, el };
    } catch {
      // A selector this browser cannot parse: try the next.
    }
  }
  return null;
}

/** The report, as plain text to paste into an issue. */
export function buildStructureReport(input: StructureReportInput): string {
  const keep = keepSet(input);
  const url = new URL(input.doc.location?.href ?? 'about:blank');
  const lines = [
    'LiqLens page-structure report (digits shown as 9, other words as _ unless they are page labels)',
    `extension: ${input.extensionVersion}`,
    `exchange: ${input.exchange}`,
    `path: ${maskDigits(url.pathname)}`,
    `symbol: ${input.symbol ?? 'none'}`,
    `read: ${input.pageRead}: ${maskDigits(input.health)}`,
    '',
    '## positions panel',
  ];
  if (input.panel) lines.push(...tablesPart(input.panel, keep), '', ...skeleton(input.panel, keep));
  else lines.push('not found: skeleton of the page body instead', ...(input.doc.body ? skeleton(input.doc.body, keep) : []));
  lines.push('', '## chart');
  const chart = chartRoot(input.doc, input.chartSelectors);
  // Our own selectors, digits masked too: the report's only digits are its version and 9s.
  if (chart) lines.push(`found by ${maskDigits(chart.selector)}`, ...skeleton(chart.el, keep));
  else lines.push(`none of: ${maskDigits(input.chartSelectors.join(', '))}`);
  return lines.join('\n');
}
