import { describe, expect, it } from 'vitest';
import { headerTableAdapter } from '../../../src/sites/dom/header-table-adapter';
import type { ReaderConfig } from '../../../src/sites/dom/position-reader';
import { BYBIT_LABELS } from '../../../src/sites/bybit/labels';

const config: ReaderConfig = { exchange: 'bybit', labels: BYBIT_LABELS, signedSize: true, bareSizeUnit: 'coin' };

describe('headerTableAdapter', () => {
  const adapter = headerTableAdapter({ config, domain: 'example.com', path: /^\/swap\/([a-z0-9]+)-(usdt)$/i });

  it('joins and upper-cases the path captures on the right domain only', () => {
    expect(adapter.exchange).toBe('bybit');
    expect(adapter.symbolFromUrl(new URL('https://www.example.com/swap/btc-usdt'))).toBe('BTCUSDT');
    expect(adapter.symbolFromUrl(new URL('https://www.example.org/swap/btc-usdt'))).toBeNull();
    expect(adapter.symbolFromUrl(new URL('https://www.example.com/spot/btc-usdt'))).toBeNull();
  });

  it('reports no panel and no position on a page without a positions table', () => {
    document.body.innerHTML = '<main><p>nothing here</p></main>';
    expect(adapter.panelRoot(document)).toBeNull();
    expect(adapter.readPosition(document, 'BTCUSDT').kind).not.toBe('position');
  });
});
