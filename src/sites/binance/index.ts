// This exchange's registry entry: its descriptor, market-data client and recorder spec (src/sites/site.ts).
import { defineExchange } from '../site';
import { binanceSource } from './api';
import { binanceSite } from './descriptor';
import { binanceRecorder } from './recorder';

export const binance = defineExchange({ ...binanceSite, source: binanceSource, recorder: binanceRecorder });
