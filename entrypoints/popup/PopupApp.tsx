/**
 * Toolbar popup: the active trading tab's market (or one picked by hand), read from the background with
 * getView and refreshed while open. All numbers are the background's; this file only fetches and routes.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Exchange } from '../../src/engine/types';
import { EXCHANGES } from '../../src/sites';
import { sendMessage, type MarketView } from '../../src/messaging';
import { checkMarketView } from '../../src/overlay/view-check';
import { ViewSummary } from '../../src/ui/ViewSummary';
import { withQuote } from '../../src/symbols/canonical';

const PICK_KEY = 'popup:lastPick';
const REFRESH_MS = 2_000;

type Target = { kind: 'tab'; tabId: number } | { kind: 'pick'; exchange: Exchange; symbol: string };
type Load = { kind: 'idle' } | { kind: 'waiting' } | { kind: 'view'; view: MarketView } | { kind: 'none' } | { kind: 'error'; reason: string };

/** Canonical symbol from user input: "btc", "BTC-USDT", "btcusdt" → "BTCUSDT". */
export function canonicalSymbol(input: string): string | null {
  const s = input.trim().toUpperCase().replace(/[-_/ ]|SWAP$/g, '');
  if (!/^[A-Z0-9]{2,20}$/.test(s)) return null;
  return withQuote(s);
}

/** `?tab=ID` (the popup opened for a given tab, e.g. by tests) or `?exchange=…&symbol=…` (a hand-picked market). */
function targetFromQuery(): Target | null {
  const q = new URLSearchParams(location.search);
  const tabId = Number(q.get('tab'));
  if (q.has('tab') && Number.isInteger(tabId) && tabId >= 0) return { kind: 'tab', tabId };
  const exchange = q.get('exchange') as Exchange | null;
  const symbol = canonicalSymbol(q.get('symbol') ?? '');
  if (exchange && EXCHANGES.includes(exchange) && symbol) return { kind: 'pick', exchange, symbol };
  return null;
}

export function PopupApp() {
  const [status, setStatus] = useState('connecting…');
  const [target, setTarget] = useState<Target | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [picking, setPicking] = useState(false);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    sendMessage('ping', undefined)
      .then((r) => setStatus(`background ok, v${r.version}`))
      .catch((e: unknown) => setStatus(`background error: ${String(e)}`));
    const fromQuery = targetFromQuery();
    if (fromQuery) return setTarget(fromQuery);
    // tabs.query needs no "tabs" permission for the id; the background knows which tabs it watches.
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id !== undefined ? setTarget({ kind: 'tab', tabId: tab.id }) : setPicking(true)))
      .catch(() => setPicking(true));
  }, []);

  useEffect(() => {
    if (!target) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setLoad({ kind: 'waiting' });
    const tick = async () => {
      try {
        const req = target.kind === 'tab' ? { tabId: target.tabId } : { exchange: target.exchange, symbol: target.symbol };
        const view = await sendMessage('getView', req);
        if (!alive) return;
        setNow(Date.now());
        // Checked on receipt like the overlay does: a malformed view is a named error, not a crashed popup.
        const checked = view ? checkMarketView(view) : null;
        if (checked && !checked.ok) setLoad({ kind: 'error', reason: `The background sent a bad view: ${checked.error}` });
        else if (checked?.ok) setLoad({ kind: 'view', view: checked.view });
        else if (target.kind === 'tab') {
          setLoad({ kind: 'none' });
          setPicking(true);
          return; // nothing to refresh: no trading tab is active
        } else setLoad({ kind: 'error', reason: `The background has no data for ${target.symbol} on ${target.exchange}.` });
      } catch (e) {
        if (alive) setLoad({ kind: 'error', reason: `Background unavailable: ${e instanceof Error ? e.message : String(e)}` });
      }
      if (alive) timer = setTimeout(tick, REFRESH_MS);
    };
    void tick();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [target]);

  const view = load.kind === 'view' ? load.view : null;
  return (
    <main>
      <header class="ll-head">
        <h1>LiqLens</h1>
        {view && (
          <span data-testid="popup-symbol" data-exchange={view.exchange} data-symbol={view.symbol}>
            {view.symbol} · {view.exchange}
          </span>
        )}
      </header>
      {load.kind === 'waiting' && (
        <p role="status" data-testid="popup-state" data-state="loading">
          Asking the background…
        </p>
      )}
      {load.kind === 'error' && (
        <p role="alert" class="ll-state-error" data-testid="popup-state" data-state="error">
          {load.reason}
        </p>
      )}
      {load.kind === 'none' && (
        <p data-testid="popup-state" data-state="no-tab">
          The active tab is not a futures trading page LiqLens watches. Pick a market:
        </p>
      )}
      {view && <ViewSummary view={view} now={now} />}
      {picking || target?.kind === 'pick' ? (
        <Picker
          initial={target?.kind === 'pick' ? target : undefined}
          onPick={(exchange, symbol) => {
            void browser.storage.local.set({ [PICK_KEY]: { exchange, symbol } });
            setTarget({ kind: 'pick', exchange, symbol });
          }}
        />
      ) : (
        <button type="button" class="ll-link" onClick={() => setPicking(true)} data-testid="popup-pick-other">
          Look at another market…
        </button>
      )}
      <footer>
        <button type="button" class="ll-link" onClick={() => void browser.runtime.openOptionsPage()} data-testid="popup-options">
          Options
        </button>
        <span data-testid="popup-status" class="ll-muted">
          {status}
        </span>
      </footer>
    </main>
  );
}

function Picker({ initial, onPick }: { initial?: { exchange: Exchange; symbol: string }; onPick: (e: Exchange, s: string) => void }) {
  const [exchange, setExchange] = useState<Exchange>(initial?.exchange ?? EXCHANGES[0]!);
  const [symbol, setSymbol] = useState(initial?.symbol ?? '');
  const [error, setError] = useState('');
  useEffect(() => {
    if (initial) return;
    void browser.storage.local.get(PICK_KEY).then((got) => {
      const last = got[PICK_KEY] as { exchange?: Exchange; symbol?: string } | undefined;
      if (last?.exchange && EXCHANGES.includes(last.exchange)) setExchange(last.exchange);
      if (typeof last?.symbol === 'string') setSymbol(last.symbol);
    });
  }, []);
  return (
    <form
      class="ll-picker"
      data-testid="popup-picker"
      onSubmit={(e) => {
        e.preventDefault();
        const s = canonicalSymbol(symbol);
        if (!s) return setError('Enter a symbol such as BTCUSDT.');
        setError('');
        onPick(exchange, s);
      }}
    >
      <label>
        Exchange{' '}
        <select value={exchange} onChange={(e) => setExchange((e.currentTarget as HTMLSelectElement).value as Exchange)} data-testid="popup-pick-exchange">
          {EXCHANGES.map((x) => (
            <option value={x}>{x}</option>
          ))}
        </select>
      </label>{' '}
      <label>
        Symbol{' '}
        <input
          value={symbol}
          size={10}
          placeholder="BTCUSDT"
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'll-pick-err' : undefined}
          onInput={(e) => setSymbol((e.currentTarget as HTMLInputElement).value)}
          data-testid="popup-pick-symbol"
        />
      </label>{' '}
      <button type="submit" data-testid="popup-pick-go">
        Show
      </button>
      {error && (
        <p id="ll-pick-err" class="ll-state-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
