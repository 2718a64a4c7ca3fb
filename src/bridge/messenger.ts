/**
 * The window transport shared by both ends of the bridge: a window messenger (window-transport.ts, wire-
 * compatible with `@webext-core/messaging`'s) under a per-page namespace, behind a guard that drops our
 * namespace's messages from other frames.
 */
import { BRIDGE_NAMESPACE_PREFIX, type BridgeProtocol } from './protocol';
import { defineWindowTransport } from './window-transport';

/** What both ends use of a messenger (`@webext-core/messaging`'s window messenger fits it too, as in tests). */
export interface BridgeMessenger {
  sendMessage(type: keyof BridgeProtocol, data: unknown): Promise<unknown>;
  onMessage(type: keyof BridgeProtocol, handler: (message: { data: unknown }) => unknown): () => void;
  removeAllListeners(): void;
}

/** A fresh random token so two content-script instances (or a stale one) never talk across. */
export function newBridgeToken(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function bridgeNamespace(token: string): string {
  return `${BRIDGE_NAMESPACE_PREFIX}:${token}`;
}

/** Tokens are hex; anything else (e.g. from a forged script attribute) is refused. */
export function isBridgeToken(token: unknown): token is string {
  return typeof token === 'string' && /^[0-9a-f]{16}$/.test(token);
}

/**
 * Drops window messages of our namespace that do not come from this very window (a child frame could
 * otherwise post into our channel). Installed in the capture phase so it runs before the messenger.
 */
export function installSourceGuard(win: Window, namespace: string): () => void {
  const guard = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    if ((data as { namespace?: unknown }).namespace !== namespace) return;
    if (event.source !== win) event.stopImmediatePropagation();
  };
  win.addEventListener('message', guard, true);
  return () => win.removeEventListener('message', guard, true);
}

export function createBridgeMessenger(win: Window, token: string): { messenger: BridgeMessenger; dispose: () => void } {
  const namespace = bridgeNamespace(token);
  const removeGuard = installSourceGuard(win, namespace);
  const messenger = defineWindowTransport(win, namespace);
  return {
    messenger,
    dispose: () => {
      messenger.removeAllListeners();
      removeGuard();
    },
  };
}
