import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseChartSymbol } from '../../src/symbols/chart-symbol';

describe('chart symbols as the exchanges publish them', () => {
  it.each([
    // Seen on the real pages (docs/pages-and-overlay.md §0.3): the widget's symbol() is not the bare symbol.
    ['BTCUSDT@PRICETYPE=LAST', 'BTCUSDT'],
    ['BTCUSDT@PRICETYPE=MARK', 'BTCUSDT'],
    ['SWAP:BTC-USDT-SWAP~LastPrice', 'BTCUSDT'],
    ['SWAP:ETH-USDT-SWAP~MarkPrice', 'ETHUSDT'],
    ['SPOT:BTC-USDT~LastPrice', 'BTCUSDT'],
    ['SWAP:PEPE-USDT-SWAP~LastPrice', 'PEPEUSDT'],
    ['BTRUSDT@PRICETYPE=LAST', 'BTRUSDT'],
    // Other public forms.
    ['EXCHANGE:BTCUSDT.P', 'BTCUSDT'],
    ['X:BTCUSDTPERP', 'BTCUSDT'],
    ['BTC-USDT-SWAP', 'BTCUSDT'],
    ['BTC_USDT_PERP', 'BTCUSDT'],
    ['btc/usdt', 'BTCUSDT'],
    ['BTCUSDT@USDT_PERPETUAL', 'BTCUSDT'],
    ['1000PEPEUSDT@PRICETYPE=LAST', '1000PEPEUSDT'],
    ['ethusdc', 'ETHUSDC'],
    [' SWAP:SOL-USDT-SWAP~LastPrice ', 'SOLUSDT'],
  ])('%s → %s', (raw, canonical) => {
    expect(normaliseChartSymbol(raw)).toBe(canonical);
  });

  it('no longer reads the OKX form as one long name (the old BTCUSDTSWAPLASTPRICE)', () => {
    expect(normaliseChartSymbol('SWAP:BTC-USDT-SWAP~LastPrice')).not.toMatch(/SWAP|PRICE/);
  });

  it.each([
    ['', ''],
    [42, ''],
    [null, ''],
    ['@PRICETYPE=LAST', ''],
    ['SWAP:', ''],
    ['BTC$USDT', ''],
    ['X'.repeat(200), ''],
  ])('%s → nothing usable', (raw, canonical) => {
    expect(normaliseChartSymbol(raw)).toBe(canonical);
  });

  it('keeps what tells markets apart: a dated future is not the perpetual, a multiplier stays', () => {
    expect(normaliseChartSymbol('FUTURES:BTC-USDT-250627~LastPrice')).toBe('BTCUSDT250627');
    expect(normaliseChartSymbol('1000PEPEUSDT@PRICETYPE=LAST')).not.toBe('PEPEUSDT');
  });
});

describe('chart symbols, properties', () => {
  const canonical = fc
    .tuple(fc.stringMatching(/^[A-Z0-9]{2,10}$/), fc.constantFrom('USDT', 'USDC'))
    .map(([base, quote]) => ({ base, quote, symbol: base + quote }));
  const decoration = fc.record({
    prefix: fc.oneof(fc.constantFrom('', 'SWAP:', 'SPOT:', 'PERP:'), fc.stringMatching(/^[A-Z]{1,10}:$/)),
    sep: fc.constantFrom('', '-', '_', '/'),
    contract: fc.constantFrom('', '-SWAP', '.P', 'PERP', '_PERP', '-PERP', '-PERPETUAL', ' PERP'),
    priceType: fc.oneof(
      fc.constantFrom('', '@PRICETYPE=LAST', '@PRICETYPE=MARK', '~LastPrice', '~MarkPrice', '~IndexPrice'),
      fc.string({ maxLength: 20 }).map((s) => `@${s}`),
      fc.string({ maxLength: 20 }).map((s) => `~${s}`),
    ),
    lower: fc.boolean(),
  });

  it('every decorated form of a market normalises to that market', () => {
    fc.assert(
      fc.property(canonical, decoration, ({ base, quote, symbol }, d) => {
        const raw = `${d.prefix}${base}${d.sep}${quote}${d.contract}${d.priceType}`;
        const form = d.lower ? raw.replace(/^[^@~]*/, (m) => m.toLowerCase()) : raw;
        expect(normaliseChartSymbol(form)).toBe(symbol);
      }),
    );
  });

  it('two different markets never normalise to the same symbol', () => {
    fc.assert(
      fc.property(canonical, canonical, decoration, decoration, (a, b, da, db) => {
        fc.pre(a.symbol !== b.symbol);
        const form = (m: typeof a, d: typeof da) => `${d.prefix}${m.base}${d.sep}${m.quote}${d.contract}${d.priceType}`;
        expect(normaliseChartSymbol(form(a, da))).not.toBe(normaliseChartSymbol(form(b, db)));
      }),
    );
  });

  it('any string: never throws, gives a canonical-looking symbol or nothing, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (raw) => {
        const out = normaliseChartSymbol(raw);
        expect(out === '' || /^[A-Z0-9]{2,24}$/.test(out)).toBe(true);
        expect(normaliseChartSymbol(out)).toBe(out);
      }),
    );
  });
});
