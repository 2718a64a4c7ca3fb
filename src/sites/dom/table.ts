/**
 * Header-text table reader: turns a <table> or an ARIA grid (role=table/grid/treegrid, row, columnheader,
 * cell/gridcell) into columns named by their header text and rows of cells aligned to them. Alignment
 * uses `aria-colindex` when the page provides it (Binance bn-web-table), otherwise position in the row:
 * never a fixed column index, so reordered columns still line up.
 */
import { isHidden, textOf } from './text';

export interface Column {
  /** Header text as shown, e.g. "Liq.Price (USDT)". */
  text: string;
  /** 0-based position among the header cells. */
  index: number;
  /** `aria-colindex` of the header cell, when present. */
  colIndex: number | null;
  hidden: boolean;
}

export interface Row {
  element: Element;
  /** Cell elements by column position (0-based, aligned with `Column.index`). */
  cells: Map<number, Element>;
}

export interface HeaderTable {
  element: Element;
  columns: Column[];
  rows: Row[];
}

const TABLE_SELECTOR = 'table, [role="table"], [role="grid"], [role="treegrid"]';
const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader']);

/** Table-like elements inside `scope` (itself included), outermost first. */
export function findTables(scope: Element): Element[] {
  const found = Array.from(scope.querySelectorAll(TABLE_SELECTOR));
  if (scope.matches(TABLE_SELECTOR)) found.unshift(scope);
  return found;
}

/** Reads header and body rows; null when the element has no header cells. */
export function readHeaderTable(table: Element): HeaderTable | null {
  const headerCells = headerCellsOf(table);
  if (headerCells.length === 0) return null;
  const columns: Column[] = headerCells.map((el, index) => ({
    text: textOf(el),
    index,
    colIndex: intAttr(el, 'aria-colindex'),
    hidden: isHidden(el, table),
  }));
  const byColIndex = new Map<number, number>();
  for (const c of columns) if (c.colIndex !== null) byColIndex.set(c.colIndex, c.index);

  const rows: Row[] = [];
  const own = bodyRowsOf(table);
  // A fixed header is often its own <table> with the body in a second one (rc-table / okui-table).
  const body = own.length === 0 ? companionBody(table) : null;
  for (const rowEl of body ? bodyRowsOf(body) : own) {
    // Measure rows (aria-hidden) and hidden rows are skipped; the pane around the table may be hidden.
    if (isHidden(rowEl, body ?? table)) continue;
    const cells = new Map<number, Element>();
    cellsOf(rowEl).forEach((cell, position) => {
      const ci = intAttr(cell, 'aria-colindex');
      const index = ci !== null && byColIndex.has(ci) ? byColIndex.get(ci)! : position;
      cells.set(index, cell);
    });
    // An empty-state row ("You have no position.") is one cell spanning the table: not a data row.
    const only = cells.size === 1 ? [...cells.values()][0] : undefined;
    if (only && columns.length > 1 && Number(only.getAttribute('colspan') ?? 1) > 1) continue;
    if (cells.size > 0) rows.push({ element: rowEl, cells });
  }
  return { element: table, columns, rows };
}

/**
 * The body table of a header-only <table>: the next <table> after it under a near common ancestor (at
 * most 3 levels up) that has body rows and no header row of its own. Null when there is none.
 */
function companionBody(table: Element): Element | null {
  if (table.tagName !== 'TABLE') return null;
  let scope: Element | null = table.parentElement;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    const tables = Array.from(scope.querySelectorAll('table'));
    const at = tables.indexOf(table as HTMLTableElement);
    const next = tables[at + 1];
    if (next && !table.contains(next) && headerCellsOf(next).length === 0 && bodyRowsOf(next).length > 0) return next;
    if (tables.length > at + 1) return null; // the next table is something else: not a split table
  }
  return null;
}

function ownedBy(el: Element, table: Element): boolean {
  return el.parentElement?.closest(TABLE_SELECTOR) === table;
}

function headerCellsOf(table: Element): Element[] {
  if (table.tagName === 'TABLE') {
    const thead = Array.from(table.querySelectorAll('thead')).find((t) => ownedBy(t, table));
    const headRow = thead?.querySelector('tr') ?? Array.from(table.querySelectorAll('tr')).find((r) => ownedBy(r, table));
    if (!headRow) return [];
    const cells = Array.from(headRow.children).filter((c) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader');
    return cells;
  }
  return Array.from(table.querySelectorAll('[role="columnheader"]')).filter((c) => ownedBy(c, table));
}

function bodyRowsOf(table: Element): Element[] {
  if (table.tagName === 'TABLE') {
    return Array.from(table.querySelectorAll('tr')).filter(
      (r) => ownedBy(r, table) && r.parentElement?.tagName !== 'THEAD' && !r.querySelector('th, [role="columnheader"]'),
    );
  }
  return Array.from(table.querySelectorAll('[role="row"]')).filter((r) => ownedBy(r, table) && !r.querySelector('[role="columnheader"]'));
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => {
    const role = c.getAttribute('role');
    return role ? CELL_ROLES.has(role) : c.tagName === 'TD';
  });
}

function intAttr(el: Element, name: string): number | null {
  const v = el.getAttribute(name);
  if (v === null || !/^\d+$/.test(v.trim())) return null;
  return Number(v);
}
