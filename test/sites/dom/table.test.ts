import { beforeEach, describe, expect, test } from 'vitest';
import { findTables, readHeaderTable } from '../../../src/sites/dom/table';
import { textOf } from '../../../src/sites/dom/text';

beforeEach(() => {
  document.body.innerHTML = '';
});

function cellText(html: string, rowIndex: number, header: string): string {
  document.body.innerHTML = html;
  const t = readHeaderTable(findTables(document.body)[0]!)!;
  const col = t.columns.find((c) => c.text === header)!;
  return textOf(t.rows[rowIndex]!.cells.get(col.index));
}

describe('readHeaderTable', () => {
  test('a <table>: header texts and cells aligned by position', () => {
    const html = '<table><thead><tr><th>Symbol</th><th>Size</th></tr></thead><tbody><tr><td>BTCUSDT</td><td>0.15</td></tr></tbody></table>';
    expect(cellText(html, 0, 'Size')).toBe('0.15');
  });
  test('aria-colindex wins over DOM order (cells rendered out of order)', () => {
    const html =
      '<table><thead><tr><th aria-colindex="1">Symbol</th><th aria-colindex="2">Size</th><th aria-colindex="3">Entry</th></tr></thead>' +
      '<tbody><tr><td aria-colindex="3">96,800</td><td aria-colindex="1">BTCUSDT</td><td aria-colindex="2">0.15</td></tr></tbody></table>';
    expect(cellText(html, 0, 'Entry')).toBe('96,800');
    expect(cellText(html, 0, 'Symbol')).toBe('BTCUSDT');
  });
  test('an ARIA grid without <table>', () => {
    const html =
      '<div role="grid"><div role="row"><div role="columnheader">Instrument</div><div role="columnheader">Size</div></div>' +
      '<div role="row"><div role="gridcell">ETHUSDT</div><div role="gridcell">2.5 ETH</div></div></div>';
    expect(cellText(html, 0, 'Size')).toBe('2.5 ETH');
  });
  test('hidden measure rows and one-cell empty-state rows are not data rows', () => {
    document.body.innerHTML =
      '<table><thead><tr><th>Symbol</th><th>Size</th></tr></thead><tbody>' +
      '<tr aria-hidden="true"><td></td><td></td></tr><tr><td colspan="2">You have no position.</td></tr></tbody></table>';
    expect(readHeaderTable(findTables(document.body)[0]!)!.rows).toHaveLength(0);
  });
  test('a column hidden by style is marked hidden', () => {
    document.body.innerHTML = '<table><thead><tr><th>Symbol</th><th style="display:none">Liq.Price</th></tr></thead><tbody></tbody></table>';
    const t = readHeaderTable(findTables(document.body)[0]!)!;
    expect(t.columns.map((c) => c.hidden)).toEqual([false, true]);
  });
  test('no header cells → null (not a header table)', () => {
    document.body.innerHTML = '<table><tbody><tr><td>x</td></tr></tbody></table>';
    expect(readHeaderTable(findTables(document.body)[0]!)).toBeNull();
  });
});

describe('readHeaderTable: split header and body tables, hidden panes', () => {
  test('a header-only <table> is paired with the body <table> after it; the measure row is skipped', () => {
    document.body.innerHTML =
      '<div class="wrap"><div class="head"><table><thead><tr><th>Symbol</th><th>Size</th></tr></thead></table></div>' +
      '<div class="body"><table><tbody><tr aria-hidden="true"><td></td><td></td></tr><tr><td>BTCUSDT</td><td>0.1 BTC</td></tr></tbody></table></div></div>';
    const t = readHeaderTable(document.querySelector('table')!)!;
    expect(t.columns.map((c) => c.text)).toEqual(['Symbol', 'Size']);
    expect(t.rows.map((r) => [...r.cells.values()].map((c) => c.textContent))).toEqual([['BTCUSDT', '0.1 BTC']]);
  });
  test('the rows of a table in a hidden pane are still rows (the pane is hidden, not the table)', () => {
    document.body.innerHTML = '<div style="display:none"><table><thead><tr><th>Symbol</th></tr></thead><tbody><tr><td>BTCUSDT</td></tr><tr style="display:none"><td>X</td></tr></tbody></table></div>';
    const t = readHeaderTable(document.querySelector('table')!)!;
    expect(t.columns[0]!.hidden).toBe(false);
    expect(t.rows).toHaveLength(1);
  });
});
