/**
 * The page-structure report (issue 11 item 6) is safe to paste into a public issue: from fixture pages that
 * hold balances, order ids, a user name, cookies, storage and form values, it keeps the structure (tags,
 * roles, headers, the first row's shape) and none of those. Building it reads no form value, cookie or
 * storage.
 */
import { describe, expect, test } from 'vitest';
import { EXCHANGES, SITES } from '../../src/sites';
import { buildStructureReport, maskDigits, maskWords } from '../../src/sites/dom/structure-report';
import { PAGE_ADAPTERS } from './adapters';
import { loadFixture } from './fixture-page';

const SECRETS = ['SeCrEt', 'jdoe', '98,765.43', '98765', '771234567', '5550123', 'cookieval', 'storageval'];

function plant(doc: Document, panel: Element): void {
  const extra = doc.createElement('div');
  extra.setAttribute('aria-label', 'Account jdoe SeCrEtAria 5550123');
  extra.setAttribute('title', 'SeCrEtTitle');
  extra.innerHTML =
    '<span>Balance 98,765.43 USDT</span><span data-order="771234567">Order ID 771234567</span>' +
    '<input value="SeCrEtInput" placeholder="SeCrEtPlaceholder"><a href="/x?token=SeCrEtHref">x</a>';
  panel.append(extra);
  // A user-specific note inside the first row's first cell.
  const firstCell = panel.querySelector('tbody tr td, [role="row"] [role="cell"], [role="row"] [role="gridcell"]');
  firstCell?.insertAdjacentHTML('beforeend', '<span> uid 5550123 SeCrEtCell</span>');
  doc.cookie = 'session=cookieval';
  (doc.defaultView as Window).localStorage.setItem('apiKey', 'storageval');
}

describe('page-structure report', () => {
  test('masks: digits become 9; words stay only when they are page labels', () => {
    expect(maskDigits('Size 1,250.5 Cont ٣')).toBe('Size 9,999.9 Cont 9');
    const keep = new Set(['cont', 'long']);
    expect(maskWords('Long 1,250 Cont jdoe', keep)).toBe('Long 9,999 Cont _');
    expect(maskWords('12.5x 全仓', new Set(['x']))).toBe('99.9x _');
  });

  for (const exchange of EXCHANGES) {
    test(`${exchange}: keeps the structure, drops every digit and user value`, async () => {
      const f = await loadFixture(exchange, '');
      try {
        const adapter = PAGE_ADAPTERS[exchange];
        const panel = adapter.panelRoot(f.document);
        expect(panel).not.toBeNull();
        plant(f.document, panel!);
        const win = f.window as unknown as Window & typeof globalThis;
        const touched: string[] = [];
        const traps: [object, string][] = [
          [win.HTMLInputElement.prototype, 'value'],
          [win.HTMLTextAreaElement.prototype, 'value'],
          [win.Document.prototype, 'cookie'],
          [win, 'localStorage'],
          [win, 'sessionStorage'],
        ];
        const originals = traps.map(([o, p]) => Object.getOwnPropertyDescriptor(o, p));
        for (const [o, p] of traps) Object.defineProperty(o, p, { configurable: true, get: () => (touched.push(p), '') });
        let report: string;
        try {
          report = buildStructureReport({
            doc: f.document,
            panel,
            chartSelectors: SITES.find((s) => s.id === exchange)!.chartSelectors,
            words: adapter.words ?? [],
            extensionVersion: '0.1.0',
            exchange,
            symbol: 'BTCUSDT',
            pageRead: 'position',
            health: 'page: table row BTCUSDT (size 0.5)',
          });
        } finally {
          traps.forEach(([o, p], i) => (originals[i] ? Object.defineProperty(o, p, originals[i]!) : delete (o as Record<string, unknown>)[p]));
        }
        expect(touched).toEqual([]);
        // Structure is there: the header row, the first row's shape, a skeleton, the chart section.
        expect(report).toMatch(/^ {2}headers: ".+"/m);
        expect(report).toMatch(/^ {2}first row: ".*9.*"/m);
        expect(report).toContain('BTCUSDT');
        expect(report).toContain(`exchange: ${exchange}`);
        expect(report).toMatch(/^## chart$/m);
        // Elements with their classes or structural attributes (OKX's okui-table has classes, not roles).
        expect(report).toMatch(/^ +[a-z0-9]+(\.[\w-]+| \[(role|data-testid|data-pane-id|aria-[a-z]+)=)/m);
        // Nothing of the user's: no digit but 9 outside the version line, none of the planted values.
        const body = report.replace(/^extension: .*$/m, '');
        expect(body.match(/\p{Nd}/gu)?.filter((d) => d !== '9') ?? []).toEqual([]);
        for (const s of SECRETS) expect(report.toLowerCase()).not.toContain(s.toLowerCase());
        expect(report).toContain('aria-label=_ _ _ 9999999');
      } finally {
        await f.close();
      }
    });
  }

  test('without a panel: a bounded skeleton of the page body, still masked', async () => {
    const f = await loadFixture('binance', '');
    try {
      const report = buildStructureReport({
        doc: f.document,
        panel: null,
        chartSelectors: ['#nothing-here'],
        words: [],
        extensionVersion: '0.1.0',
        exchange: 'binance',
        symbol: null,
        pageRead: 'none',
        health: 'positions tab not found',
      });
      expect(report).toContain('not found: skeleton of the page body instead');
      expect(report).toContain('none of: #nothing-here');
      expect(report.split('\n').length).toBeLessThan(460);
      expect(report.replace(/^extension: .*$/m, '').match(/\p{Nd}/gu)?.filter((d) => d !== '9') ?? []).toEqual([]);
    } finally {
      await f.close();
    }
  });
});
