/**
 * The bridge's window transport: request/response over `window.postMessage` in one namespace, speaking
 * the same wire format as `@webext-core/messaging`'s window messenger (so either end can be that one, as
 * the tests do). Own code because that messenger keeps a closure for every message it ever sent until
 * removeAllListeners(): at 8 scale reads a second (pixel tier) and a crosshair event per frame, the
 * content script and the page would grow without bound over a trading session.
 *
 * Here one window listener serves all replies, an answered or timed-out request leaves nothing behind,
 * and every message is shape-checked before it is looked at (the page can post anything).
 */

const REQUEST = '@webext-core/messaging/window';
const RESPONSE = '@webext-core/messaging/window/response';
/** A request nobody answers is dropped after this long (the client's own limit is shorter). */
export const TRANSPORT_TIMEOUT_MS = 10_000;

export interface WireMessage {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
}

export interface WindowTransport {
  sendMessage(type: string, data: unknown): Promise<unknown>;
  /** One handler per type; its return value (or thrown error) is the answer. */
  onMessage(type: string, handler: (message: WireMessage) => unknown): () => void;
  removeAllListeners(): void;
  /** Requests still waiting for an answer (for tests: never grows with traffic). */
  pendingCount(): number;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function wireMessage(x: unknown): WireMessage | null {
  if (!isObj(x) || typeof x.id !== 'number' || typeof x.type !== 'string' || typeof x.timestamp !== 'number') return null;
  return { id: x.id, type: x.type, data: x.data, timestamp: x.timestamp };
}

export function defineWindowTransport(win: Window, namespace: string, timeoutMs = TRANSPORT_TIMEOUT_MS): WindowTransport {
  const instanceId = Math.random().toString(36).slice(2, 10);
  let nextId = Math.floor(Math.random() * 1e4);
  const handlers = new Map<string, (message: WireMessage) => unknown>();
  const pending = new Map<number, { type: string; settle: (r: { res?: unknown; err?: unknown }) => void }>();
  const origin = () => (win.location.origin && win.location.origin !== 'null' ? win.location.origin : '*');

  async function answer(message: WireMessage, handler: (message: WireMessage) => unknown) {
    let response: { res?: unknown; err?: unknown };
    try {
      response = { res: await handler(message) };
    } catch (err) {
      response = { err: { name: 'Error', message: err instanceof Error ? err.message : String(err) } };
    }
    win.postMessage({ type: RESPONSE, response, instanceId, message, namespace }, origin());
  }

  const onWindowMessage = (event: MessageEvent) => {
    const d: unknown = event.data;
    if (!isObj(d) || d.namespace !== namespace || d.instanceId === instanceId) return;
    const message = wireMessage(d.message);
    if (!message) return;
    if (d.type === RESPONSE) {
      const p = pending.get(message.id);
      if (!p || p.type !== message.type) return;
      pending.delete(message.id);
      p.settle(isObj(d.response) ? d.response : {});
    } else if (d.type === REQUEST) {
      const handler = handlers.get(message.type);
      if (handler) void answer(message, handler);
    }
  };
  win.addEventListener('message', onWindowMessage);

  return {
    sendMessage(type, data) {
      const message: WireMessage = { id: nextId++, type, data, timestamp: Date.now() };
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(message.id);
          reject(new Error(`no answer to ${type} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(message.id, {
          type,
          settle: (r) => {
            clearTimeout(timer);
            if (r.err != null) reject(new Error(isObj(r.err) && typeof r.err.message === 'string' ? r.err.message : String(r.err)));
            else resolve(r.res);
          },
        });
        win.postMessage({ type: REQUEST, message, senderOrigin: win.location.origin, namespace, instanceId }, origin());
      });
    },
    onMessage(type, handler) {
      if (handlers.has(type)) throw new Error(`bridge transport: a handler for ${type} exists already`);
      handlers.set(type, handler);
      return () => {
        if (handlers.get(type) === handler) handlers.delete(type);
      };
    },
    removeAllListeners() {
      handlers.clear();
      for (const [id, p] of pending) {
        pending.delete(id);
        p.settle({ err: { message: 'bridge transport closed' } });
      }
      win.removeEventListener('message', onWindowMessage);
    },
    pendingCount: () => pending.size,
  };
}
