/**
 * Every exchange's futures trading pages, with and without a locale prefix: where the content scripts run
 * and the sizing menu shows. Derived from the registry (src/sites/index.ts); plain data, safe anywhere.
 */
export { TRADING_PAGE_MATCHES } from './index';
