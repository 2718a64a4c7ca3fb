import { describe, expect, it } from 'vitest';
import {
  checkChartEvent,
  checkChartProbe,
  checkChartScale,
  checkDrawRequest,
  checkDrawResult,
  MAX_SHAPES,
  normaliseChartSymbol,
  parseMessage,
} from '../../src/bridge/protocol';

const band = { key: 'band-long-0', kind: 'band', low: 95_000, high: 95_400, colour: '#ff4f8b', opacity: 0.4, text: 'Long liq. $3.0M (est.)' };
const line = { key: 'stop', kind: 'line', price: 94_500, colour: '#f5a300', style: 'solid', width: 2, text: 'Suggested stop' };

describe('draw requests (content → bridge)', () => {
  it('accepts bands and lines for a canonical symbol', () => {
    expect(parseMessage('draw', checkDrawRequest, { symbol: 'BTCUSDT', shapes: [band, line] }).ok).toBe(true);
  });
  it.each([
    ['a non-canonical symbol', { symbol: 'btc-usdt', shapes: [] }, /symbol/],
    ['an unknown shape kind', { symbol: 'BTCUSDT', shapes: [{ ...band, kind: 'icon' }] }, /shapes\.0\.kind/],
    ['a NaN price', { symbol: 'BTCUSDT', shapes: [{ ...line, price: NaN }] }, /shapes\.0\.price/],
    ['a negative price', { symbol: 'BTCUSDT', shapes: [{ ...band, low: -1 }] }, /shapes\.0\.low/],
    ['low above high', { symbol: 'BTCUSDT', shapes: [{ ...band, low: 96_000 }] }, /low must be below high/],
    ['a CSS-injection colour', { symbol: 'BTCUSDT', shapes: [{ ...band, colour: 'red;background:url(x)' }] }, /colour/],
    ['an extra field', { symbol: 'BTCUSDT', shapes: [{ ...line, onclick: 'x' }] }, /shapes\.0\.onclick: unexpected/],
    ['duplicate keys', { symbol: 'BTCUSDT', shapes: [line, line] }, /duplicate/],
    ['a huge label', { symbol: 'BTCUSDT', shapes: [{ ...line, text: 'x'.repeat(500) }] }, /text/],
    ['too many shapes', { symbol: 'BTCUSDT', shapes: Array.from({ length: MAX_SHAPES + 1 }, (_, i) => ({ ...line, key: `l${i}` })) }, /more than/],
    ['not an object', 'draw everything', /not an object/],
  ])('refuses %s', (_what, data, error) => {
    const r = parseMessage('draw request', checkDrawRequest, data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('bridge answers (bridge → content)', () => {
  const scale = { from: 90_000, to: 100_000, mode: 'log', inverted: false, pane: { left: 0, top: 60, width: 800, height: 400 } };
  it('accepts a scale and refuses from ≥ to, unknown modes and zero-height panes', () => {
    expect(checkChartScale(scale, '')).toBeNull();
    expect(checkChartScale({ ...scale, from: 100_000 }, '')).toMatch(/from < to/);
    expect(checkChartScale({ ...scale, mode: 'percentage' }, '')).toMatch(/mode/);
    expect(checkChartScale({ ...scale, pane: { ...scale.pane, height: 0 } }, '')).toMatch(/pane\.height/);
  });
  it('accepts both probe shapes and refuses a found probe without capabilities', () => {
    expect(checkChartProbe({ found: true, via: 'iframe#tradingview_x › tradingViewApi', symbol: 'BTCUSDT', resolution: '5', canDraw: true, canScale: true }, '')).toBeNull();
    expect(checkChartProbe({ found: false, reason: 'cross-origin' }, '')).toBeNull();
    expect(checkChartProbe({ found: true, via: 'x', symbol: 'BTCUSDT', resolution: '5' }, '')).toMatch(/canDraw/);
    expect(checkChartProbe({ found: 'yes' }, '')).toMatch(/found/);
  });
  it('checks draw results and chart events', () => {
    expect(checkDrawResult({ kind: 'drawn', created: 2, updated: 0, removed: 1 }, '')).toBeNull();
    expect(checkDrawResult({ kind: 'drawn', created: -1, updated: 0, removed: 0 }, '')).toMatch(/created/);
    expect(checkChartEvent({ kind: 'crosshair', price: null }, '')).toBeNull();
    expect(checkChartEvent({ kind: 'crosshair', price: Infinity }, '')).toMatch(/price/);
    expect(checkChartEvent({ kind: 'symbol', symbol: 'ETHUSDT', resolution: '15' }, '')).toBeNull();
    expect(checkChartEvent({ kind: 'eval', code: '1' }, '')).toMatch(/kind/);
  });
});

describe('chart symbols', () => {
  it.each([
    ['BTCUSDT@USDT_PERPETUAL', 'BTCUSDT'],
    ['BINANCE:BTCUSDT.P', 'BTCUSDT'],
    ['BTC-USDT-SWAP', 'BTCUSDT'],
    ['ethusdt', 'ETHUSDT'],
    ['', ''],
    [42, ''],
  ])('%s → %s', (raw, canonical) => {
    expect(normaliseChartSymbol(raw)).toBe(canonical);
  });
});
