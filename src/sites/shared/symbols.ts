/**
 * Canonical symbols. Internally a market is `BASEQUOTE` as the trading page names it (BTCUSDT,
 * 1000PEPEUSDT). Exchanges disagree on memecoin units: Binance quotes 1000PEPEUSDT (price of 1000
 * PEPE) while OKX quotes PEPE-USDT-SWAP (price of 1 PEPE, contracts of ctVal PEPE). Each exchange's
 * series is converted into the canonical unit with `unitFactor` = exchange unit ÷ canonical unit, so
 * quantities multiply by it and prices divide by it; USD is unchanged.
 */
export interface SymbolParts {
  /** Underlying asset without multiplier, e.g. PEPE. */
  base: string;
  quote: string;
  /** How many base units one quoted unit holds: 1000 for 1000PEPEUSDT, 1 for BTCUSDT. */
  multiplier: number;
}

const MULTIPLIER = /^(1000000|100000|10000|1000|1M)(?=[A-Z])/;

export function splitCanonical(symbol: string): SymbolParts {
  const m = /^([A-Z0-9]+?)(USDT|USDC)$/.exec(symbol);
  if (!m || !m[1] || !m[2]) throw new Error(`not a canonical symbol: ${symbol} (expected e.g. BTCUSDT)`);
  const prefix = MULTIPLIER.exec(m[1]);
  if (!prefix?.[1]) return { base: m[1], quote: m[2], multiplier: 1 };
  const multiplier = prefix[1] === '1M' ? 1_000_000 : Number(prefix[1]);
  return { base: m[1].slice(prefix[1].length), quote: m[2], multiplier };
}

/** OKX instId → canonical symbol: BTC-USDT-SWAP → BTCUSDT. */
export function canonicalFromOkx(instId: string): string {
  const m = /^([A-Z0-9]+)-(USDT|USDC)-SWAP$/.exec(instId.toUpperCase());
  if (!m) throw new Error(`not an OKX swap instId: ${instId}`);
  return `${m[1]}${m[2]}`;
}

/** Candidate exchange symbols for a canonical one, best first, with their multiplier (BASEQUOTE naming). */
export function plainCandidates(symbol: string): { exchangeSymbol: string; multiplier: number }[] {
  const { base, quote, multiplier } = splitCanonical(symbol);
  const out = [{ exchangeSymbol: symbol, multiplier }];
  if (multiplier !== 1) out.push({ exchangeSymbol: `${base}${quote}`, multiplier: 1 });
  else out.push({ exchangeSymbol: `1000${base}${quote}`, multiplier: 1000 });
  return out;
}
