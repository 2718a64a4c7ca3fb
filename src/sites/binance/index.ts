// This exchange's registry entry: its descriptor, market-data client, recorder spec and live stream spec (src/sites/site.ts).
import { defineExchange } from '../site';
import { binanceSource } from './api';
import { binanceSite } from './descriptor';
import { binanceRecorder } from './recorder';
import { binanceStream } from './stream';

export const binance = defineExchange({ ...binanceSite, source: binanceSource, recorder: binanceRecorder, stream: binanceStream });
