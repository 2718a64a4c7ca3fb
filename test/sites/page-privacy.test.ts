/**
 * Privacy: the page readers touch only the positions panel and the leverage control. Form inputs, cookies and
 * storage are made to throw when read; every adapter must still read the position.
 */
import { describe, expect, test } from 'vitest';
import { EXCHANGES } from '../../src/sites';
import { PAGE_ADAPTERS } from './adapters';
import { loadFixture } from './fixture-page';

describe('page readers never read form inputs, cookies or storage', () => {
  for (const exchange of EXCHANGES) {
    test(exchange, async () => {
      const f = await loadFixture(exchange, '');
      const win = f.window as unknown as Window & typeof globalThis;
      const touched: string[] = [];
      const restore: (() => void)[] = [];
      const trap = (proto: object, prop: string) => {
        const original = Object.getOwnPropertyDescriptor(proto, prop);
        restore.push(() => (original ? Object.defineProperty(proto, prop, original) : delete (proto as Record<string, unknown>)[prop]));
        Object.defineProperty(proto, prop, {
          configurable: true,
          get() {
            touched.push(prop);
            throw new Error(`read ${prop}`);
          },
        });
      };
      trap(win.HTMLInputElement.prototype, 'value');
      trap(win.HTMLTextAreaElement.prototype, 'value');
      trap(win.Document.prototype, 'cookie');
      trap(win, 'localStorage');
      trap(win, 'sessionStorage');
      try {
        const r = PAGE_ADAPTERS[exchange].readPosition(f.document, 'BTCUSDT');
        expect(r.kind).toBe('position');
        expect(touched).toEqual([]);
      } finally {
        restore.forEach((r) => r());
        await f.close();
      }
    });
  }
});
