/**
 * `npm run record -- --exchange E --symbol S --hours H --out DIR [--rest-base URL] [--ws-base URL]`
 * Records public klines (1m), open interest, mark price and liquidations (docs/recording-format.md);
 * measure the map on it with `npm run backtest -- --recording DIR`.
 * Base URLs can also come from LIQLENS_REST_BASE / LIQLENS_WS_BASE (e.g. a regional host or a test server).
 */
import { parseRecordArgs, RECORD_USAGE } from '../tools/recorder/args';
import { record } from '../tools/recorder/recorder';

async function main(): Promise<void> {
  const opts = parseRecordArgs(process.argv.slice(2), process.env);
  const summary = await record({ ...opts, log: (l) => console.log(`[record] ${l}`) });
  if (summary.errors.length > 0) console.log(`[record] first errors:\n  ${summary.errors.slice(0, 5).join('\n  ')}`);
}

main().catch((e: Error) => {
  console.error(`record: ${e.name}: ${e.message}`);
  if (e.name === 'UsageError') console.error(RECORD_USAGE);
  process.exitCode = 1;
});
