/**
 * Manifest options of an exchange's content script: its own trading pages only. Plain data (WXT reads it
 * at build time); our stylesheet goes into our own shadow root (src/overlay/mount.ts), never into the page.
 */
import { tradingMatches, type SiteDescriptor } from '../sites/site';

export const contentScriptOptions = (site: SiteDescriptor) => ({ matches: tradingMatches(site), cssInjectionMode: 'manual' as const });
