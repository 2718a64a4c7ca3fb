/** URL helpers shared by the page adapters. */

/**
 * Optional locale prefix of a trading path, one path segment of up to three BCP-47-like parts: "en",
 * "zh-CN", "zh-hans", "pt-BR", "es-la", "en-ae", "zh-hans-ae", "es-419" (OKX's hreflang list has the
 * three-part ones; docs/pages-and-overlay.md §1).
 */
export const LOCALE_PREFIX = '(?:/[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,4}){0,2})?';

/** Hostname equals `domain` or is a subdomain of it (www., testnet. …). */
export function hostIs(url: URL, domain: string): boolean {
  return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
}
