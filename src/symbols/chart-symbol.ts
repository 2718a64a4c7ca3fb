/**
 * Chart symbols → canonical BASEQUOTE (src/symbols/canonical.ts), so the chart bridge can check that the
 * chart shows the page's market before it draws. TradingView widgets name a market with decorations around
 * it (docs/pages-and-overlay.md §0.3, §1), in any combination:
 *
 * - an instrument or exchange prefix up to the last colon: `SWAP:`, `SPOT:`, `EXCHANGE:`;
 * - a price-type suffix after `@` or `~`: `BTCUSDT@PRICETYPE=LAST`, `SWAP:BTC-USDT-SWAP~LastPrice`;
 * - a perpetual-contract suffix: `-SWAP`, `.P`, `PERP`, `_PERP`, `-PERPETUAL`;
 * - separators between base and quote: `BTC-USDT`, `BTC_USDT`, `BTC/USDT`, and any letter case.
 *
 * The forms are generic (no exchange is named): the bridge is one page script for every exchange.
 * A dated future (`BTC-USDT-250627`) keeps its date and so never matches the perpetual's page symbol.
 */

/** Everything from the first `@` or `~` on: the price type the chart plots (last, mark, index). */
const PRICE_TYPE = /[@~].*$/s;
/** Up to the last colon: the instrument type or exchange. */
const PREFIX = /^.*:/s;
/** A perpetual-contract marker at the end. `.P` needs its dot: a bare trailing P is part of a name. */
const CONTRACT_SUFFIX = /(?:\.P|[-_ /.]?(?:SWAP|PERPETUAL|PERP))$/;
const SEPARATORS = /[-_ /.]/g;
const RESULT = /^[A-Z0-9]{2,24}$/;
/** Longer input cannot be a symbol; refused before any work (the page controls the string). */
const MAX_RAW = 96;

/** The canonical BASEQUOTE a chart symbol names, or '' when nothing usable is left. Never throws. */
export function normaliseChartSymbol(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > MAX_RAW) return '';
  let s = raw.trim().replace(PRICE_TYPE, '').replace(PREFIX, '').trim().toUpperCase();
  s = s.replace(CONTRACT_SUFFIX, '').replace(SEPARATORS, '');
  return RESULT.test(s) ? s : '';
}
