// Where the widget is published: `tradingViewApi` or `TradingViewApi`, on the chart frame's window or the page's.
import { describe, expect, it } from 'vitest';
import { findWidget, stillPublished, type FoundWidget } from '../../src/bridge/find-widget';

const chart = () => ({ symbol: () => 'SWAP:BTC-USDT-SWAP~LastPrice', getPanes: () => [] });
const widgetOf = (c: object) => ({ activeChart: () => c });

/** A page (top window) with optional chart frames; only what findWidget touches. */
function page(frames: { id: string; win: Record<string, unknown> }[], globals: Record<string, unknown> = {}) {
  const els = frames.map((f) => ({ id: f.id, name: f.id, isConnected: true, contentWindow: { document: {}, ...f.win } }));
  const top = {
    ...globals,
    document: { querySelectorAll: (sel: string) => (sel.includes('tradingview_') ? els : []) },
  };
  return { top: top as unknown as Window, els };
}

describe('finding the TradingView widget', () => {
  it.each(['tradingViewApi', 'TradingViewApi'])('in the chart frame as %s', (name) => {
    const c = chart();
    const { top } = page([{ id: 'tradingview_a3b59', win: { [name]: widgetOf(c) } }]);
    const found = findWidget(top) as FoundWidget;
    expect(found.chart).toBe(c);
    expect(found.via).toBe(`iframe#tradingview_a3b59 › ${name}`);
    expect(found.global).toBe(name);
  });

  it.each(['tradingViewApi', 'TradingViewApi'])('on the page itself as %s', (name) => {
    const c = chart();
    const { top } = page([], { [name]: widgetOf(c) });
    const found = findWidget(top) as FoundWidget;
    expect(found.chart).toBe(c);
    expect(found.via).toBe(`window › ${name}`);
  });

  it('prefers the chart frame to a page global, and says why when there is none', () => {
    const inFrame = chart();
    const { top } = page([{ id: 'tradingview_1', win: { tradingViewApi: widgetOf(inFrame) } }], { TradingViewApi: widgetOf(chart()) });
    expect((findWidget(top) as FoundWidget).chart).toBe(inFrame);
    expect(findWidget(page([]).top)).toEqual({ reason: 'no TradingView chart frame or widget global on this page' });
    expect(findWidget(page([{ id: 'tradingview_2', win: {} }]).top)).toEqual({ reason: 'chart frame found but no widget API in it' });
  });

  it('a global that is not a widget (the page owns it) is skipped, never called blindly', () => {
    const c = chart();
    const { top } = page([], { tradingViewApi: { activeChart: () => { throw new Error('boom'); } }, TradingViewApi: widgetOf(c) });
    expect((findWidget(top) as FoundWidget).chart).toBe(c);
  });
});

describe('is the widget still the page’s chart?', () => {
  it('no once its frame left the document (a chart-type switch) or the global was replaced', () => {
    const { top, els } = page([{ id: 'tradingview_a3b59', win: { tradingViewApi: widgetOf(chart()) } }]);
    const found = findWidget(top) as FoundWidget;
    expect(stillPublished(found)).toBe(true);
    els[0]!.isConnected = false;
    expect(stillPublished(found)).toBe(false);
    els[0]!.isConnected = true;
    (els[0]!.contentWindow as Record<string, unknown>).tradingViewApi = widgetOf(chart());
    expect(stillPublished(found)).toBe(false);
  });

  it('yes when the page republishes a fresh wrapper of the same chart', () => {
    const c = chart();
    const globals: Record<string, unknown> = { TradingViewApi: widgetOf(c) };
    const { top } = page([], globals);
    const found = findWidget(top) as FoundWidget;
    (top as unknown as Record<string, unknown>).TradingViewApi = widgetOf(c);
    expect(stillPublished(found)).toBe(true);
  });
});
