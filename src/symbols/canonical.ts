/**
 * Canonical symbols: the one place that knows how a market is named inside LiqLens. A market is
 * `BASEQUOTE` as the trading page names it (BTCUSDT, 1000PEPEUSDT, ETHUSDC). Exchange spellings
 * (OKX `BTC-USDT-SWAP`, …) are converted in src/sites and built on this module.
 *
 * Exchanges disagree on memecoin units: Binance quotes 1000PEPEUSDT (price of 1000 PEPE) while OKX
 * quotes PEPE-USDT-SWAP (price of 1 PEPE). `multiplier` says how many base units one quoted unit holds,
 * so each exchange's series can be converted into the canonical unit.
 */

/** Quote assets of the supported linear perpetuals; the longest first so USDC is never read as USD+C. */
export const QUOTES = ['USDT', 'USDC'] as const;
export type Quote = (typeof QUOTES)[number];

/** A canonical symbol (BASEQUOTE), as pages, the popup and messages name markets. */
export const CANONICAL_SYMBOL = new RegExp(`^[A-Z0-9]{2,24}(?:${QUOTES.join('|')})$`);

export interface SymbolParts {
  /** Underlying asset without multiplier, e.g. PEPE. */
  base: string;
  quote: Quote;
  /** How many base units one quoted unit holds: 1000 for 1000PEPEUSDT, 1 for BTCUSDT. */
  multiplier: number;
}

const SPLIT = new RegExp(`^([A-Z0-9]+?)(${QUOTES.join('|')})$`);
const MULTIPLIER = /^(1000000|100000|10000|1000|1M)(?=[A-Z])/;

/** Base, quote and multiplier of a canonical symbol; null when it is not one. */
export function parseCanonical(symbol: string): SymbolParts | null {
  const m = SPLIT.exec(symbol);
  if (!m || !m[1] || !m[2]) return null;
  const quote = m[2] as Quote;
  const prefix = MULTIPLIER.exec(m[1]);
  if (!prefix?.[1]) return { base: m[1], quote, multiplier: 1 };
  const multiplier = prefix[1] === '1M' ? 1_000_000 : Number(prefix[1]);
  return { base: m[1].slice(prefix[1].length), quote, multiplier };
}

/** Like parseCanonical, for callers that were promised a canonical symbol: throws a clear error otherwise. */
export function splitCanonical(symbol: string): SymbolParts {
  const parts = parseCanonical(symbol);
  if (!parts) throw new Error(`not a canonical symbol: ${symbol} (expected e.g. BTCUSDT)`);
  return parts;
}

/**
 * The asset a size on this market is counted in, as the market quotes it: BTC for BTCUSDT, 1000PEPE for
 * 1000PEPEUSDT. A symbol without a known quote (e.g. an inverse BTCUSD) loses a trailing USD.
 */
export function baseOf(symbol: string): string {
  const s = symbol.toUpperCase();
  const m = SPLIT.exec(s);
  return m?.[1] ?? s.replace(/USD$/, '');
}

/** The symbol with a quote: `BTC` → `BTCUSDT` (the default quote), `ETHUSDC` unchanged. */
export function withQuote(symbol: string, quote: Quote = 'USDT'): string {
  return SPLIT.test(symbol) ? symbol : `${symbol}${quote}`;
}
