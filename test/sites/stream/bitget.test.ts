// Bitget v2 public live stream spec (src/sites/bitget/stream.ts) on documented frames (test/fixtures/ws/bitget).
import { describe, expect, it } from 'vitest';
import { bitgetStream as spec } from '../../../src/sites/bitget/stream';
import { StreamFrameError } from '../../../src/sites/shared/stream-spec';
import { json, mutate, NOW, run, text } from './frames';

const parser = () => spec.parser(() => 1);
const msg = (o: { message: string }) => JSON.parse(o.message);
const arg = (channel: string) => ({ instType: 'USDT-FUTURES', channel, instId: 'BTCUSDT' });

describe('bitget stream spec', () => {
  it('one socket, the text "ping" every 30 s, stale after a silence above that', () => {
    expect(spec.endpoints).toHaveLength(1);
    const e = spec.endpoints[0]!;
    expect(e.url).toBe('wss://ws.bitget.com/v2/ws/public');
    expect(e.ping).toEqual({ message: 'ping', everyMs: 30_000 });
    expect(e.silentMs).toBeGreaterThan(30_000);
    expect(e.silentMs).toBeLessThanOrEqual(60_000);
  });

  it('says why it has no liquidations: none in the documented public WebSocket', () => {
    expect(spec.liquidations).not.toBe('published');
    const absent = (spec.liquidations as { absent: string }).absent;
    expect(absent).toMatch(/no liquidation channel/);
    expect(absent).toMatch(/v2/);
  });

  it('subscribe / unsubscribe name ticker, trade and books15 with instType USDT-FUTURES', () => {
    expect(spec.subscribe('BTCUSDT').map((o) => [o.endpoint, msg(o)])).toEqual([[0, { op: 'subscribe', args: [arg('ticker'), arg('trade'), arg('books15')] }]]);
    expect(spec.unsubscribe('BTCUSDT').map(msg)).toEqual([{ op: 'unsubscribe', args: [arg('ticker'), arg('trade'), arg('books15')] }]);
    expect(spec.bookSubscribe('BTCUSDT').map(msg)).toEqual([{ op: 'subscribe', args: [arg('books15')] }]);
    expect(spec.bookUnsubscribe('BTCUSDT').map(msg)).toEqual([{ op: 'unsubscribe', args: [arg('books15')] }]);
  });

  it('ticker: markPrice at the data ts', () => {
    expect(run(parser(), text('bitget', 'ws-ticker.json')).events).toEqual([{ symbol: 'BTCUSDT', event: { kind: 'mark', t: 1764000000800, price: 97002.7 } }]);
    const noTs = mutate(json('bitget', 'ws-ticker.json'), (o) => delete o.data[0].ts);
    expect(run(parser(), noTs).events[0]!.event).toMatchObject({ t: 1764000000801 }); // the envelope's ts
  });

  it('trade (doc example, newest first): oldest first out, side as sent', () => {
    expect(run(parser(), text('bitget', 'ws-trade.json')).events).toEqual([
      { symbol: 'BTCUSDT', event: { kind: 'trade', t: 1695716759514, price: 27000, qty: 0.001, side: 'sell' } },
      { symbol: 'BTCUSDT', event: { kind: 'trade', t: 1695716760565, price: 27000.5, qty: 0.001, side: 'buy' } },
    ]);
  });

  it('books15: a whole top-15 each push, bids descending, asks ascending', () => {
    expect(run(parser(), text('bitget', 'ws-books15.json')).events).toEqual([
      { symbol: 'BTCUSDT', event: { kind: 'book', t: 1764000000810, bids: [[97003, 1.2], [97002, 0.9]], asks: [[97003.1, 0.4], [97003.5, 1.1]] } },
    ]);
  });

  it('"pong" and subscribe acks are control; an error event throws', () => {
    expect(run(parser(), 'pong')).toMatchObject({ events: [], control: true });
    expect(run(parser(), text('bitget', 'ws-subscribe-ack.json'))).toMatchObject({ events: [], control: true });
    expect(() => parser().frame(0, text('bitget', 'ws-error.json'), NOW)).toThrow(/bitget frame: event: error 30001/);
  });

  it('other product types, other symbols and unknown channels are nothing', () => {
    expect(run(parser(), mutate(json('bitget', 'ws-ticker.json'), (o) => (o.arg.instType = 'SPOT'))).events).toEqual([]);
    expect(run(parser(), mutate(json('bitget', 'ws-ticker.json'), (o) => (o.data[0].instId = 'ETHUSDT'))).events).toEqual([]);
    expect(run(parser(), JSON.stringify({ action: 'snapshot', arg: arg('candle1m'), data: [[]] }))).toMatchObject({ events: [], control: false });
  });

  it('malformed frames throw StreamFrameError', () => {
    const p = parser();
    const bad = (s: string) => () => p.frame(0, s, NOW);
    expect(bad('{')).toThrow(StreamFrameError);
    expect(bad(mutate(json('bitget', 'ws-ticker.json'), (o) => (o.data[0].markPrice = '0')))).toThrow(/bitget ticker: data\[\]\.markPrice/);
    expect(bad(mutate(json('bitget', 'ws-ticker.json'), (o) => (o.data[0].ts = 'later')))).toThrow(/ticker: data\[\]\.ts/);
    expect(bad(mutate(json('bitget', 'ws-trade.json'), (o) => (o.data[0].side = 'BUY?')))).toThrow(/trade: data\[\]\.side/);
    expect(bad(mutate(json('bitget', 'ws-trade.json'), (o) => (o.data[1].price = 'NaN')))).toThrow(/trade: data\[\]\.price/);
    expect(bad(mutate(json('bitget', 'ws-books15.json'), (o) => (o.data[0].asks = [['97003.1']])))).toThrow(/books15: data\[0\]\.asks/);
    expect(bad(mutate(json('bitget', 'ws-books15.json'), (o) => (o.arg = 7)))).toThrow(/bitget frame: arg/);
  });
});
