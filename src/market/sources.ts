import type { Exchange } from '../engine/types';
import { binanceSource } from '../sites/binance/api';
import { bitgetSource } from '../sites/bitget/api';
import { bybitSource } from '../sites/bybit/api';
import { okxSource } from '../sites/okx/api';
import type { FetchDeps } from '../sites/shared/fetcher';
import type { MarketSource } from '../sites/shared/source';

/** One market-data client per exchange, each with its own budget and back-off state. */
export function createSources(deps: FetchDeps = {}): Record<Exchange, MarketSource> {
  return { binance: binanceSource(deps), bybit: bybitSource(deps), okx: okxSource(deps), bitget: bitgetSource(deps) };
}
