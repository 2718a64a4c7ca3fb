// This exchange's registry entry: its descriptor, market-data client and recorder spec (src/sites/site.ts).
import { defineExchange } from '../site';
import { bybitSource } from './api';
import { bybitSite } from './descriptor';
import { bybitRecorder } from './recorder';

export const bybit = defineExchange({ ...bybitSite, source: bybitSource, recorder: bybitRecorder });
