// Generates the recorded-API fixtures in test/fixtures/api/<exchange>/<SYMBOL>/ from ONE synthetic
// market shared by all four exchanges: a smooth deterministic price path (seeded PRNG, no real data)
// with OI build-ups, a rally, a long flush and a recovery, so the liquidation map has clear clusters.
// Each exchange sees the same market with its own OI share, volume share and a small basis, written in
// that exchange's exact response format (OKX: built from docs/exchange-apis.md §3, not recorded).
//
// Timestamps start at T0 (below). scripts/fixtures/api/<exchange>.mjs replays the files "as if now":
// every timestamp is shifted so the newest bar is the 5-minute bar that contains the request time.
//
// Usage: node scripts/make-fixtures.mjs   (deterministic: re-running rewrites identical files)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

// The one seeded PRNG (tools/seeded-random.ts), so regenerated fixtures match the committed ones.
const { seededRandom: mulberry32 } = await tsImport('../tools/seeded-random.ts', import.meta.url);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/fixtures/api');
export const BAR_MS = 300_000;
/** First bar of the synthetic timeline (2026-01-05 00:00 UTC); the handlers rebase it. */
export const T0 = Date.UTC(2026, 0, 5);
/** 7 days + 7 hours of 5-minute bars: a 7-day window always has full coverage after rebasing. */
export const BARS = 2100;

/** Market per symbol: price level, volatility scale, coin volume and OI scale (BTC units × scale). */
const SYMBOLS = {
  BTCUSDT: { price: 97_000, volScale: 1, qtyScale: 1, dp: 1, tick: 0.1, okxCtVal: 0.01, seed: 11 },
  ETHUSDT: { price: 3_400, volScale: 1.3, qtyScale: 25, dp: 2, tick: 0.01, okxCtVal: 0.1, seed: 23 },
};

/** Exchange shares: OI (coin, BTC terms), volume per bar (coin), basis (fraction of price), seed. */
const EXCHANGES = {
  binance: { oi: 80_000, vol: 150, basis: 0, seed: 1 },
  bybit: { oi: 50_000, vol: 90, basis: 0.00008, seed: 2 },
  okx: { oi: 25_000, vol: 45, basis: -0.00005, seed: 3 },
  bitget: { oi: 40_000, vol: 55, basis: 0.00012, seed: 4 },
};

/** Log-price offsets (× volScale) at bar indices: range, rally, top range, flush, recovery, drift. */
const PRICE_ANCHORS = [
  [0, -0.012], [400, -0.013], [450, -0.01], [850, 0.018], [1150, 0.016], [1220, 0.014],
  [1250, -0.009], [1300, -0.004], [1700, -0.002], [BARS - 1, 0],
];
/** OI multipliers at the same kind of anchors: steady build, −9 % flush with the drop, rebuild. */
const OI_ANCHORS = [
  [0, 1], [400, 1.06], [850, 1.11], [1220, 1.15], [1250, 1.05], [1700, 1.1], [BARS - 1, 1.13],
];

function gaussian(rand) {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
/** Cosine interpolation through anchors: smooth, no overshoot. */
function interp(anchors, i) {
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [i0, v0] = anchors[k];
    const [i1, v1] = anchors[k + 1];
    if (i >= i0 && i <= i1) {
      const x = (i - i0) / (i1 - i0);
      return v0 + (v1 - v0) * (1 - Math.cos(Math.PI * x)) / 2;
    }
  }
  return anchors[anchors.length - 1][1];
}

/** The common market of one symbol: OHLC path, taker share, long share. */
function market(sym, cfg) {
  const rand = mulberry32(cfg.seed);
  const bars = [];
  let ar = 0;
  let prevClose = cfg.price * Math.exp(interp(PRICE_ANCHORS, 0) * cfg.volScale);
  for (let i = 0; i < BARS; i++) {
    ar = 0.97 * ar + 0.0006 * cfg.volScale * gaussian(rand);
    const close = cfg.price * Math.exp(interp(PRICE_ANCHORS, i) * cfg.volScale + ar);
    const open = prevClose;
    const wick = () => Math.abs(gaussian(rand)) * 0.0005 * cfg.volScale;
    const high = Math.max(open, close) * (1 + wick());
    const low = Math.min(open, close) * (1 - wick());
    const ret = Math.log(close / open);
    bars.push({
      t: T0 + i * BAR_MS,
      open,
      high,
      low,
      close,
      activity: 1 + Math.min(6, Math.abs(ret) * 400),
      takerBuyShare: 0.5 + 0.3 * Math.tanh(ret * 500),
      longShare: 0.5 + 0.08 * Math.sin(i / 150),
    });
    prevClose = close;
  }
  return bars;
}

/** One exchange's view: basis-shifted prices, its volume and OI share, OI noise. */
function exchangeView(bars, cfg, ex) {
  const rand = mulberry32(cfg.seed * 100 + ex.seed);
  let oiNoise = 0;
  return bars.map((b, i) => {
    oiNoise = 0.9 * oiNoise + 0.0012 * gaussian(rand);
    const k = 1 + ex.basis;
    const baseVolume = ex.vol * cfg.qtyScale * b.activity * (0.7 + 0.6 * rand());
    const vwap = (b.high + b.low + 2 * b.close) / 4;
    return {
      t: b.t,
      open: b.open * k,
      high: b.high * k,
      low: b.low * k,
      close: b.close * k,
      baseVolume,
      quoteVolume: baseVolume * vwap * k,
      takerBuyBase: baseVolume * b.takerBuyShare,
      oiCoin: ex.oi * cfg.qtyScale * interp(OI_ANCHORS, i) * (1 + oiNoise),
      longShare: Math.min(0.9, Math.max(0.1, b.longShare + 0.02 * (rand() - 0.5))),
    };
  });
}

/** A synthetic book around `mid`: levels every 0.01 % out to `levels` steps, thinning near the touch. */
function book(mid, levels, qtyScale, seed, dp) {
  const rand = mulberry32(seed);
  const bids = [];
  const asks = [];
  for (let j = 1; j <= levels; j++) {
    const q = () => +(qtyScale * (0.2 + 2.5 * rand()) * (1 + j / 150)).toFixed(3);
    bids.push([+(mid * (1 - j * 0.0001)).toFixed(dp), q()]);
    asks.push([+(mid * (1 + j * 0.0001)).toFixed(dp), q()]);
  }
  return { bids, asks };
}

const s = (x, dp) => x.toFixed(dp);
const q3 = (x) => x.toFixed(3);

function write(ex, sym, file, body) {
  const dir = sym ? path.join(OUT, ex, sym) : path.join(OUT, ex);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), JSON.stringify(body));
}

const LAST_T = T0 + (BARS - 1) * BAR_MS;
/** Long/short statistics: only recent points are ever asked for (limit ≤ 30), so keep one day. */
const recent = (v) => v.slice(-288);

function binance(sym, cfg, v) {
  const last = v[v.length - 1];
  write('binance', sym, 'klines.json', v.map((b) => [
    b.t, s(b.open, cfg.dp), s(b.high, cfg.dp), s(b.low, cfg.dp), s(b.close, cfg.dp), q3(b.baseVolume), b.t + BAR_MS - 1,
    s(b.quoteVolume, 2), Math.round(b.baseVolume * 40), q3(b.takerBuyBase), s(b.takerBuyBase * b.close, 2), '0',
  ]));
  // Binance stamps each 5m OI statistic at the end of its period: the value as of bar i's close.
  write('binance', sym, 'openInterestHist.json', v.map((b) => ({
    symbol: sym, sumOpenInterest: q3(b.oiCoin), sumOpenInterestValue: s(b.oiCoin * b.close, 8), timestamp: b.t,
  })));
  write('binance', sym, 'globalLongShortAccountRatio.json', recent(v).map((b) => ({
    symbol: sym, longShortRatio: (b.longShare / (1 - b.longShare)).toFixed(4), longAccount: b.longShare.toFixed(4), shortAccount: (1 - b.longShare).toFixed(4), timestamp: b.t,
  })));
  write('binance', sym, 'premiumIndex.json', {
    symbol: sym, markPrice: s(last.close, 8), indexPrice: s(last.close * 0.99995, 8), estimatedSettlePrice: s(last.close, 8),
    lastFundingRate: '0.00010000', interestRate: '0.00010000', nextFundingTime: LAST_T + 3 * 3600_000, time: LAST_T,
  });
  write('binance', sym, 'openInterest.json', { openInterest: q3(last.oiCoin), symbol: sym, time: LAST_T });
  const bk = book(last.close, 500, cfg.qtyScale, cfg.seed + 101, cfg.dp);
  write('binance', sym, 'depth.json', { lastUpdateId: 1027024, E: LAST_T, T: LAST_T, bids: bk.bids.map(([p, x]) => [s(p, cfg.dp), q3(x)]), asks: bk.asks.map(([p, x]) => [s(p, cfg.dp), q3(x)]) });
}

function bybit(sym, cfg, v) {
  const last = v[v.length - 1];
  const env = (result) => ({ retCode: 0, retMsg: 'OK', result, retExtInfo: {}, time: LAST_T });
  const newest = [...v].reverse();
  write('bybit', sym, 'kline.json', env({ symbol: sym, category: 'linear', list: newest.map((b) => [String(b.t), s(b.open, cfg.dp), s(b.high, cfg.dp), s(b.low, cfg.dp), s(b.close, cfg.dp), q3(b.baseVolume), s(b.quoteVolume, 4)]) }));
  write('bybit', sym, 'open-interest.json', env({ symbol: sym, category: 'linear', list: newest.map((b) => ({ openInterest: s(b.oiCoin, 8), timestamp: String(b.t) })), nextPageCursor: '' }));
  write('bybit', sym, 'account-ratio.json', env({ list: recent(v).reverse().map((b) => ({ symbol: sym, buyRatio: b.longShare.toFixed(4), sellRatio: (1 - b.longShare).toFixed(4), timestamp: String(b.t) })), nextPageCursor: '' }));
  write('bybit', sym, 'tickers.json', env({ category: 'linear', list: [{
    symbol: sym, lastPrice: s(last.close, cfg.dp), indexPrice: s(last.close * 0.99992, cfg.dp), markPrice: s(last.close, cfg.dp),
    prevPrice24h: s(v[v.length - 289].close, cfg.dp), openInterest: q3(last.oiCoin), openInterestValue: s(last.oiCoin * last.close, 2),
    fundingRate: '0.0001', nextFundingTime: String(LAST_T + 3 * 3600_000), bid1Price: s(last.close - cfg.tick, cfg.dp), ask1Price: s(last.close, cfg.dp),
  }] }));
  const bk = book(last.close, 500, cfg.qtyScale * 0.6, cfg.seed + 202, cfg.dp);
  write('bybit', sym, 'orderbook.json', env({ s: sym, b: bk.bids.map(([p, x]) => [s(p, cfg.dp), q3(x)]), a: bk.asks.map(([p, x]) => [s(p, cfg.dp), q3(x)]), ts: LAST_T, u: 230704, seq: 1432604333, cts: LAST_T }));
  write('bybit', sym, 'risk-limit.json', env({ category: 'linear', list: [
    { id: 1, symbol: sym, riskLimitValue: '2000000', maintenanceMargin: '0.005', initialMargin: '0.01', isLowestRisk: 1, maxLeverage: '100.00', mmDeduction: '' },
    { id: 2, symbol: sym, riskLimitValue: '4000000', maintenanceMargin: '0.0075', initialMargin: '0.0125', isLowestRisk: 0, maxLeverage: '80.00', mmDeduction: '5000' },
  ] }));
  write('bybit', sym, 'instruments-info.json', env({ category: 'linear', list: [{
    symbol: sym, contractType: 'LinearPerpetual', status: 'Trading', baseCoin: sym.replace('USDT', ''), quoteCoin: 'USDT', fundingInterval: 480,
    priceFilter: { minPrice: s(cfg.tick, cfg.dp), maxPrice: '1999999.80', tickSize: s(cfg.tick, cfg.dp) }, lotSizeFilter: { qtyStep: '0.001', minOrderQty: '0.001', maxOrderQty: '1190' },
  }], nextPageCursor: '' }));
}

function okx(sym, cfg, v) {
  const last = v[v.length - 1];
  const base = sym.replace('USDT', '');
  const instId = `${base}-USDT-SWAP`;
  const ct = cfg.okxCtVal;
  const env = (data) => ({ code: '0', msg: '', data });
  const newest = [...v].reverse();
  // [ts, o, h, l, c, vol (contracts), volCcy (coin), volCcyQuote (USDT), confirm]; the newest bar is unconfirmed.
  write('okx', sym, 'candles.json', env(newest.map((b, i) => [String(b.t), s(b.open, cfg.dp), s(b.high, cfg.dp), s(b.low, cfg.dp), s(b.close, cfg.dp),
    String(Math.round(b.baseVolume / ct)), q3(Math.round(b.baseVolume / ct) * ct), s(b.quoteVolume, 2), i === 0 ? '0' : '1'])));
  write('okx', sym, 'open-interest-history.json', env(newest.map((b) => [String(b.t), String(Math.round(b.oiCoin / ct)), q3(Math.round(b.oiCoin / ct) * ct), s(b.oiCoin * b.close, 2)])));
  write('okx', sym, 'long-short-account-ratio-contract.json', env(recent(v).reverse().map((b) => [String(b.t), (b.longShare / (1 - b.longShare)).toFixed(4)])));
  // [ts, sellVol, buyVol] in coin (unit=0), newest first; only the statistics window (one day) is kept.
  write('okx', sym, 'taker-volume-contract.json', env(recent(v).reverse().map((b) => [String(b.t), q3(b.baseVolume - b.takerBuyBase), q3(b.takerBuyBase)])));
  write('okx', sym, 'mark-price.json', env([{ instType: 'SWAP', instId, markPx: s(last.close, cfg.dp), ts: String(LAST_T) }]));
  write('okx', sym, 'index-tickers.json', env([{ instId: `${base}-USDT`, idxPx: s(last.close * 0.99996, cfg.dp), high24h: s(last.close * 1.01, cfg.dp), low24h: s(last.close * 0.99, cfg.dp), open24h: s(v[v.length - 289].close, cfg.dp), sodUtc0: s(last.close, cfg.dp), sodUtc8: s(last.close, cfg.dp), ts: String(LAST_T) }]));
  write('okx', sym, 'funding-rate.json', env([{ instType: 'SWAP', instId, fundingRate: '0.0001', nextFundingRate: '', fundingTime: String(LAST_T + 3 * 3600_000), nextFundingTime: String(LAST_T + 11 * 3600_000), method: 'current_period', ts: String(LAST_T) }]));
  write('okx', sym, 'open-interest.json', env([{ instType: 'SWAP', instId, oi: String(Math.round(last.oiCoin / ct)), oiCcy: q3(last.oiCoin), oiUsd: s(last.oiCoin * last.close, 2), ts: String(LAST_T) }]));
  const bk = book(last.close, 400, cfg.qtyScale * 0.3, cfg.seed + 303, cfg.dp);
  write('okx', sym, 'books.json', env([{ asks: bk.asks.map(([p, x]) => [s(p, cfg.dp), String(Math.max(1, Math.round(x / ct))), '0', '3']), bids: bk.bids.map(([p, x]) => [s(p, cfg.dp), String(Math.max(1, Math.round(x / ct))), '0', '3']), ts: String(LAST_T) }]));
  write('okx', sym, 'position-tiers.json', env([
    { uly: `${base}-USDT`, instFamily: `${base}-USDT`, instId: '', tier: '1', minSz: '0', maxSz: String(Math.round(50 / ct)), mmr: '0.004', imr: '0.01', maxLever: '100', optMgnFactor: '0', quoteMaxLoan: '', baseMaxLoan: '' },
    { uly: `${base}-USDT`, instFamily: `${base}-USDT`, instId: '', tier: '2', minSz: String(Math.round(50 / ct)), maxSz: String(Math.round(100 / ct)), mmr: '0.005', imr: '0.0133', maxLever: '75', optMgnFactor: '0', quoteMaxLoan: '', baseMaxLoan: '' },
  ]));
  write('okx', sym, 'instruments.json', env([{ instType: 'SWAP', instId, uly: `${base}-USDT`, instFamily: `${base}-USDT`, settleCcy: 'USDT', ctVal: String(ct), ctMult: '1', ctValCcy: base, ctType: 'linear', tickSz: s(cfg.tick, cfg.dp), lotSz: '0.01', minSz: '0.01', lever: '100', state: 'live' }]));
}

function bitget(sym, cfg, v) {
  const last = v[v.length - 1];
  const env = (data) => ({ code: '00000', msg: 'success', requestTime: LAST_T, data });
  write('bitget', sym, 'candles.json', env(v.map((b) => [String(b.t), s(b.open, cfg.dp), s(b.high, cfg.dp), s(b.low, cfg.dp), s(b.close, cfg.dp), q3(b.baseVolume), s(b.quoteVolume, 4)])));
  // No OI history exists on Bitget: the handler answers the polled "now" value from this series.
  write('bitget', sym, 'open-interest-timeline.json', v.map((b) => [b.t, q3(b.oiCoin)]));
  write('bitget', sym, 'account-long-short.json', env(recent(v).map((b) => ({ longAccountRatio: b.longShare.toFixed(4), shortAccountRatio: (1 - b.longShare).toFixed(4), longShortAccountRatio: (b.longShare / (1 - b.longShare)).toFixed(4), ts: String(b.t) }))));
  write('bitget', sym, 'taker-buy-sell.json', env(recent(v).map((b) => ({ buyVolume: q3(b.takerBuyBase), sellVolume: q3(b.baseVolume - b.takerBuyBase), ts: String(b.t) }))));
  write('bitget', sym, 'symbol-price.json', env([{ symbol: sym, price: s(last.close, cfg.dp), indexPrice: s(last.close * 0.9999, cfg.dp), markPrice: s(last.close, cfg.dp), ts: String(LAST_T) }]));
  write('bitget', sym, 'current-fund-rate.json', env([{ symbol: sym, fundingRate: '0.0001', fundingRateInterval: '8', nextUpdate: String(LAST_T + 3 * 3600_000), minFundingRate: '-0.003', maxFundingRate: '0.003' }]));
  const bk = book(last.close, 150, cfg.qtyScale * 0.5, cfg.seed + 404, cfg.dp);
  write('bitget', sym, 'merge-depth.json', env({ asks: bk.asks, bids: bk.bids, precision: 'scale0', scale: s(cfg.tick, cfg.dp), isMaxPrecision: 'NO', ts: String(LAST_T) }));
  write('bitget', sym, 'query-position-lever.json', env([
    { symbol: sym, level: '1', startUnit: '0', endUnit: '150000', leverage: '125', keepMarginRate: '0.004' },
    { symbol: sym, level: '2', startUnit: '150000', endUnit: '750000', leverage: '100', keepMarginRate: '0.005' },
  ]));
}

/** Written with the data, so regenerating never loses the notes. */
const README = `# API fixtures (synthetic)

Generated by \`node scripts/make-fixtures.mjs\` (deterministic; do not edit by hand). ONE synthetic
market — a smooth seeded price path around 97,000 (BTCUSDT) and 3,400 (ETHUSDT) with a range, a
rally, a top range, a −9 % OI flush and a recovery — seen by all four exchanges with their own OI
share (Binance 80k, Bybit 50k, OKX 25k, Bitget 40k BTC), volume share and a small basis. No real
market data is copied here.

- \`<exchange>/<SYMBOL>/<endpoint>.json\`: full 7 days + 7 hours of 5-minute history in that exchange's
  exact response format; the handlers in \`scripts/fixtures/api/<exchange>.mjs\` slice it by the query
  parameters the real API takes.
- Timestamps start at 2026-01-05 00:00 UTC; the handlers **replay them as if now**: every timestamp
  is shifted so the newest bar is the 5-minute bar containing the request time (see
  \`scripts/fixtures/api/_replay.mjs\`).
- **OKX bodies are built from the spec** (\`docs/exchange-apis.md\` §3), not recorded: no live OKX
  response could be checked. Sizes are in contracts (ctVal 0.01 BTC, 0.1 ETH).
- Bitget has no OI history endpoint: \`bitget/<SYMBOL>/open-interest-timeline.json\` is the fixture's
  own timeline from which \`/open-interest\` answers the current value only.
`;

const OKX_README = `# OKX fixtures: built from the spec

These bodies follow docs/exchange-apis.md §3 (paths and field lists as described there, from the
SDK types and the docs' structure). No live OKX response could be recorded or checked, so treat every
field name here as "from the spec". Sizes are in contracts: ctVal 0.01 BTC (BTC-USDT-SWAP), 0.1 ETH
(ETH-USDT-SWAP). Generated by scripts/make-fixtures.mjs.
`;

function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  const binanceInfo = [];
  const bitgetContracts = [];
  for (const [sym, cfg] of Object.entries(SYMBOLS)) {
    const bars = market(sym, cfg);
    const views = Object.fromEntries(Object.entries(EXCHANGES).map(([name, ex]) => [name, exchangeView(bars, cfg, ex)]));
    binance(sym, cfg, views.binance);
    bybit(sym, cfg, views.bybit);
    okx(sym, cfg, views.okx);
    bitget(sym, cfg, views.bitget);
    const baseAsset = sym.replace('USDT', '');
    binanceInfo.push({ symbol: sym, pair: sym, contractType: 'PERPETUAL', status: 'TRADING', baseAsset, quoteAsset: 'USDT', marginAsset: 'USDT', pricePrecision: 2, quantityPrecision: 3,
      filters: [{ filterType: 'PRICE_FILTER', minPrice: s(cfg.tick, cfg.dp), maxPrice: '4529764', tickSize: s(cfg.tick, cfg.dp) }, { filterType: 'LOT_SIZE', stepSize: '0.001', minQty: '0.001', maxQty: '1000' }, { filterType: 'MIN_NOTIONAL', notional: '100' }] });
    bitgetContracts.push({ symbol: sym, baseCoin: baseAsset, quoteCoin: 'USDT', minTradeNum: '0.001', priceEndStep: '1', volumePlace: '3', pricePlace: String(cfg.dp), sizeMultiplier: '0.001', symbolType: 'perpetual', minTradeUSDT: '5', symbolStatus: 'normal', fundInterval: '8', minLever: '1', maxLever: '125' });
  }
  write('binance', null, 'exchangeInfo.json', { timezone: 'UTC', serverTime: LAST_T, rateLimits: [{ rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 }], symbols: binanceInfo });
  write('bitget', null, 'contracts.json', { code: '00000', msg: 'success', requestTime: LAST_T, data: bitgetContracts });
  fs.writeFileSync(path.join(OUT, 'README.md'), README);
  fs.writeFileSync(path.join(OUT, 'okx', 'README.md'), OKX_README);
  fs.writeFileSync(path.join(OUT, 'meta.json'), JSON.stringify({ T0, BAR_MS, BARS, LAST_T, symbols: Object.keys(SYMBOLS) }, null, 1));
  console.log(`fixtures written to ${path.relative(ROOT, OUT)} (${BARS} bars per series)`);
}

main();
