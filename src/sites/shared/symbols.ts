/**
 * Exchange spellings of canonical symbols (src/symbols/canonical.ts) shared by several exchanges.
 */
import { QUOTES, splitCanonical } from '../../symbols/canonical';

export { splitCanonical, type SymbolParts } from '../../symbols/canonical';

const OKX_SWAP = new RegExp(`^([A-Z0-9]+)-(${QUOTES.join('|')})-SWAP$`);

/** OKX instId → canonical symbol: BTC-USDT-SWAP → BTCUSDT. */
export function canonicalFromOkx(instId: string): string {
  const m = OKX_SWAP.exec(instId.toUpperCase());
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
