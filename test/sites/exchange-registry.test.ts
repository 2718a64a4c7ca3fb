// The registry (src/sites/index.ts) is the one list of exchanges: what derives from it must cover each one.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings } from '../../src/settings';
import { createManualStore, hedgeKey, manualKey, type KeyValueArea } from '../../src/position/manual-store';
import { API_HOST_PATTERNS, CLOSE_FEE_RATES, EXCHANGES, PAGE_ORIGIN_PATTERNS, SITES, TRADING_PAGE_MATCHES, exchangeName, isExchange, siteOf } from '../../src/sites';
import { tradingMatches } from '../../src/sites/site';
import { PAGE_ADAPTERS } from './adapters';

describe('exchange registry', () => {
  it('lists each exchange once, and its page adapter is the one for the same id', () => {
    expect(new Set(EXCHANGES).size).toBe(SITES.length);
    for (const ex of EXCHANGES) expect(PAGE_ADAPTERS[ex].exchange).toBe(ex);
  });

  it('the settings schema keeps every registered exchange (valibot drops unknown keys)', () => {
    const off = Object.fromEntries(EXCHANGES.map((x, i) => [x, i === 0]));
    const r = validateSettings({ ...DEFAULT_SETTINGS, exchanges: off });
    expect(r.ok && r.settings.exchanges).toEqual(off);
    expect(Object.keys(DEFAULT_SETTINGS.exchanges).sort()).toEqual([...EXCHANGES].sort());
  });

  it('manual entries and hedge picks of every exchange are seen by subscribers; unknown ids are ignored', async () => {
    const listeners: ((c: Record<string, unknown>, area: string) => void)[] = [];
    const data: Record<string, unknown> = {};
    const area: KeyValueArea = {
      get: async (k) => ({ [k]: data[k] }),
      set: async (items) => void Object.assign(data, items),
      remove: async (k) => void delete data[k],
    };
    const store = createManualStore(isExchange, area, { addListener: (cb) => listeners.push(cb), removeListener: () => {} });
    const seen: string[] = [];
    store.subscribe((ex, sym) => seen.push(`${ex}:${sym}`));
    for (const ex of EXCHANGES) for (const cb of listeners) cb({ [manualKey(ex, 'btcusdt')]: {}, [hedgeKey(ex, 'ETHUSDT')]: {} }, 'local');
    for (const cb of listeners) cb({ 'manualPosition:nosuchexchange:BTCUSDT': {} }, 'local');
    expect(seen.sort()).toEqual(EXCHANGES.flatMap((ex) => [`${ex}:BTCUSDT`, `${ex}:ETHUSDT`]).sort());
  });

  it('manifest patterns cover every exchange: trading pages with and without locale, API hosts, page origins', () => {
    for (const s of SITES) {
      const matches = tradingMatches(s);
      expect(matches).toHaveLength(2 * s.tradingPaths.length);
      for (const m of matches) expect(TRADING_PAGE_MATCHES).toContain(m);
      expect(matches.some((m) => m.startsWith(`https://${s.pageHost}/*/`))).toBe(true);
      for (const h of s.apiHosts) expect(API_HOST_PATTERNS).toContain(`https://${h}/*`);
      expect(PAGE_ORIGIN_PATTERNS).toContain(`https://${s.pageHost}/*`);
    }
  });

  it('ids, names, fees and capabilities come from the descriptor', () => {
    expect(isExchange('nosuchexchange')).toBe(false);
    expect(isExchange(42)).toBe(false);
    for (const s of SITES) {
      expect(isExchange(s.id)).toBe(true);
      expect(siteOf(s.id)).toBe(s);
      expect(exchangeName(s.id)).toBe(s.name);
      expect(CLOSE_FEE_RATES[s.id]).toBe(s.closeFeeRate);
      expect(s.closeFeeRate >= 0 && s.closeFeeRate < 0.1).toBe(true);
    }
    // At least one exchange only polls its OI: the hub's keep-what-was-polled path is exercised.
    expect(SITES.some((s) => !s.capabilities.oiHistory)).toBe(true);
  });
});
