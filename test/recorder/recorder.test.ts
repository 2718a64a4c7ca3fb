// @vitest-environment node
// The recorder is a Node CLI: happy-dom's fetch would apply browser CORS rules to the fake servers.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMeta } from '../../tools/backtest/recording';
import type { Exchange } from '../../src/engine/types';
import { FILES, type KlineRecord, type LiquidationRecord, type OpenInterestRecord } from '../../tools/recorder/format';
import { record } from '../../tools/recorder/recorder';
import { startFakeExchange, type FakeExchange } from './fake-exchange';

const lines = <T>(dir: string, file: string): T[] =>
  readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);

let fake: FakeExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function recordFrom(exchange: Exchange, failing?: string[]) {
  fake = await startFakeExchange(exchange, { failing });
  const outDir = join(mkdtempSync(join(tmpdir(), 'liqlens-rec-')), 'rec');
  const summary = await record({
    exchange, symbol: 'BTCUSDT', durationMs: 1200, outDir,
    restBase: fake.restBase, wsBase: fake.wsBase, pollMs: 300, klinePollMs: 400,
  });
  return { outDir, summary };
}

/** What every exchange's fake publishes for BTC: a long of 0.5 BTC at 99,100 and a short of 0.2 BTC at 101,000. */
function expectTwoLiquidations(dir: string) {
  const liqs = lines<LiquidationRecord>(dir, FILES.liquidations);
  expect(liqs).toHaveLength(2);
  expect(liqs[0]).toMatchObject({ side: 'long', price: 99_100, coin: 0.5 });
  expect(liqs[0]!.usd).toBeCloseTo(49_550, 6); // 0.5 × 99,100
  expect(liqs[1]).toMatchObject({ side: 'short', price: 101_000 });
  expect(liqs[1]!.coin).toBeCloseTo(0.2, 12);
  expect(liqs[1]!.usd).toBeCloseTo(20_200, 6);
}

describe('record (against local fake exchanges on 127.0.0.1)', () => {
  it('binance: klines, OI × mark, forceOrder stream on the routed /market path', async () => {
    const { outDir, summary } = await recordFrom('binance');
    expect(fake!.wsPaths).toEqual(['/market/ws/btcusdt@forceOrder']);
    expectTwoLiquidations(outDir);
    // one malformed forceOrder (q "abc") is counted, not fatal; ETHUSDT is filtered out
    expect(summary.errorCount).toBe(1);
    expect(summary.errors[0]).toMatch(/binance forceOrder: o.z|binance forceOrder: o.q/);
    const oi = lines<OpenInterestRecord>(outDir, FILES.openInterest);
    expect(oi.length).toBeGreaterThanOrEqual(3);
    expect(oi[0]!.coin).toBe(80_000.5);
    expect(oi[0]!.usd).toBeCloseTo(80_000.5 * 100_010.5, 0);
    const ks = lines<KlineRecord>(outDir, FILES.klines);
    // 3 closed minutes, each written once although polled several times; the open minute is skipped
    expect(ks).toHaveLength(3);
    expect(ks[0]).toMatchObject({ baseVolume: 12.5, quoteVolume: 1_250_000 });
    expect(ks.every((k) => k.t + 60_000 <= Date.now())).toBe(true);
    const meta = readMeta(outDir);
    expect(meta).toMatchObject({ exchange: 'binance', instrument: 'BTCUSDT', contractCoin: 1 });
    expect(meta.endedAt! - meta.startedAt).toBeGreaterThanOrEqual(1200);
  });

  it('bybit: subscribes to allLiquidation.BTCUSDT; S = "Buy" is a liquidated long', async () => {
    const { outDir, summary } = await recordFrom('bybit');
    expect(fake!.wsReceived[0]).toBe('{"op":"subscribe","args":["allLiquidation.BTCUSDT"]}');
    expectTwoLiquidations(outDir);
    expect(summary.errors[0]).toMatch(/bybit allLiquidation: data\[0\]\.S: expected Buy or Sell/);
    expect(lines<OpenInterestRecord>(outDir, FILES.openInterest)[0]).toMatchObject({ coin: 50_000, usd: 5_001_000_000 });
    expect(lines<KlineRecord>(outDir, FILES.klines)).toHaveLength(3);
  });

  it('okx: contracts × ctVal (50 × 0.01 = 0.5 BTC), net-mode buy = short, whole-market feed filtered', async () => {
    const { outDir, summary } = await recordFrom('okx');
    expect(fake!.requests[0]).toBe('/api/v5/public/instruments?instType=SWAP&instId=BTC-USDT-SWAP');
    expectTwoLiquidations(outDir);
    expect(summary.errors[0]).toMatch(/okx liquidation-orders: data\[0\]\.details\[0\]\.bkPx/);
    expect(readMeta(outDir)).toMatchObject({ instrument: 'BTC-USDT-SWAP', contractCoin: 0.01 });
    expect(lines<OpenInterestRecord>(outDir, FILES.openInterest)[0]).toMatchObject({ coin: 25_000, usd: 2_500_000_000 });
    expect(lines<KlineRecord>(outDir, FILES.klines)[0]!.baseVolume).toBe(12.5); // volCcy, not contracts
  });

  it('bitget: amount is USDT → coin = 49,550 / 99,100 = 0.5; malformed frames are counted', async () => {
    const { outDir, summary } = await recordFrom('bitget');
    expect(JSON.parse(fake!.wsReceived[0]!)).toEqual({ op: 'subscribe', args: [{ instType: 'usdt-futures', topic: 'liquidation' }] });
    expectTwoLiquidations(outDir);
    expect(summary.errors[0]).toMatch(/bitget .*message: not JSON/);
    expect(lines<OpenInterestRecord>(outDir, FILES.openInterest)[0]!.coin).toBe(34_278.06);
  });

  it('a failing endpoint is logged with its path and the recording goes on', async () => {
    const { outDir, summary } = await recordFrom('binance', ['/fapi/v1/openInterest']);
    expect(summary.openInterest).toBe(0);
    expect(summary.errors.some((e) => /binance \/fapi\/v1\/openInterest\?symbol=BTCUSDT: http: status 500/.test(e))).toBe(true);
    expect(lines<KlineRecord>(outDir, FILES.klines)).toHaveLength(3);
    expectTwoLiquidations(outDir);
  });

  it('reconnects when the exchange drops the liquidation stream', async () => {
    fake = await startFakeExchange('binance', { dropFirstConnection: true });
    const outDir = join(mkdtempSync(join(tmpdir(), 'liqlens-rec-')), 'rec');
    const summary = await record({
      exchange: 'binance', symbol: 'BTCUSDT', durationMs: 2000, outDir, restBase: fake.restBase, wsBase: fake.wsBase, pollMs: 500, klinePollMs: 500,
    });
    expect(summary.wsConnections).toBe(2); // dropped after ~50 ms, reconnected after 1 s
    expect(lines<LiquidationRecord>(outDir, FILES.liquidations)).toHaveLength(4); // 2 per connection
  });

  it('fails at once, naming the endpoint, when the contract size cannot be read', async () => {
    fake = await startFakeExchange('okx', { failing: ['/api/v5/public/instruments'] });
    const outDir = join(mkdtempSync(join(tmpdir(), 'liqlens-rec-')), 'rec');
    await expect(
      record({ exchange: 'okx', symbol: 'BTCUSDT', durationMs: 500, outDir, restBase: fake.restBase, wsBase: fake.wsBase }),
    ).rejects.toThrow(/okx \/api\/v5\/public\/instruments\?instType=SWAP&instId=BTC-USDT-SWAP: http: status 500/);
  });

  it('refuses to overwrite an existing recording', async () => {
    const { outDir } = await recordFrom('bybit');
    await fake!.close();
    fake = await startFakeExchange('bybit');
    await expect(record({ exchange: 'bybit', symbol: 'BTCUSDT', durationMs: 200, outDir, restBase: fake.restBase, wsBase: fake.wsBase })).rejects.toThrow(
      /already holds a recording/,
    );
  });
});
