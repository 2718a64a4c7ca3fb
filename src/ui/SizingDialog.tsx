/**
 * The in-page sizing dialog opened by the context menu "Size position with LiqLens". It shows what the
 * engine (in the background) computes for the trader's planned side, entry, leverage and risk budget,
 * and offers to copy the size and stop. It never types into or clicks the exchange's order form.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Side } from '../engine/types';
import type { SizeAnswer, SizeRequest } from '../sizing/size';
import { formatPriceForCopy, plainDecimal } from './format';
import { sizingView } from './view-model/sizing';
import { MAX_LEVERAGE, MIN_LEVERAGE } from '../engine/limits';
import { formatTypedNumber, parseTypedNumber, type NumberField } from '../numbers/typed';

/** The sized-position rows, in display order: label, test id, field of the sizing view. */
const SIZE_ROWS = [
  ['Stop distance', 'sizing-stop-distance', 'stopDistance'],
  ['Notional', 'sizing-notional', 'notional'],
  ['Size', 'sizing-size', 'size'],
  ['Margin', 'sizing-margin', 'margin'],
  ['Max leverage', 'sizing-max-leverage', 'maxLeverage'],
  ['Risk', 'sizing-risk-usd', 'risk'],
] as const;

export interface SizingDialogProps {
  /** Entry prefilled from the selected price (or the mark when nothing usable was selected). */
  initialEntry?: number;
  initialSide?: Side;
  initialLeverage?: number;
  /** Asks the background for the engine's answer. */
  request: (req: SizeRequest) => Promise<SizeAnswer>;
  onClose: () => void;
  /** Clipboard writer (injected so tests can observe it). */
  copy?: (text: string) => Promise<void>;
  /** Delay before re-asking after an edit, ms. */
  debounceMs?: number;
  /** The user's language (navigator.language by default): settles `1,234` where its conventions can. */
  locale?: string;
}

const DEFAULT_LEVERAGE = 10;

type InputName = 'entry' | 'leverage' | 'account' | 'risk';
type Texts = Record<InputName, string>;
/** A reading the user picked for an ambiguous text (`1,234`): valid while the field still holds that text. */
type Picked = Partial<Record<InputName, { text: string; value: number }>>;

const FIELD: Record<InputName, NumberField> = { entry: 'price', leverage: 'leverage', account: 'amount', risk: 'percent' };

interface ReadInputs {
  values: Partial<Record<InputName, number>>;
  /** Field-level problems with the inputs, before anything is sent. */
  errors: Partial<Record<InputName, string>>;
  /** Fields whose text reads two ways: both readings, for the user to pick. */
  choices: Partial<Record<InputName, [number, number]>>;
}

/** Reads every field with the one typed-number parser (src/numbers/typed.ts); nothing ambiguous is guessed. */
function readInputs(texts: Texts, picked: Picked, locale: string | undefined): ReadInputs {
  const out: ReadInputs = { values: {}, errors: {}, choices: {} };
  for (const name of Object.keys(FIELD) as InputName[]) {
    const text = texts[name];
    const p = picked[name];
    const r = p && p.text === text ? { kind: 'number' as const, value: p.value } : parseTypedNumber(text, { field: FIELD[name], locale });
    if (r.kind === 'number') out.values[name] = r.value;
    else if (r.kind === 'invalid') out.errors[name] = r.reason;
    else if (r.kind === 'ambiguous') {
      out.errors[name] = r.message;
      out.choices[name] = r.readings;
    }
  }
  const { entry, leverage, account, risk } = out.values;
  if (!out.errors.entry && (entry === undefined || entry <= 0)) out.errors.entry = 'Enter a positive entry price.';
  if (!out.errors.leverage && (leverage === undefined || leverage < MIN_LEVERAGE || leverage > MAX_LEVERAGE)) {
    out.errors.leverage = `Leverage must be between ${MIN_LEVERAGE} and ${MAX_LEVERAGE}.`;
  }
  if (account !== undefined && account <= 0) out.errors.account = 'Account size must be a positive amount.';
  if (risk !== undefined && (risk <= 0 || risk > 100)) out.errors.risk = 'Risk must be above 0 and at most 100 %.';
  return out;
}

const defaultCopy = (text: string) => navigator.clipboard.writeText(text);

export function SizingDialog(props: SizingDialogProps) {
  const { request, onClose, copy = defaultCopy, debounceMs = 150 } = props;
  const [side, setSide] = useState<Side>(props.initialSide ?? 'long');
  const locale = props.locale ?? (typeof navigator === 'undefined' ? undefined : navigator.language);
  // In the locale's decimal form, so the parser reads it back exactly (1.234 in de-DE would be 1234).
  const [entry, setEntry] = useState(props.initialEntry ? formatTypedNumber(props.initialEntry, locale) : '');
  const [leverage, setLeverage] = useState(String(props.initialLeverage ?? DEFAULT_LEVERAGE));
  // Empty account/risk fields mean "from options"; the answer tells which values were used.
  const [account, setAccount] = useState('');
  const [risk, setRisk] = useState('');
  const [answer, setAnswer] = useState<SizeAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState('');
  const first = useRef<HTMLButtonElement>(null);
  const seq = useRef(0);

  const [picked, setPicked] = useState<Picked>({});
  const texts: Texts = { entry, leverage, account, risk };
  const { values, errors, choices } = readInputs(texts, picked, locale);
  const valid = Object.keys(errors).length === 0;
  const pick = (name: InputName) => (value: number) => setPicked({ ...picked, [name]: { text: texts[name], value } });

  useEffect(() => first.current?.focus(), []);

  useEffect(() => {
    if (!valid) return;
    const my = ++seq.current;
    const timer = setTimeout(() => {
      const req: SizeRequest = { side, entry: values.entry!, leverage: values.leverage! };
      if (values.account !== undefined) req.accountUsd = values.account;
      if (values.risk !== undefined) req.riskPct = values.risk;
      setBusy(true);
      request(req)
        .then((ans) => my === seq.current && setAnswer(ans))
        .catch((e: unknown) => my === seq.current && setAnswer({ kind: 'error', reason: `Background unavailable: ${String(e)}` }))
        .finally(() => my === seq.current && setBusy(false));
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [side, entry, leverage, account, risk, valid, picked]);

  const doCopy = (what: string, text: string) =>
    copy(text).then(
      () => setCopied(`${what} copied`),
      () => setCopied(`Could not copy ${what}`),
    );

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  const ok = answer?.kind === 'ok' ? answer : null;
  const v = ok ? sizingView(ok) : null;
  const stop = ok?.stop.kind === 'stop' ? ok.stop : null;
  const size = v?.size ?? null;
  const warnings = v?.warnings ?? [];

  return (
    <div class="ll-sizing" role="dialog" aria-modal="true" aria-labelledby="ll-sizing-title" data-testid="sizing-dialog" onKeyDown={onKey}>
      <style>{CSS}</style>
      <header>
        <h2 id="ll-sizing-title">Size position with LiqLens</h2>
        <button type="button" class="ll-close" aria-label="Close" onClick={onClose} data-testid="sizing-close">
          ×
        </button>
      </header>
      <p class="ll-note">Estimated from public data. Nothing is entered into the exchange's order form.</p>
      <fieldset class="ll-side">
        <legend>Side</legend>
        {(['long', 'short'] as const).map((s, i) => (
          <button
            type="button"
            ref={i === 0 ? first : undefined}
            aria-pressed={side === s}
            class={side === s ? 'on' : ''}
            data-testid={`sizing-side-${s}`}
            onClick={() => setSide(s)}
          >
            {s === 'long' ? 'Long' : 'Short'}
          </button>
        ))}
      </fieldset>
      <div class="ll-grid">
        <Field id="entry" label="Entry" value={entry} onInput={setEntry} error={errors.entry} choice={choices.entry} onPick={pick('entry')} />
        <Field id="leverage" label="Leverage (x)" value={leverage} onInput={setLeverage} error={errors.leverage} choice={choices.leverage} onPick={pick('leverage')} />
        <Field id="account" label="Account (USD)" value={account} placeholder={ok ? String(ok.accountUsd) : 'from options'} onInput={setAccount} error={errors.account} choice={choices.account} onPick={pick('account')} />
        <Field id="risk" label="Risk (%)" value={risk} placeholder={ok ? String(ok.riskPct) : 'from options'} onInput={setRisk} error={errors.risk} choice={choices.risk} onPick={pick('risk')} />
      </div>
      <div aria-live="polite" data-testid="sizing-result" data-busy={busy ? 'true' : 'false'}>
        {answer?.kind === 'error' && (
          <p class="ll-error" role="alert" data-testid="sizing-error">
            {answer.reason}
          </p>
        )}
        {ok && v && (
          <dl class="ll-out">
            <dt>Stop</dt>
            <dd data-testid="sizing-stop" data-value={v.stop.value}>
              {v.stopText}
            </dd>
            {size ? (
              <>
                {SIZE_ROWS.map(([label, testid, key]) => (
                  <Fragment key={testid}>
                    <dt>{label}</dt>
                    <dd data-testid={testid} data-value={size[key].value}>
                      {size[key].text}
                    </dd>
                  </Fragment>
                ))}
              </>
            ) : (
              v.noSizeText !== null && (
                <>
                  <dt>Size</dt>
                  <dd data-testid="sizing-size" data-value="">
                    {v.noSizeText}
                  </dd>
                </>
              )
            )}
            <dt>LFR at entry</dt>
            <dd data-testid="sizing-lfr" data-value={v.lfr.value} style={{ color: v.lfr.colour }}>
              {v.lfr.text}
              {v.lfr.band ? ` — ${v.lfr.label}` : ''}
            </dd>
          </dl>
        )}
        {warnings.length > 0 && (
          <ul class="ll-warn" data-testid="sizing-warnings">
            {warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        )}
        {ok?.partial && <p class="ll-note">Some exchanges' data is missing or partial: the map is incomplete.</p>}
      </div>
      <footer>
        <button type="button" disabled={!size} data-testid="sizing-copy-size" onClick={() => size && doCopy('size', size.size.copy)}>
          Copy size
        </button>
        <button type="button" disabled={!stop} data-testid="sizing-copy-stop" onClick={() => stop && doCopy('stop', formatPriceForCopy(stop.price))}>
          Copy stop
        </button>
        <span role="status" data-testid="sizing-copied">
          {copied}
        </span>
      </footer>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  error: string | undefined;
  /** Two readings of an ambiguous text, offered as buttons. */
  choice?: [number, number] | undefined;
  onPick: (v: number) => void;
  onInput: (v: string) => void;
}

function Field(p: FieldProps) {
  const id = `ll-sizing-${p.id}`;
  return (
    <label for={id}>
      <span>{p.label}</span>
      <input
        id={id}
        inputMode="decimal"
        autocomplete="off"
        value={p.value}
        placeholder={p.placeholder}
        aria-invalid={p.error ? 'true' : 'false'}
        aria-describedby={p.error ? `${id}-err` : undefined}
        data-testid={`sizing-${p.id}`}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {p.error && (
        <small id={`${id}-err`} class="ll-error">
          {p.error}
        </small>
      )}
      {p.choice && (
        <span class="ll-choice" role="group" aria-label={`${p.label}: which number?`}>
          {p.choice.map((v, i) => (
            <button type="button" data-testid={`sizing-${p.id}-reading`} data-value={plainDecimal(v)} onClick={() => p.onPick(v)}>
              {plainDecimal(v)} {i === 0 ? '(decimal)' : '(thousands)'}
            </button>
          ))}
        </span>
      )}
    </label>
  );
}

const CSS = `
.ll-sizing{position:fixed;top:80px;right:24px;z-index:2147483647;width:340px;max-height:calc(100vh - 100px);overflow:auto;
  background:#111418;color:#e9ecef;border:1px solid #343a40;border-radius:8px;padding:12px 14px;font:13px/1.4 system-ui,sans-serif;
  box-shadow:0 6px 24px rgba(0,0,0,.5);pointer-events:auto}
.ll-sizing header{display:flex;justify-content:space-between;align-items:center}
.ll-sizing h2{font-size:15px;margin:0}
.ll-sizing button{background:#212529;color:inherit;border:1px solid #495057;border-radius:4px;padding:4px 10px;cursor:pointer;font:inherit}
.ll-sizing button:focus-visible,.ll-sizing input:focus-visible{outline:2px solid #4dabf7;outline-offset:1px}
.ll-sizing button.on{background:#1c7ed6;border-color:#1c7ed6}
.ll-sizing button:disabled{opacity:.5;cursor:default}
.ll-close{font-size:16px;line-height:1}
.ll-side{border:0;padding:0;margin:8px 0;display:flex;gap:6px;align-items:center}
.ll-side legend{float:left;margin-right:8px;color:#adb5bd}
.ll-grid{display:grid;grid-template-columns:1fr 1fr;gap:6px 10px}
.ll-grid label{display:flex;flex-direction:column;gap:2px;color:#adb5bd}
.ll-grid input{min-width:0;width:100%;box-sizing:border-box;background:#000;color:#fff;border:1px solid #495057;border-radius:4px;padding:4px 6px;font:inherit}
.ll-grid input[aria-invalid=true]{border-color:#fa5252}
.ll-out{display:grid;grid-template-columns:auto 1fr;gap:3px 10px;margin:10px 0}
.ll-out dt{color:#adb5bd}.ll-out dd{margin:0}
.ll-warn{color:#ffa94d;padding-left:18px;margin:6px 0}
.ll-error{color:#ff8787}
.ll-choice{display:flex;gap:4px;flex-wrap:wrap}.ll-choice button{padding:1px 6px;font-size:11px}
.ll-note{color:#868e96;font-size:11px;margin:4px 0}
.ll-sizing footer{display:flex;gap:8px;align-items:center;margin-top:8px}
`;
