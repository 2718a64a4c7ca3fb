import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * Typed messages between the background service worker and the extension's pages / content script.
 * Every payload is validated on receipt by the receiver (see src/market and entrypoints).
 */
export interface ProtocolMap {
  /** Liveness check used by the popup and e2e tests. */
  ping(): { ok: true; version: string };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
