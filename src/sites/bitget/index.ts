// This exchange's registry entry: its descriptor, market-data client and recorder spec (src/sites/site.ts).
import { defineExchange } from '../site';
import { bitgetSource } from './api';
import { bitgetSite } from './descriptor';
import { bitgetRecorder } from './recorder';

export const bitget = defineExchange({ ...bitgetSite, source: bitgetSource, recorder: bitgetRecorder });
