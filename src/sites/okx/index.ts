// This exchange's registry entry: its descriptor, market-data client and recorder spec (src/sites/site.ts).
import { defineExchange } from '../site';
import { okxSource } from './api';
import { okxSite } from './descriptor';
import { okxRecorder } from './recorder';

export const okx = defineExchange({ ...okxSite, source: okxSource, recorder: okxRecorder });
