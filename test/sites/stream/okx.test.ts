// OKX v5 public live stream spec (src/sites/okx/stream.ts) on documented frames (test/fixtures/ws/okx).
import { describe, expect, it } from 'vitest';
import { okxStream as spec, okxSymbol } from '../../../src/sites/okx/stream';
import { okxRecorder } from '../../../src/sites/okx/recorder';
import { StreamFrameError } from '../../../src/sites/shared/stream-spec';
import { json, mutate, NOW, run, text } from './frames';

// ctVal as OKX lists it: BTC-USDT-SWAP 0.01 BTC, ETH-USDT-SWAP 0.1 ETH; NaN = not watched.
const CT: Record<string, number> = { BTCUSDT: 0.01, ETHUSDT: 0.1 };
const parser = (ct: Record<string, number> = CT) => spec.parser((s) => ct[s] ?? Number.NaN);
const msg = (o: { message: string }) => JSON.parse(o.message);

describe('okx stream spec', () => {
  it('one socket, the text "ping" every 25 s, stale after a silence above that', () => {
    expect(spec.endpoints).toHaveLength(1);
    const e = spec.endpoints[0]!;
    expect(e.url).toBe('wss://ws.okx.com:8443/ws/v5/public');
    expect(e.ping).toEqual({ message: 'ping', everyMs: 25_000 });
    expect(e.silentMs).toBeGreaterThan(25_000);
    expect(e.silentMs).toBeLessThanOrEqual(60_000);
    expect(spec.liquidations).toBe('published');
  });

  it('BTCUSDT ↔ BTC-USDT-SWAP, as the recorder maps it; inverse swaps are not ours', () => {
    expect(okxSymbol(okxRecorder.instrument('BTCUSDT'))).toBe('BTCUSDT');
    expect(okxSymbol('1000PEPE-USDT-SWAP')).toBe('1000PEPEUSDT');
    expect(okxSymbol('BTC-USD-SWAP')).toBeNull();
    expect(okxSymbol('BTC-USDT')).toBeNull();
  });

  it('subscribe names mark-price, trades, books5 and the market-wide liquidation channel; unsubscribe leaves that one on', () => {
    const inst = 'BTC-USDT-SWAP';
    expect(spec.subscribe('BTCUSDT').map((o) => [o.endpoint, msg(o)])).toEqual([
      [0, { op: 'subscribe', args: [{ channel: 'mark-price', instId: inst }, { channel: 'trades', instId: inst }, { channel: 'books5', instId: inst }, { channel: 'liquidation-orders', instType: 'SWAP' }] }],
    ]);
    expect(spec.unsubscribe('BTCUSDT').map(msg)).toEqual([
      { op: 'unsubscribe', args: [{ channel: 'mark-price', instId: inst }, { channel: 'trades', instId: inst }, { channel: 'books5', instId: inst }] },
    ]);
    expect(spec.bookSubscribe('BTCUSDT').map(msg)).toEqual([{ op: 'subscribe', args: [{ channel: 'books5', instId: inst }] }]);
    expect(spec.bookUnsubscribe('BTCUSDT').map(msg)).toEqual([{ op: 'unsubscribe', args: [{ channel: 'books5', instId: inst }] }]);
  });

  it('mark-price: markPx at its ts', () => {
    expect(run(parser(), text('okx', 'ws-mark-price.json')).events).toEqual([{ symbol: 'BTCUSDT', event: { kind: 'mark', t: 1764000000700, price: 97005.3 } }]);
  });

  it('trades: 25 contracts × 0.01 BTC = 0.25 BTC; side is the taker side', () => {
    expect(run(parser(), text('okx', 'ws-trades.json')).events).toEqual([
      { symbol: 'BTCUSDT', event: { kind: 'trade', t: 1764000000710, price: 97006.1, qty: 0.25, side: 'sell' } },
    ]);
    // Another ctVal scales the same frame.
    expect(run(parser({ BTCUSDT: 0.001 }), text('okx', 'ws-trades.json')).events[0]!.event).toMatchObject({ qty: 0.025 });
  });

  it('books5: a whole top-5, sizes contracts → coin', () => {
    expect(run(parser(), text('okx', 'ws-books5.json')).events).toEqual([
      // bids 80 and 300 contracts, asks 120 and 30 contracts, × 0.01
      { symbol: 'BTCUSDT', event: { kind: 'book', t: 1764000000720, bids: [[97006.1, 0.8], [97005, 3]], asks: [[97006.2, 1.2], [97006.5, 0.3]] } },
    ]);
  });

  it('liquidation-orders: only watched USDT swaps; a net-mode SELL closed a long, posSide names the side otherwise', () => {
    const onlyBtc = run(parser({ BTCUSDT: 0.01 }), text('okx', 'ws-liquidation-orders.json'));
    expect(onlyBtc.events).toHaveLength(1);
    expect(onlyBtc.events[0]!.symbol).toBe('BTCUSDT');
    // 10 contracts × 0.01 = 0.1 BTC at the bankruptcy price 96 500.5: 9 650.05 USD.
    expect(onlyBtc.events[0]!.event).toMatchObject({ kind: 'liquidation', t: 1764000000730, price: 96500.5, qty: 0.1, side: 'long' });
    expect((onlyBtc.events[0]!.event as { usd: number }).usd).toBeCloseTo(9650.05, 6);
    const both = run(parser(), text('okx', 'ws-liquidation-orders.json'));
    expect(both.events.map((e) => e.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    // ETH: posSide short; 7 contracts × 0.1 = 0.7 ETH at 3 650.2: 2 555.14 USD.
    expect(both.events[1]!.event).toMatchObject({ kind: 'liquidation', price: 3650.2, side: 'short' });
    expect((both.events[1]!.event as { qty: number }).qty).toBeCloseTo(0.7, 12);
    expect((both.events[1]!.event as { usd: number }).usd).toBeCloseTo(2555.14, 6);
    expect(run(parser({}), text('okx', 'ws-liquidation-orders.json')).events).toEqual([]);
  });

  it('a subscribed channel without a contract size throws rather than guess coin', () => {
    expect(() => parser({}).frame(0, text('okx', 'ws-trades.json'), NOW)).toThrow(/okx trades: ctVal/);
    expect(() => parser({ BTCUSDT: 0 }).frame(0, text('okx', 'ws-books5.json'), NOW)).toThrow(/okx books5: ctVal/);
    // The mark has no size: fine without one.
    expect(run(parser({}), text('okx', 'ws-mark-price.json')).events).toHaveLength(1);
  });

  it('"pong" and subscribe acks are control; an error event throws', () => {
    expect(run(parser(), 'pong')).toMatchObject({ events: [], control: true });
    expect(run(parser(), text('okx', 'ws-subscribe-ack.json'))).toMatchObject({ events: [], control: true });
    expect(() => parser().frame(0, text('okx', 'ws-error.json'), NOW)).toThrow(/okx frame: event: error 60012/);
  });

  it('other instruments and unknown channels are nothing', () => {
    const inverse = mutate(json('okx', 'ws-books5.json'), (o) => (o.arg.instId = 'BTC-USD-SWAP'));
    expect(run(parser(), inverse).events).toEqual([]);
    const stray = mutate(json('okx', 'ws-trades.json'), (o) => (o.data[0].instId = 'ETH-USDT-SWAP'));
    expect(run(parser(), stray).events).toEqual([]);
    expect(run(parser(), JSON.stringify({ arg: { channel: 'funding-rate', instId: 'BTC-USDT-SWAP' }, data: [{}] }))).toMatchObject({ events: [], control: false });
  });

  it('malformed frames throw StreamFrameError', () => {
    const p = parser();
    const bad = (s: string) => () => p.frame(0, s, NOW);
    expect(bad('ping?')).toThrow(StreamFrameError);
    expect(bad(mutate(json('okx', 'ws-mark-price.json'), (o) => (o.data[0].markPx = '-1')))).toThrow(/mark-price: data\[\]\.markPx/);
    expect(bad(mutate(json('okx', 'ws-trades.json'), (o) => (o.data[0].side = 'both')))).toThrow(/trades: data\[\]\.side/);
    expect(bad(mutate(json('okx', 'ws-trades.json'), (o) => (o.data[0].sz = '0')))).toThrow(/trades: data\[\]\.sz/);
    expect(bad(mutate(json('okx', 'ws-books5.json'), (o) => (o.data[0].bids = null)))).toThrow(/books5: data\[0\]\.bids/);
    expect(bad(mutate(json('okx', 'ws-liquidation-orders.json'), (o) => (o.data[0].details[0].bkPx = 'x')))).toThrow(/bkPx/);
    expect(bad(mutate(json('okx', 'ws-liquidation-orders.json'), (o) => (o.data[0].details = {})))).toThrow(/details/);
    expect(bad(mutate(json('okx', 'ws-trades.json'), (o) => delete o.arg.instId))).toThrow(/arg\.instId/);
  });
});
