// Binance USDⓈ-M live stream spec (src/sites/binance/stream.ts) on documented frames (test/fixtures/ws/binance).
import { describe, expect, it } from 'vitest';
import { binanceStream as spec } from '../../../src/sites/binance/stream';
import { StreamFrameError } from '../../../src/sites/shared/stream-spec';
import { json, mutate, NOW, run, text } from './frames';

const combined = (stream: string, data: unknown) => JSON.stringify({ stream, data });
const parser = () => spec.parser(() => 1);

describe('binance stream spec', () => {
  it('two routed sockets, no application ping, a silence limit above the push interval', () => {
    expect(spec.endpoints.map((e) => e.url)).toEqual(['wss://fstream.binance.com/market/stream', 'wss://fstream.binance.com/public/stream']);
    for (const e of spec.endpoints) {
      expect(e.ping).toBeUndefined();
      expect(e.silentMs).toBeGreaterThanOrEqual(30_000);
      expect(e.silentMs).toBeLessThanOrEqual(60_000);
    }
    expect(spec.liquidations).toBe('published');
  });

  it('subscribes mark, trades and liquidations on /market and the book on /public, with increasing ids', () => {
    const sub = spec.subscribe('BTCUSDT').map((o) => ({ endpoint: o.endpoint, ...JSON.parse(o.message) }));
    expect(sub).toEqual([
      { endpoint: 0, method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s', 'btcusdt@aggTrade', 'btcusdt@forceOrder'], id: expect.any(Number) },
      { endpoint: 1, method: 'SUBSCRIBE', params: ['btcusdt@depth20@100ms'], id: expect.any(Number) },
    ]);
    expect(sub[1].id).toBeGreaterThan(sub[0].id);
    const unsub = spec.unsubscribe('BTCUSDT').map((o) => ({ endpoint: o.endpoint, ...JSON.parse(o.message) }));
    expect(unsub.map((u) => [u.endpoint, u.method, u.params])).toEqual([
      [0, 'UNSUBSCRIBE', ['btcusdt@markPrice@1s', 'btcusdt@aggTrade', 'btcusdt@forceOrder']],
      [1, 'UNSUBSCRIBE', ['btcusdt@depth20@100ms']],
    ]);
    expect(spec.bookSubscribe('ETHUSDT').map((o) => [o.endpoint, JSON.parse(o.message).params])).toEqual([[1, ['ethusdt@depth20@100ms']]]);
    expect(spec.bookUnsubscribe('ETHUSDT').map((o) => [o.endpoint, JSON.parse(o.message).method])).toEqual([[1, 'UNSUBSCRIBE']]);
  });

  it('markPrice (recorded sample): the mark at the event time', () => {
    const r = run(parser(), combined('btcusdt@markPrice@1s', json('binance', 'ws-markPrice.json')));
    expect(r.events).toEqual([{ symbol: 'BTCUSDT', event: { kind: 'mark', t: 1562305380000, price: 11794.15 } }]);
    expect(r.control).toBe(false);
    expect(r.resync).toEqual([]);
  });

  it('forceOrder (recorded sample): a SELL liquidation order closed a long; average price × filled qty', () => {
    const r = run(parser(), combined('btcusdt@forceOrder', json('binance', 'ws-forceOrder.json')));
    expect(r.events).toHaveLength(1);
    const e = r.events[0]!;
    expect(e.symbol).toBe('BTCUSDT');
    expect(e.event).toMatchObject({ kind: 'liquidation', t: 1568014460893, price: 9910, qty: 0.014, side: 'long' });
    expect((e.event as { usd: number }).usd).toBeCloseTo(138.74, 9); // 9910 × 0.014
    const buy = mutate(json('binance', 'ws-forceOrder.json'), (o) => (o.o.S = 'BUY'));
    expect(run(parser(), combined('btcusdt@forceOrder', JSON.parse(buy))).events[0]!.event).toMatchObject({ side: 'short' });
  });

  it('aggTrade: m = true (buyer is maker) is a taker SELL, m = false a taker BUY', () => {
    const d = json('binance', 'ws-aggTrade.json');
    expect(run(parser(), combined('btcusdt@aggTrade', d)).events).toEqual([
      { symbol: 'BTCUSDT', event: { kind: 'trade', t: 1764000000123, price: 97000.5, qty: 0.25, side: 'sell' } },
    ]);
    expect(run(parser(), combined('btcusdt@aggTrade', { ...d, m: false })).events[0]!.event).toMatchObject({ side: 'buy' });
  });

  it('depth20: a whole top-20 book at the transaction time, bids descending, asks ascending', () => {
    const r = run(parser(), combined('btcusdt@depth20@100ms', json('binance', 'ws-depth20.json')), NOW, 1);
    expect(r.events).toEqual([
      {
        symbol: 'BTCUSDT',
        event: { kind: 'book', t: 1764000000190, bids: [[97000, 1.5], [96999.9, 0.2], [96999, 3]], asks: [[97000.1, 0.8], [97001, 2]] },
      },
    ]);
    // Out of order and zero levels: sorted, zeros dropped.
    const messy = { ...json('binance', 'ws-depth20.json'), b: [['1', '1'], ['3', '0'], ['2', '2']], a: [['5', '1'], ['4', '1']] };
    expect(run(parser(), combined('btcusdt@depth20@100ms', messy)).events[0]!.event).toMatchObject({ bids: [[2, 2], [1, 1]], asks: [[4, 1], [5, 1]] });
  });

  it('a subscribe ack is control; an error response throws', () => {
    expect(run(parser(), text('binance', 'ws-subscribe-ack.json'))).toMatchObject({ events: [], control: true });
    expect(() => parser().frame(0, text('binance', 'ws-error.json'), NOW)).toThrow(StreamFrameError);
    expect(() => parser().frame(0, text('binance', 'ws-error.json'), NOW)).toThrow(/Invalid request/);
  });

  it('unknown streams and events are nothing, not errors', () => {
    expect(run(parser(), combined('btcusdt@kline_1m', { e: 'kline', E: 1, s: 'BTCUSDT', k: {} }))).toMatchObject({ events: [], control: false });
    expect(run(parser(), JSON.stringify({ hello: 1 }))).toMatchObject({ events: [], control: false });
  });

  it('malformed frames throw StreamFrameError naming exchange, channel and field', () => {
    const p = parser();
    const bad = (stream: string, data: unknown) => () => p.frame(0, combined(stream, data), NOW);
    expect(() => p.frame(0, '{not json', NOW)).toThrow(StreamFrameError);
    expect(() => p.frame(0, '[]', NOW)).toThrow(StreamFrameError);
    const agg = json('binance', 'ws-aggTrade.json');
    for (const p of ['0', '-1', 'abc', 'Infinity', '', null]) expect(bad('btcusdt@aggTrade', { ...agg, p })).toThrow(StreamFrameError);
    expect(bad('btcusdt@aggTrade', { ...agg, q: '0' })).toThrow(/binance aggTrade: q/);
    expect(bad('btcusdt@aggTrade', { ...agg, m: 'true' })).toThrow(/binance aggTrade: m/);
    expect(bad('btcusdt@aggTrade', { ...agg, T: 'soon' })).toThrow(/binance aggTrade: T/);
    const mark = json('binance', 'ws-markPrice.json');
    expect(bad('btcusdt@markPrice@1s', { ...mark, p: 'NaN' })).toThrow(/binance markPrice: p/);
    const liq = json('binance', 'ws-forceOrder.json');
    expect(bad('btcusdt@forceOrder', { ...liq, o: { ...liq.o, S: 'SIDEWAYS' } })).toThrow(/o\.S/);
    expect(bad('btcusdt@forceOrder', { ...liq, o: 'x' })).toThrow(/forceOrder: o/);
    const depth = json('binance', 'ws-depth20.json');
    expect(bad('btcusdt@depth20@100ms', { ...depth, b: 'x' })).toThrow(/depth20: b/);
    expect(bad('btcusdt@depth20@100ms', { ...depth, a: [['1']] })).toThrow(/depth20: a/);
    expect(bad('btcusdt@depth20@100ms', { ...depth, a: [['-5', '1']] })).toThrow(StreamFrameError);
  });
});
