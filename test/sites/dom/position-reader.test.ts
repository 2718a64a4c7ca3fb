import { beforeEach, describe, expect, test } from 'vitest';
import { BINANCE_LABELS } from '../../../src/sites/binance/labels';
import { cellNamesSymbol, mapColumns, readPositionWith, type ReaderConfig } from '../../../src/sites/dom/position-reader';
import { findTables, readHeaderTable } from '../../../src/sites/dom/table';

const cfg: ReaderConfig = { exchange: 'binance', labels: BINANCE_LABELS, signedSize: true, bareSizeUnit: 'coin' };
const panel = (headers: string[], cells: string[]) =>
  `<div role="tablist"><div role="tab" aria-selected="true" aria-controls="p">Positions(1)</div></div>` +
  `<div id="p" role="tabpanel"><table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>` +
  `<tbody><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></tbody></table></div>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('cellNamesSymbol', () => {
  test('the symbol as exchanges print it', () => {
    for (const t of ['BTCUSDT Perp', 'BTC-USDT-SWAP', 'BTC/USDT 永续', 'BTCUSDT永续', 'BTCUSDT Long Cross 10x']) expect(cellNamesSymbol(t, 'BTCUSDT')).toBe(true);
  });
  test('not a look-alike', () => {
    for (const t of ['1000BTCUSDT', 'BTCUSDC Perp', 'BTCUSD_PERP', 'ETHUSDT']) expect(cellNamesSymbol(t, 'BTCUSDT')).toBe(false);
  });
});

describe('mapColumns', () => {
  test('Break Even Price and Margin Ratio are not taken for Entry Price and Margin', () => {
    document.body.innerHTML = panel(['Symbol', 'Size', 'Break Even Price', 'Entry Price', 'Margin Ratio', 'Liq.Price'], ['', '', '', '', '', '']);
    const t = readHeaderTable(findTables(document.body)[0]!)!;
    const m = mapColumns(t, BINANCE_LABELS);
    expect(m.byField.entry?.text).toBe('Entry Price');
    expect(m.byField.liq?.text).toBe('Liq.Price');
  });
});

describe('readPositionWith: the health line names what went wrong', () => {
  test('labels renamed beyond recognition → the headers seen are listed', () => {
    document.body.innerHTML = panel(['Pair', 'Amount', 'Avg. Px'], ['BTCUSDT', '0.15 BTC', '96,800']);
    const r = readPositionWith(document, 'BTCUSDT', cfg);
    expect(r).toEqual({ kind: 'none', reason: 'binance: "Positions(1)" tab found but no positions table in its pane (headers seen: Pair | Amount | Avg. Px)' });
  });
  test('entry column renamed → invalid, naming the column and listing the headers', () => {
    document.body.innerHTML = panel(['Symbol', 'Size', 'Avg. Px'], ['BTCUSDT Perp Cross 10x', '0.15 BTC', '96,800']);
    const r = readPositionWith(document, 'BTCUSDT', cfg);
    expect(r).toEqual({ kind: 'invalid', reason: 'binance: entry price column not found (headers: Symbol | Size | Avg. Px)', draft: {} });
  });
  test('a size in an unknown unit is reported', () => {
    document.body.innerHTML = panel(['Symbol', 'Size', 'Entry Price'], ['BTCUSDT Perp Cross 10x', '0.15 ETH', '96,800']);
    const r = readPositionWith(document, 'BTCUSDT', cfg);
    expect(r.kind === 'invalid' && r.reason).toBe('binance: size unit ETH is neither BTC nor a known contract unit ("0.15 ETH")');
  });
  test('no leverage anywhere → invalid naming leverage, with what was read', () => {
    document.body.innerHTML = panel(['Symbol', 'Size', 'Entry Price'], ['BTCUSDT Perp', '0.15 BTC', '96,800']);
    const r = readPositionWith(document, 'BTCUSDT', cfg);
    expect(r).toEqual({ kind: 'invalid', reason: 'binance: leverage of the BTCUSDT position not shown in the row or the leverage control', draft: { side: 'long', entry: 96800, size: 0.15 } });
  });
});

describe('readPositionWith: units', () => {
  const okxLike: ReaderConfig = { ...cfg, bareSizeUnit: 'unknown' };
  test('a bare size where the exchange may mean contracts is reported, not guessed', () => {
    document.body.innerHTML = panel(['Symbol', 'Size', 'Entry Price'], ['BTCUSDT Perp Cross 10x', '15', '96,800']);
    const r = readPositionWith(document, 'BTCUSDT', okxLike);
    expect(r.kind === 'invalid' && r.reason).toBe('binance: size "15" has no unit (coin or contracts?): enter it by hand');
  });
  test('the unit may sit in the header instead of the cell', () => {
    document.body.innerHTML = panel(['Symbol', 'Size (BTC)', 'Entry Price'], ['BTCUSDT Perp Cross 10x', '0.15', '96,800']);
    const r = readPositionWith(document, 'BTCUSDT', okxLike);
    expect(r.kind === 'position' && r.position.size).toBe(0.15);
  });
  test('contracts named in the header are reported', () => {
    document.body.innerHTML = panel(['Symbol', 'Size (Cont)', 'Entry Price'], ['BTCUSDT Perp Cross 10x', '15', '96,800']);
    const r = readPositionWith(document, 'BTCUSDT', okxLike);
    expect(r.kind === 'invalid' && r.reason).toMatch(/size is shown in contracts \("15"\)/);
  });
  test('contracts named in the header become coin with the contract value', () => {
    document.body.innerHTML = panel(['Symbol', 'Size (Cont)', 'Entry Price'], ['BTCUSDT Perp Cross 10x', '1,250', '96,800']);
    const r = readPositionWith(document, 'BTCUSDT', okxLike, { coinPerContract: 0.01 });
    expect(r.kind === 'position' && r.position.size).toBe(12.5);
  });
  test('a Value column that disagrees with a size in coin is a named refusal (no labels for it: not checked)', () => {
    const labels = { ...cfg.labels, columns: { ...cfg.labels.columns, value: ['Value'] } };
    document.body.innerHTML = panel(['Symbol', 'Size', 'Entry Price', 'Mark Price', 'Value'], ['BTCUSDT Perp Cross 10x', '0.15 BTC', '96,800', '97,230.3', '1,458.46 USDT']);
    const r = readPositionWith(document, 'BTCUSDT', { ...cfg, labels });
    expect(r).toEqual({
      kind: 'invalid',
      reason: 'binance: size 0.15 BTC × mark is 10× the row\'s value "1,458.46 USDT"',
      draft: { side: 'long', entry: 96800, leverage: 10, marginMode: 'cross' },
    });
    expect(readPositionWith(document, 'BTCUSDT', cfg).kind).toBe('position');
  });
});

describe('readPositionWith: dedicated side, leverage and margin-mode columns', () => {
  test('are used when the page has them', () => {
    document.body.innerHTML = panel(
      ['Symbol', 'Side', 'Size', 'Entry Price', 'Liq.Price', 'Leverage', 'Margin Mode'],
      ['ETHUSDT', 'Short', '2.5 ETH', '3,450.00', '3,604.50', '20x', 'Isolated'],
    );
    const r = readPositionWith(document, 'ETHUSDT', cfg);
    expect(r).toEqual({
      kind: 'position',
      position: { exchange: 'binance', symbol: 'ETHUSDT', side: 'short', entry: 3450, size: 2.5, leverage: 20, marginMode: 'isolated', liqPrice: 3604.5, source: 'page' },
      strategy: expect.stringContaining('side from its column'),
    });
  });
  test('in Chinese', () => {
    document.body.innerHTML =
      `<div role="tablist"><div role="tab" aria-selected="true" aria-controls="p">仓位(1)</div></div>` +
      `<div id="p" role="tabpanel"><table><thead><tr><th>合约</th><th>方向</th><th>数量</th><th>开仓价格</th><th>杠杆</th><th>保证金模式</th></tr></thead>` +
      `<tbody><tr><td>ETHUSDT 永续</td><td>空</td><td>2,5 ETH</td><td>3.450,00</td><td>20X</td><td>逐仓</td></tr></tbody></table></div>`;
    const r = readPositionWith(document, 'ETHUSDT', cfg);
    expect(r.kind === 'position' && r.position).toEqual({ exchange: 'binance', symbol: 'ETHUSDT', side: 'short', entry: 3450, size: 2.5, leverage: 20, marginMode: 'isolated', source: 'page' });
  });
});
