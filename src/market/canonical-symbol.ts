/**
 * A canonical symbol (BASEQUOTE, e.g. BTCUSDT, 1000PEPEUSDT), as pages and the popup name markets.
 * Its own module so the sizing request check can use it without importing the message validators
 * (which import the message types, which import the sizing types: a cycle).
 */
export const CANONICAL_SYMBOL = /^[A-Z0-9]{2,24}USD[TC]$/;
