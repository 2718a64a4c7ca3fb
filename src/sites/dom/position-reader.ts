/**
 * The shared positions-panel reader. Each exchange's page.ts configures it with its own label table
 * (labels.ts): the positions tab, the column headers, side and margin words, in several locales.
 * Strategy, in order (docs/pages-and-overlay.md §5.1):
 *   1. pane: the adapter's test-id hooks if any, else the Positions tab → aria-controls / nearest panel;
 *   2. table: the first table-like element in the pane whose headers name the symbol and entry columns;
 *   3. rows whose symbol cell names the URL's symbol; fields by header text; side from a side column,
 *      a Long/Short tag or the size's sign; leverage and margin mode from the row, else the leverage control;
 *   4. sanity checks; a failure is reported with the field named.
 * It reads only these fields: never balances, margin, PnL, order ids or form inputs.
 */
import type { Exchange, Position, Side, Symbol } from '../../engine/types';
import type { Price } from '../../engine/units';
import { positionProblem } from '../../position/sanity';
import { baseOf } from '../../symbols/canonical';
import type { PositionDraft, PositionRead, ReadContext } from '../../position/page-adapter';
import { leverageFromText, readLeverageControl, type LeverageRead, type MarginWords } from './leverage';
import { inferDecimal, parseLocaleNumber, type NumberHint } from './numbers';
import { findTables, readHeaderTable, type Column, type HeaderTable, type Row } from './table';
import { findTabPane } from './tabs';
import { sizeInCoin, valueMismatch } from './size-unit';
import { headerUnit, labelKey, labelMatch, spacedText, textOf } from './text';

export type Field = 'symbol' | 'side' | 'size' | 'entry' | 'mark' | 'liq' | 'leverage' | 'marginMode' | 'value';

export interface PageLabels {
  /** Positions tab labels ("Positions", "仓位", …); matched ignoring counters like "(1)". */
  positionsTab: readonly string[];
  /**
   * Header synonyms per field. `symbol`, `size` and `entry` are required to recognise the table; `value`
   * (the row's notional in quote, optional) cross-checks the size in coin (size-unit.ts).
   */
  columns: Record<Exclude<Field, 'value'>, readonly string[]> & { value?: readonly string[] };
  side: { long: readonly string[]; short: readonly string[] };
  margin: MarginWords;
  /** Units meaning "contracts" (OKX "Cont", "张"). */
  contractUnits: readonly string[];
  /** Units meaning quote notional (size shown in USDT). */
  quoteUnits: readonly string[];
}

export interface ReaderConfig {
  exchange: Exchange;
  labels: PageLabels;
  /** Negative size means short (Binance convention). */
  signedSize: boolean;
  /** What a size without any unit means on this exchange. */
  bareSizeUnit: 'coin' | 'unknown';
  /** Extra pane finders tried before the tab (e.g. Bitget test ids); return null when absent. */
  paneHooks?: readonly { name: string; find(doc: Document): Element | null }[];
  /** Row hooks (e.g. Bitget test ids) that mark position rows; used as evidence when present. */
  rowHook?: string;
  /** A selector naming the positions tab whatever its language (OKX `[data-pane-id="positions"]`). */
  positionsTabSelector?: string;
  /**
   * Side from a class inside the size cell, when no side column or tag says it (OKX hedge mode: the size
   * is unsigned and its span carries `.positive-pl` for a long, `.negative-pl` for a short). Only the size
   * cell is looked at: a PnL cell carries the same classes for profit and loss.
   */
  sizeSideClasses?: { long: string; short: string };
  /** The order form's leverage control scope (defaults to the whole document). */
  leverageScope?(doc: Document): ParentNode | null;
}

interface ColumnMap {
  byField: Partial<Record<Field, Column>>;
  headers: string[];
}

/** Maps fields to visible columns by header text; the longest synonym wins a header. */
export function mapColumns(table: HeaderTable, labels: PageLabels): ColumnMap {
  const byField: Partial<Record<Field, Column>> = {};
  const bestScore: Partial<Record<Field, number>> = {};
  for (const col of table.columns) {
    if (col.hidden) continue;
    let best: { field: Field; score: number } | null = null;
    for (const field of Object.keys(labels.columns) as Field[]) {
      const score = labelMatch(col.text, labels.columns[field] ?? []);
      if (score > 0 && (!best || score > best.score)) best = { field, score };
    }
    if (best && (bestScore[best.field] ?? 0) < best.score) {
      byField[best.field] = col;
      bestScore[best.field] = best.score;
    }
  }
  return { byField, headers: table.columns.filter((c) => !c.hidden).map((c) => c.text) };
}

/**
 * Is this a positions table? `strong`: a symbol and an entry-price column, which order tables (Price,
 * Amount) do not have; weak: a symbol and an entry or size column, so a renamed entry header is still
 * found and reported by name rather than missed.
 */
function isPositionsTable(table: HeaderTable, labels: PageLabels, strong = false): boolean {
  const { byField } = mapColumns(table, labels);
  if (strong) return Boolean(byField.symbol && byField.entry && (byField.size || byField.liq || byField.mark));
  return Boolean(byField.symbol && (byField.entry || byField.size));
}

/** First positions table in `scope`, or null (`strong`: see isPositionsTable). */
export function positionsTableIn(scope: Element, labels: PageLabels, strong = false): HeaderTable | null {
  for (const el of findTables(scope)) {
    const t = readHeaderTable(el);
    if (t && isPositionsTable(t, labels, strong)) return t;
  }
  return null;
}

/** The positions pane: hooks first, then the tab. Returns the pane and how it was found, or why not. */
export function findPositionsPane(doc: Document, cfg: ReaderConfig): { pane: Element; how: string } | { reason: string } {
  for (const hook of cfg.paneHooks ?? []) {
    const el = hook.find(doc);
    if (el && positionsTableIn(el, cfg.labels)) return { pane: el, how: hook.name };
  }
  const query = cfg.positionsTabSelector ? { labels: cfg.labels.positionsTab, selector: cfg.positionsTabSelector } : { labels: cfg.labels.positionsTab };
  // A pane whose table has the entry-price column first (never an Open Orders pane with look-alike
  // columns), then any table that names the symbol and an entry or size, to report what is wrong with it.
  let found = findTabPane(doc, query, (pane) => positionsTableIn(pane, cfg.labels, true) !== null);
  if (found.kind === 'missing') found = findTabPane(doc, query, (pane) => positionsTableIn(pane, cfg.labels) !== null);
  if (found.kind === 'missing') {
    const seen = found.tab ? headersNear(found.tab) : [];
    return { reason: seen.length ? `${found.reason} (headers seen: ${seen.join(' | ')})` : found.reason };
  }
  return { pane: found.pane, how: `tab "${textOf(found.tab)}" → ${found.how}` };
}

/** Header texts of the tables around a tab (for the health line when the labels no longer match). */
function headersNear(tab: Element): string[] {
  let scope: Element | null = tab.closest('[role="tablist"]') ?? tab.parentElement;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    for (const el of findTables(scope)) {
      const t = readHeaderTable(el);
      if (t) return t.columns.filter((c) => !c.hidden && c.text).map((c) => c.text).slice(0, 10);
    }
  }
  return [];
}

/** Does the text of a symbol cell name `symbol` (BTCUSDT ↔ "BTCUSDT Perp", "BTC-USDT-SWAP", "BTC/USDT 永续")? */
export function cellNamesSymbol(text: string, symbol: Symbol): boolean {
  const m = /([A-Z0-9]{2,20})\s*[-_/ ]?\s*(USDT|USDC|USD)\b/.exec(text.toUpperCase());
  return m ? `${m[1]}${m[2]}` === symbol.toUpperCase() : false;
}

export function readPositionWith(doc: Document, symbol: Symbol, cfg: ReaderConfig, ctx: ReadContext = {}): PositionRead {
  const found = findPositionsPane(doc, cfg);
  if ('reason' in found) return { kind: 'none', reason: `${cfg.exchange}: ${found.reason}` };
  const table = positionsTableIn(found.pane, cfg.labels, true) ?? positionsTableIn(found.pane, cfg.labels);
  if (!table) return { kind: 'none', reason: `${cfg.exchange}: no positions table in the pane (${found.how})` };
  const cols = mapColumns(table, cfg.labels);
  const symbolCol = cols.byField.symbol!;
  let rows = table.rows.filter((r) => cellNamesSymbol(spacedText(r.cells.get(symbolCol.index)), symbol));
  if (cfg.rowHook) {
    const hooked = rows.filter((r) => r.element.closest(cfg.rowHook!) !== null);
    if (hooked.length > 0) rows = hooked;
  }
  const tableHow = `${found.how} → table by header text [${describeColumns(cols)}]`;
  if (rows.length === 0) {
    const total = Number(table.element.getAttribute('aria-rowcount') ?? NaN);
    const virtual = Number.isFinite(total) && total - 1 > table.rows.length;
    const reason = virtual
      ? `no ${symbol} row among the ${table.rows.length} rendered of ${total - 1} (virtualised list: scroll it into view or filter by symbol)`
      : table.rows.length === 0
        ? `no open positions (${tableHow})`
        : `no ${symbol} row among ${table.rows.length} position row(s)`;
    return { kind: 'none', reason: `${cfg.exchange}: ${reason}` };
  }

  const leverageControl = readLeverageControl(cfg.leverageScope?.(doc) ?? doc, cfg.labels.margin, found.pane);
  const reads = rows.map((r) => readRow(r, cols, symbol, cfg, leverageControl, ctx));
  const failed = reads.find((r) => r.kind === 'invalid');
  if (failed && failed.kind === 'invalid') {
    return { kind: 'invalid', reason: `${cfg.exchange}: ${failed.reason}`, draft: failed.draft };
  }
  const ok = reads.filter((r): r is RowOk => r.kind === 'ok');
  const strategy = `${tableHow}; ${ok[0]!.how}`;
  if (ok.length === 1) {
    const only = ok[0]!;
    return only.mark === undefined
      ? { kind: 'position', position: only.position, strategy }
      : { kind: 'position', position: only.position, mark: only.mark, strategy };
  }
  return { kind: 'hedge', positions: ok.map((r) => r.position), marks: ok.map((r) => r.mark), strategy: `${strategy}; ${ok.length} positions (hedge mode)` };
}

type RowOk = { kind: 'ok'; position: Position; mark?: Price; how: string };
type RowRead = RowOk | { kind: 'invalid'; reason: string; draft: PositionDraft };

function describeColumns(cols: ColumnMap): string {
  return (['symbol', 'side', 'size', 'entry', 'mark', 'liq', 'leverage', 'marginMode'] as Field[])
    .filter((f) => cols.byField[f])
    .map((f) => cols.byField[f]!.text)
    .join(', ');
}

function readRow(row: Row, cols: ColumnMap, symbol: Symbol, cfg: ReaderConfig, control: LeverageRead & { text?: string }, ctx: ReadContext): RowRead {
  const draft: PositionDraft = {};
  const cellText = (f: Field): string | null => {
    const col = cols.byField[f];
    if (!col) return null;
    return textOf(row.cells.get(col.index));
  };
  const hint: NumberHint = {};
  const decimal = inferDecimal(Array.from(row.cells.values()).map((c) => textOf(c)));
  if (decimal) hint.decimal = decimal;
  const how: string[] = [];
  const missing = (field: string) => `${field} column not found (headers: ${cols.headers.join(' | ')})`;

  // Entry (required).
  const entryText = cellText('entry');
  if (entryText === null) return { kind: 'invalid', reason: missing('entry price'), draft };
  const entry = parseLocaleNumber(entryText, hint);
  if (entry.kind !== 'number') return { kind: 'invalid', reason: `entry price "${entryText}" is not a number`, draft };
  draft.entry = Math.abs(entry.value);

  // Liquidation and mark (optional; "--" = none shown).
  const liqText = cellText('liq');
  if (liqText !== null) {
    const liq = parseLocaleNumber(liqText, hint);
    if (liq.kind === 'invalid') return { kind: 'invalid', reason: `liquidation price "${liqText}" is not a number`, draft };
    if (liq.kind === 'number') draft.liqPrice = liq.value;
  }
  let mark: Price | undefined;
  const markText = cellText('mark');
  if (markText !== null) {
    const m = parseLocaleNumber(markText, hint);
    if (m.kind === 'number') mark = m.value;
  }

  // Side: a side column, a Long/Short tag in the row, the size cell's side class, or the size's sign.
  let side: Side | undefined = sideFromText(cellText('side') ?? '', cfg.labels);
  if (side) how.push('side from its column');
  if (!side) {
    side = sideFromTags(row, cfg.labels);
    if (side) how.push('side from the row tag');
  }
  if (!side && cfg.sizeSideClasses && cols.byField.size) {
    side = sideFromClass(row.cells.get(cols.byField.size.index), cfg.sizeSideClasses);
    if (side) how.push('side from the size cell\'s class');
  }

  // Size (required, in coin).
  const sizeText = cellText('size');
  if (sizeText === null) return { kind: 'invalid', reason: missing('size'), draft: withSide(draft, side) };
  const size = parseLocaleNumber(sizeText, hint);
  if (size.kind !== 'number') return { kind: 'invalid', reason: `size "${sizeText}" is not a number`, draft: withSide(draft, side) };
  if (!side && cfg.signedSize) {
    side = size.value < 0 ? 'short' : 'long';
    how.push('side from the size sign');
  }
  if (!side) return { kind: 'invalid', reason: `side of the ${symbol} position not shown (no side column, tag or signed size)`, draft };
  draft.side = side;
  // Size in coin, whatever unit the page shows (size-unit.ts); a refusal is returned once the rest is read,
  // so the manual form is prefilled with everything the row does say.
  const base = baseOf(symbol);
  const sizeCtx = { ...ctx, mark, entry: draft.entry, bareSizeUnit: cfg.bareSizeUnit };
  const coin = sizeInCoin({ ...size, unit: size.unit ?? headerUnit(cols.byField.size!.text), text: sizeText, base }, cfg.labels, sizeCtx);
  let sizeProblem: string | null = coin.kind === 'refused' ? coin.reason : null;
  if (coin.kind === 'coin') {
    const valueText = cellText('value');
    const value = valueText === null ? null : parseLocaleNumber(valueText, hint);
    sizeProblem = value?.kind === 'number' ? valueMismatch(coin.size, base, { amount: value.value, text: valueText! }, sizeCtx) : null;
    if (sizeProblem === null) {
      draft.size = coin.size;
      if (coin.how) how.push(coin.how);
      if (value?.kind === 'number') how.push('value agrees');
    }
  }

  // Leverage and margin mode: leverage/mode columns, the row's tags, then the leverage control.
  const tagText = (f: Field) => {
    const col = cols.byField[f];
    return col ? spacedText(row.cells.get(col.index)) : '';
  };
  const fromRow = mergeLeverage(
    leverageFromText(tagText('leverage'), cfg.labels.margin),
    leverageFromText(tagText('marginMode'), cfg.labels.margin),
    leverageFromText(tagText('symbol'), cfg.labels.margin),
  );
  let leverage = fromRow.leverage;
  let marginMode = fromRow.marginMode;
  if (leverage !== undefined) how.push('leverage from the row');
  if (leverage === undefined && control.leverage !== undefined) {
    leverage = control.leverage;
    how.push(`leverage from the leverage control "${control.text ?? ''}"`);
  }
  if (marginMode === undefined && control.marginMode !== undefined) marginMode = control.marginMode;
  if (marginMode !== undefined) draft.marginMode = marginMode;
  if (leverage !== undefined) draft.leverage = leverage;
  if (sizeProblem !== null) return { kind: 'invalid', reason: sizeProblem, draft };
  if (leverage === undefined) return { kind: 'invalid', reason: `leverage of the ${symbol} position not shown in the row or the leverage control`, draft };
  if (marginMode === undefined) return { kind: 'invalid', reason: `margin mode (cross/isolated) of the ${symbol} position not shown`, draft };

  const position: Position = {
    exchange: cfg.exchange,
    symbol,
    side,
    entry: draft.entry,
    size: draft.size!,
    leverage,
    marginMode,
    source: 'page',
  };
  // A liquidation price of 0 means "none" on cross margin with a large balance (Binance shows 0 or --).
  if (draft.liqPrice !== undefined && draft.liqPrice > 0) position.liqPrice = draft.liqPrice;
  const problem = positionProblem(position);
  if (problem) return { kind: 'invalid', reason: problem, draft };
  return mark === undefined ? { kind: 'ok', position, how: how.join(', ') } : { kind: 'ok', position, mark, how: how.join(', ') };
}

function withSide(draft: PositionDraft, side: Side | undefined): PositionDraft {
  return side ? { ...draft, side } : draft;
}

function mergeLeverage(...reads: LeverageRead[]): LeverageRead {
  const out: LeverageRead = {};
  for (const r of reads) {
    if (out.leverage === undefined && r.leverage !== undefined) out.leverage = r.leverage;
    if (out.marginMode === undefined && r.marginMode !== undefined) out.marginMode = r.marginMode;
  }
  return out;
}

function sideFromText(text: string, labels: PageLabels): Side | undefined {
  const key = labelKey(text);
  if (!key) return undefined;
  if (labels.side.long.some((w) => labelKey(w) === key)) return 'long';
  if (labels.side.short.some((w) => labelKey(w) === key)) return 'short';
  return undefined;
}

/**
 * A Long/Short tag: a leaf element of the row whose whole text is a side word, or a side word with only
 * margin words and a leverage beside it ("Cross Long", "Isolated 20x Short", "全仓 多").
 */
function sideFromTags(row: Row, labels: PageLabels): Side | undefined {
  for (const cell of row.cells.values()) {
    for (const el of [cell, ...Array.from(cell.querySelectorAll('*'))]) {
      if (el.children.length > 0) continue;
      const text = textOf(el);
      const side = sideFromText(text, labels) ?? sideFromTagWords(text, labels);
      if (side) return side;
    }
  }
  return undefined;
}

function sideFromTagWords(text: string, labels: PageLabels): Side | undefined {
  const margin = [...labels.margin.cross, ...labels.margin.isolated].map(labelKey);
  const rest = text.split(/[\s·|/,]+/).filter((w) => w && !margin.includes(labelKey(w)) && !/^\d+(?:[.,]\d+)?[xX×]$/.test(w));
  return rest.length === 1 && rest[0] !== text ? sideFromText(rest[0]!, labels) : undefined;
}

/** The side named by a class on the size cell or inside it. */
function sideFromClass(cell: Element | undefined, classes: { long: string; short: string }): Side | undefined {
  if (!cell) return undefined;
  const has = (sel: string) => cell.matches(sel) || cell.querySelector(sel) !== null;
  const long = has(classes.long);
  const short = has(classes.short);
  return long === short ? undefined : long ? 'long' : 'short';
}
