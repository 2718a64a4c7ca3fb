// Bybit v5 linear live stream spec (src/sites/bybit/stream.ts) on documented frames (test/fixtures/ws/bybit).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bybitStream as spec } from '../../../src/sites/bybit/stream';
import { StreamFrameError, type StreamParser } from '../../../src/sites/shared/stream-spec';
import { json, mutate, NOW, run, text } from './frames';

const parser = () => spec.parser(() => 1);
const msg = (o: { message: string }) => JSON.parse(o.message);
const bookOf = (p: StreamParser, frame: string) => {
  const r = p.frame(0, frame, NOW);
  return r.events.length ? (r.events[0]!.event as unknown as { bids: number[][]; asks: number[][]; t: number }) : null;
};
const delta = (u: number, b: string[][], a: string[][], s = 'BTCUSDT') =>
  JSON.stringify({ topic: `orderbook.50.${s}`, type: 'delta', ts: 1764000000700 + u, data: { s, b, a, u, seq: 1 } });

describe('bybit stream spec', () => {
  it('one socket, pinged with {"op":"ping"} every 20 s, stale after a silence above that', () => {
    expect(spec.endpoints).toHaveLength(1);
    const e = spec.endpoints[0]!;
    expect(e.url).toBe('wss://stream.bybit.com/v5/public/linear');
    expect(e.ping).toEqual({ message: '{"op":"ping"}', everyMs: 20_000 });
    expect(e.silentMs).toBeGreaterThan(20_000);
    expect(e.silentMs).toBeLessThanOrEqual(60_000);
    expect(spec.liquidations).toBe('published');
  });

  it('subscribe / unsubscribe name the four topics; the book alone for a resync', () => {
    const topics = ['tickers.BTCUSDT', 'allLiquidation.BTCUSDT', 'publicTrade.BTCUSDT', 'orderbook.50.BTCUSDT'];
    expect(spec.subscribe('BTCUSDT').map((o) => [o.endpoint, msg(o)])).toEqual([[0, { op: 'subscribe', args: topics }]]);
    expect(spec.unsubscribe('BTCUSDT').map((o) => [o.endpoint, msg(o)])).toEqual([[0, { op: 'unsubscribe', args: topics }]]);
    expect(spec.bookSubscribe('BTCUSDT').map(msg)).toEqual([{ op: 'subscribe', args: ['orderbook.50.BTCUSDT'] }]);
    expect(spec.bookUnsubscribe('BTCUSDT').map(msg)).toEqual([{ op: 'unsubscribe', args: ['orderbook.50.BTCUSDT'] }]);
  });

  it('tickers: the mark from the snapshot; a delta without markPrice is nothing; one with it is a mark', () => {
    const p = parser();
    expect(run(p, text('bybit', 'ws-tickers-snapshot.json')).events).toEqual([{ symbol: 'BTCUSDT', event: { kind: 'mark', t: 1764000000300, price: 97008.25 } }]);
    expect(run(p, text('bybit', 'ws-tickers-delta.json'))).toMatchObject({ events: [], control: false, resync: [] });
    expect(run(p, text('bybit', 'ws-tickers-delta-mark.json')).events).toEqual([{ symbol: 'BTCUSDT', event: { kind: 'mark', t: 1764000000500, price: 97009 } }]);
  });

  it('publicTrade: S is the taker side; trades come out oldest first whatever the frame order', () => {
    const expected = [
      { symbol: 'BTCUSDT', event: { kind: 'trade', t: 1764000000010, price: 97010.5, qty: 0.015, side: 'buy' } },
      { symbol: 'BTCUSDT', event: { kind: 'trade', t: 1764000000012, price: 97010.4, qty: 0.3, side: 'sell' } },
    ];
    expect(run(parser(), text('bybit', 'ws-publicTrade.json')).events).toEqual(expected);
    const reversed = mutate(json('bybit', 'ws-publicTrade.json'), (o) => o.data.reverse());
    expect(run(parser(), reversed).events).toEqual(expected);
  });

  it('allLiquidation (recorded sample): S = Sell is a liquidated short; bankruptcy price × size', () => {
    const r = run(parser(), text('bybit', 'ws-allLiquidation.json'));
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.symbol).toBe('ROSEUSDT');
    expect(r.events[0]!.event).toMatchObject({ kind: 'liquidation', t: 1739502302929, price: 0.04499, qty: 20000, side: 'short' });
    expect((r.events[0]!.event as { usd: number }).usd).toBeCloseTo(899.8, 9); // 0.04499 × 20 000
    const buy = mutate(json('bybit', 'ws-allLiquidation.json'), (o) => (o.data[0].S = 'Buy'));
    expect(run(parser(), buy).events[0]!.event).toMatchObject({ side: 'long' });
  });

  it('orderbook.50: a snapshot, then a delta applied level by level (size 0 deletes)', () => {
    const p = parser();
    expect(bookOf(p, text('bybit', 'ws-orderbook-snapshot.json'))).toEqual({
      kind: 'book',
      t: 1764000000600,
      bids: [[97010.4, 1.2], [97010, 0.5], [97009.5, 2]],
      asks: [[97010.5, 0.8], [97011, 1], [97012, 4]],
    });
    // u 1001: bid 97010.00 deleted, bid 97010.20 inserted, ask 97010.50 resized, ask 97013.00 appended.
    expect(bookOf(p, text('bybit', 'ws-orderbook-delta.json'))).toEqual({
      kind: 'book',
      t: 1764000000620,
      bids: [[97010.4, 1.2], [97010.2, 0.7], [97009.5, 2]],
      asks: [[97010.5, 0.3], [97011, 1], [97012, 4], [97013, 1.5]],
    });
  });

  it('an emitted book never changes afterwards (the next delta makes a new one)', () => {
    const p = parser();
    const first = bookOf(p, text('bybit', 'ws-orderbook-snapshot.json'))!;
    const copy = structuredClone(first);
    bookOf(p, text('bybit', 'ws-orderbook-delta.json'));
    expect(first).toEqual(copy);
  });

  it('a sequence gap puts the symbol in resync and drops the book until the next snapshot', () => {
    const p = parser();
    bookOf(p, text('bybit', 'ws-orderbook-snapshot.json')); // u 1000
    const gap = run(p, delta(1002, [['97010.40', '0']], []));
    expect(gap).toMatchObject({ events: [], resync: ['BTCUSDT'], control: false });
    // Deltas before the new snapshot are dropped, without asking again.
    expect(run(p, delta(1003, [['97000', '1']], []))).toMatchObject({ events: [], resync: [] });
    expect(run(p, delta(1004, [['97000', '1']], []))).toMatchObject({ events: [], resync: [] });
    // The resubscription's snapshot recovers the book, and deltas follow it again.
    const snap = mutate(json('bybit', 'ws-orderbook-snapshot.json'), (o) => (o.data.u = 2000));
    expect(bookOf(p, snap)?.bids).toEqual([[97010.4, 1.2], [97010, 0.5], [97009.5, 2]]);
    expect(bookOf(p, delta(2001, [['97010.40', '0']], []))?.bids).toEqual([[97010, 0.5], [97009.5, 2]]);
  });

  it('u = 1 replaces the book even when typed as a delta (Bybit restart)', () => {
    const p = parser();
    bookOf(p, text('bybit', 'ws-orderbook-snapshot.json'));
    expect(bookOf(p, delta(1, [['100', '1']], [['101', '2']]))).toMatchObject({ bids: [[100, 1]], asks: [[101, 2]] });
    expect(bookOf(p, delta(2, [['99', '3']], []))?.bids).toEqual([[100, 1], [99, 3]]);
  });

  it('reset forgets a symbol (or all): its deltas wait for a snapshot', () => {
    const p = parser();
    bookOf(p, text('bybit', 'ws-orderbook-snapshot.json'));
    p.reset('BTCUSDT');
    expect(run(p, text('bybit', 'ws-orderbook-delta.json'))).toMatchObject({ events: [], resync: [] });
    bookOf(p, text('bybit', 'ws-orderbook-snapshot.json'));
    p.reset();
    expect(run(p, text('bybit', 'ws-orderbook-delta.json'))).toMatchObject({ events: [], resync: [] });
  });

  it('pong and subscribe acks are control; a refused subscription throws', () => {
    expect(run(parser(), text('bybit', 'ws-pong.json'))).toMatchObject({ events: [], control: true });
    expect(run(parser(), text('bybit', 'ws-subscribe-ack.json'))).toMatchObject({ events: [], control: true });
    expect(() => parser().frame(0, text('bybit', 'ws-subscribe-refused.json'), NOW)).toThrow(StreamFrameError);
  });

  it('other symbols and unknown topics are nothing', () => {
    const other = mutate(json('bybit', 'ws-publicTrade.json'), (o) => (o.topic = 'publicTrade.ETHUSDT'));
    expect(run(parser(), other).events).toEqual([]); // data names BTCUSDT: not this topic's
    const otherBook = mutate(json('bybit', 'ws-orderbook-snapshot.json'), (o) => (o.data.s = 'ETHUSDT'));
    expect(run(parser(), otherBook).events).toEqual([]);
    expect(run(parser(), JSON.stringify({ topic: 'kline.1.BTCUSDT', data: [] }))).toMatchObject({ events: [], control: false });
    expect(run(parser(), JSON.stringify({ topic: 'orderbook.1.BTCUSDT', type: 'snapshot', data: {} }))).toMatchObject({ events: [] });
  });

  it('malformed frames throw StreamFrameError; a bad delta leaves the book as it was', () => {
    const p = parser();
    const bad = (s: string) => () => p.frame(0, s, NOW);
    expect(bad('nope')).toThrow(StreamFrameError);
    expect(bad(mutate(json('bybit', 'ws-tickers-snapshot.json'), (o) => (o.data.markPrice = '0')))).toThrow(/bybit tickers: data\.markPrice/);
    expect(bad(mutate(json('bybit', 'ws-publicTrade.json'), (o) => (o.data[0].S = 'Up')))).toThrow(/publicTrade: data\[\]\.S/);
    expect(bad(mutate(json('bybit', 'ws-publicTrade.json'), (o) => (o.data[1].v = '-2')))).toThrow(/publicTrade: data\[\]\.v/);
    expect(bad(mutate(json('bybit', 'ws-allLiquidation.json'), (o) => (o.data[0].p = 'x')))).toThrow(/allLiquidation: data\[\]\.p/);
    expect(bad(mutate(json('bybit', 'ws-orderbook-snapshot.json'), (o) => (o.type = 'partial')))).toThrow(/orderbook: type/);
    expect(bad(mutate(json('bybit', 'ws-orderbook-snapshot.json'), (o) => (o.data.u = 'x')))).toThrow(/orderbook: data\.u/);
    bookOf(p, text('bybit', 'ws-orderbook-snapshot.json'));
    expect(bad(delta(1001, [['97010.20', '0.7']], [['97013', 'lots']]))).toThrow(/orderbook: data\.a/);
    // Nothing of the bad delta was applied, and the good one with the same u still follows.
    expect(bookOf(p, text('bybit', 'ws-orderbook-delta.json'))?.bids).toEqual([[97010.4, 1.2], [97010.2, 0.7], [97009.5, 2]]);
  });

  it('property: random deltas keep bids strictly descending, asks strictly ascending, no zero sizes, ≤ 50 levels, equal to a reference book', () => {
    const level = fc.tuple(fc.integer({ min: 1, max: 160 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })));
    const side = fc.array(level, { maxLength: 12 });
    const px = (i: number) => (1000 + i * 0.5).toFixed(1);
    const rows = (ls: [number, number][], off: number): [string, string][] => ls.map(([i, s]) => [px(i + off), String(s / 10)]);
    fc.assert(
      fc.property(fc.array(fc.tuple(side, side), { minLength: 1, maxLength: 40 }), (deltas) => {
        const p = parser();
        // Reference: price → size maps, cut to the 50 best after each message.
        const ref = { b: new Map<number, number>(), a: new Map<number, number>() };
        const cut = (m: Map<number, number>, desc: boolean) => {
          const kept = [...m].sort((x, z) => (desc ? z[0] - x[0] : x[0] - z[0])).slice(0, 50);
          m.clear();
          for (const [k, v] of kept) m.set(k, v);
          return kept;
        };
        bookOf(p, JSON.stringify({ topic: 'orderbook.50.BTCUSDT', type: 'snapshot', ts: 1, data: { s: 'BTCUSDT', b: [], a: [], u: 10 } }));
        let u = 10;
        for (const [b, a] of deltas) {
          // bids below 1040, asks above it: a realistic uncrossed book
          const bb = rows(b as [number, number][], -80);
          const aa = rows(a as [number, number][], 80);
          const book = bookOf(p, delta(++u, bb, aa))!;
          for (const [k, v] of bb) (+v === 0 ? ref.b.delete(+k) : ref.b.set(+k, +v));
          for (const [k, v] of aa) (+v === 0 ? ref.a.delete(+k) : ref.a.set(+k, +v));
          expect(book.bids).toEqual(cut(ref.b, true));
          expect(book.asks).toEqual(cut(ref.a, false));
          for (let i = 1; i < book.bids.length; i++) expect(book.bids[i]![0]).toBeLessThan(book.bids[i - 1]![0]!);
          for (let i = 1; i < book.asks.length; i++) expect(book.asks[i]![0]).toBeGreaterThan(book.asks[i - 1]![0]!);
          for (const [, s] of [...book.bids, ...book.asks]) expect(s).toBeGreaterThan(0);
          expect(book.bids.length).toBeLessThanOrEqual(50);
          expect(book.asks.length).toBeLessThanOrEqual(50);
        }
      }),
      { numRuns: 200 },
    );
  });
});
