// The bridge transport must not grow with traffic (a scale read 8× a second, a crosshair event per frame,
// for a whole trading session), must drop malformed posts, and must speak @webext-core's wire format.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineWindowMessaging } from '@webext-core/messaging/page';
import { defineWindowTransport } from '../../src/bridge/window-transport';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  vi.restoreAllMocks();
});

function pair(timeoutMs?: number) {
  const ns = `test:${Math.random()}`;
  const a = defineWindowTransport(window, ns, timeoutMs);
  const b = defineWindowTransport(window, ns, timeoutMs);
  cleanup.push(() => a.removeAllListeners(), () => b.removeAllListeners());
  return { a, b, ns };
}

describe('bridge window transport', () => {
  it('answers requests, and 500 round trips leave no pending request and no extra window listener', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    const { a, b } = pair();
    b.onMessage('scale', ({ data }) => ({ echo: data }));
    for (let i = 0; i < 500; i++) expect(await a.sendMessage('scale', i)).toEqual({ echo: i });
    expect(a.pendingCount()).toBe(0);
    expect(added.mock.calls.filter(([type]) => type === 'message')).toHaveLength(2); // one per end, ever
  });

  it('a thrown handler error reaches the caller as a rejection', async () => {
    const { a, b } = pair();
    b.onMessage('draw', () => {
      throw new Error('drawing failed');
    });
    await expect(a.sendMessage('draw', {})).rejects.toThrow('drawing failed');
  });

  it('an unanswered request is dropped after its time limit', async () => {
    const { a } = pair(30);
    await expect(a.sendMessage('probe', undefined)).rejects.toThrow(/no answer to probe/);
    expect(a.pendingCount()).toBe(0);
  });

  it('ignores malformed posts in its namespace and anything outside it', async () => {
    const { a, b, ns } = pair();
    let calls = 0;
    b.onMessage('probe', () => ++calls);
    for (const data of [null, 'x', { namespace: ns }, { namespace: ns, type: '@webext-core/messaging/window', message: { type: 'probe' } }, { namespace: 'other', type: '@webext-core/messaging/window', message: { id: 1, type: 'probe', timestamp: 1 } }]) {
      window.postMessage(data, '*');
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(0);
    expect(await a.sendMessage('probe', undefined)).toBe(1);
  });

  it('speaks @webext-core/messaging’s window wire format in both directions', async () => {
    const ns = `test:${Math.random()}`;
    const ours = defineWindowTransport(window, ns);
    const lib = defineWindowMessaging<{ probe(): string; scale(x: number): number }>({ namespace: ns });
    cleanup.push(() => ours.removeAllListeners(), () => lib.removeAllListeners());
    ours.onMessage('probe', () => 'from ours');
    lib.onMessage('scale', ({ data }) => data * 2);
    expect(await lib.sendMessage('probe', undefined)).toBe('from ours');
    expect(await ours.sendMessage('scale', 21)).toBe(42);
  });
});
