/** URL helpers shared by the page adapters. */

/** Optional locale prefix of a trading path: "en", "zh-CN", "zh-hans", "pt-BR"… */
export const LOCALE_PREFIX = '(?:/[a-z]{2}(?:[-_][A-Za-z]{2,4})?)?';

/** Hostname equals `domain` or is a subdomain of it (www., testnet. …). */
export function hostIs(url: URL, domain: string): boolean {
  return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
}
