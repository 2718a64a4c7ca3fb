// This exchange's registry entry: its descriptor, market-data client, recorder spec and live stream spec (src/sites/site.ts).
import { defineExchange } from '../site';
import { okxSource } from './api';
import { okxSite } from './descriptor';
import { okxRecorder } from './recorder';
import { okxStream } from './stream';

export const okx = defineExchange({ ...okxSite, source: okxSource, recorder: okxRecorder, stream: okxStream });
