// This exchange's registry entry: its descriptor, market-data client, recorder spec and live stream spec (src/sites/site.ts).
import { defineExchange } from '../site';
import { bitgetSource } from './api';
import { bitgetSite } from './descriptor';
import { bitgetRecorder } from './recorder';
import { bitgetStream } from './stream';

export const bitget = defineExchange({ ...bitgetSite, source: bitgetSource, recorder: bitgetRecorder, stream: bitgetStream });
