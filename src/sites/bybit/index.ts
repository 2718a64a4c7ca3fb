// This exchange's registry entry: its descriptor, market-data client, recorder spec and live stream spec (src/sites/site.ts).
import { defineExchange } from '../site';
import { bybitSource } from './api';
import { bybitSite } from './descriptor';
import { bybitRecorder } from './recorder';
import { bybitStream } from './stream';

export const bybit = defineExchange({ ...bybitSite, source: bybitSource, recorder: bybitRecorder, stream: bybitStream });
