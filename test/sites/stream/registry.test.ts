// Every registered exchange carries a live stream spec, and each keeps the contract's invariants.
import { describe, expect, it } from 'vitest';
import { EXCHANGES, SITES, streamSpecs } from '../../../src/sites';

describe('stream specs in the registry', () => {
  it('one per exchange, named by its own id', () => {
    const specs = streamSpecs();
    expect(Object.keys(specs).sort()).toEqual([...EXCHANGES].sort());
    for (const s of SITES) {
      expect(s.stream.exchange).toBe(s.id);
      expect(specs[s.id]).toBe(s.stream);
    }
  });

  it('wss endpoints; a ping comes well inside the silence limit; frames go to an endpoint that exists', () => {
    for (const s of SITES) {
      const spec = s.stream;
      expect(spec.endpoints.length).toBeGreaterThan(0);
      for (const e of spec.endpoints) {
        expect(e.url).toMatch(/^wss:\/\//);
        if (e.ping) expect(e.silentMs).toBeGreaterThan(e.ping.everyMs);
      }
      for (const out of [...spec.subscribe('BTCUSDT'), ...spec.unsubscribe('BTCUSDT'), ...spec.bookSubscribe('BTCUSDT'), ...spec.bookUnsubscribe('BTCUSDT')]) {
        expect(out.endpoint).toBeGreaterThanOrEqual(0);
        expect(out.endpoint).toBeLessThan(spec.endpoints.length);
        expect(() => JSON.parse(out.message)).not.toThrow();
      }
      if (spec.liquidations !== 'published') expect(spec.liquidations.absent.length).toBeGreaterThan(40);
    }
  });
});
