/**
 * The position source controls in the overlay's details: enter the position by hand when the page cannot be read (prefilled with whatever was read), saved per exchange + symbol and
 * clearable. Validation is the same as for a page read (src/position/manual-entry.ts): an invalid form is
 * never saved, and the error names the field.
 */
import { Component } from 'preact';
import type { Position } from '../engine/types';
import { validateManualPosition, type ManualInput } from '../position/manual-entry';
import type { PositionState } from '../position/watcher';
import { formatTypedNumber } from '../numbers/typed';
import { baseOf } from '../symbols/canonical';

export interface ManualPositionPanelProps {
  state: PositionState | null;
  onSave: (position: Position) => Promise<void> | void;
  onClear: () => Promise<void> | void;
  /** The user's language (navigator.language by default): how numbers are prefilled and read back. */
  locale?: string;
}

type FormValues = Record<'side' | 'entry' | 'size' | 'leverage' | 'marginMode' | 'liqPrice', string>;
type FieldName = keyof FormValues;

const EMPTY: FormValues = { side: 'long', entry: '', size: '', leverage: '', marginMode: 'cross', liqPrice: '' };

/** Form values from the best thing we know: the manual entry, the page's position, the failed read's draft. */
export function prefill(state: PositionState, locale?: string): FormValues {
  const src: Partial<Position> = state.position ?? state.draft ?? state.hedge?.[0] ?? {};
  // Written so the form's parser reads them back exactly: no exponent (1.5e-7), the locale's decimal
  // separator (1.234 in a de-DE browser would read back as 1234).
  const s = (v: number | undefined) => (v === undefined ? '' : formatTypedNumber(v, locale));
  return {
    side: src.side ?? 'long',
    entry: s(src.entry),
    size: s(src.size),
    leverage: s(src.leverage),
    marginMode: src.marginMode ?? 'cross',
    liqPrice: s(src.liqPrice),
  };
}

const defaultLocale = () => (typeof navigator === 'undefined' ? undefined : navigator.language);

interface FormState {
  open: boolean;
  values: FormValues;
  error: { field: string; text: string } | null;
  busy: boolean;
}

/** What identifies "the same form": the exchange + symbol, and whether the page read failed. */
const formKey = (state: PositionState | null) => `${state ? `${state.exchange}:${state.symbol ?? ''}` : ''}|${state?.pageRead === 'invalid'}`;

// A class component: the content script then needs no preact/hooks (≈ 2.6 kB of its bundle).
export class ManualPositionPanel extends Component<ManualPositionPanelProps, FormState> {
  /** The form key last prefilled for. */
  private seen: string;

  constructor(props: ManualPositionPanelProps) {
    super(props);
    const locale = props.locale ?? defaultLocale();
    this.seen = formKey(props.state);
    this.state = { open: props.state?.pageRead === 'invalid', values: props.state ? prefill(props.state, locale) : EMPTY, error: null, busy: false };
  }

  // A new symbol (SPA navigation) starts a fresh form; a failed read opens it. Only on a real change (not on
  // mount), so a form the user has just opened stays open.
  override componentDidUpdate() {
    const { state } = this.props;
    if (!state || this.seen === formKey(state)) return;
    this.seen = formKey(state);
    this.setState({ values: prefill(state, this.props.locale ?? defaultLocale()), error: null, open: state.pageRead === 'invalid' });
  }

  override render() {
    return form(this.props, this.state, (patch) => this.setState(patch));
  }
}

function form(
  { state, onSave, onClear, locale = defaultLocale() }: ManualPositionPanelProps,
  { open, values, error, busy }: FormState,
  set: (patch: Partial<FormState>) => void,
) {
  const setValues = (v: FormValues) => set({ values: v });
  const setError = (e: FormState['error']) => set({ error: e });
  const setBusy = (b: boolean) => set({ busy: b });
  const setOpen = (o: boolean) => set({ open: o });

  if (!state || state.symbol === null) return null;
  const symbol = state.symbol;
  const base = baseOf(symbol);
  const manual = state.source === 'manual';

  const submit = async (ev: Event) => {
    ev.preventDefault();
    const r = validateManualPosition(values as ManualInput, state.exchange, symbol, locale);
    if (!r.ok) {
      setError({ field: r.field, text: r.error });
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onSave(r.position);
      setOpen(false);
    } catch (err) {
      setError({ field: 'position', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const input = (field: FieldName, label: string, optional = false) => (
    <label class="ll-manual-field">
      {label}
      {optional && <span class="ll-muted"> (optional)</span>}{' '}
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        data-field={field}
        aria-invalid={error?.field === field ? 'true' : undefined}
        value={values[field]}
        onInput={(e) => setValues({ ...values, [field]: (e.currentTarget as HTMLInputElement).value })}
      />
    </label>
  );
  const select = (field: 'side' | 'marginMode', label: string, options: [string, string][]) => (
    <label class="ll-manual-field">
      {label}{' '}
      <select data-field={field} value={values[field]} onChange={(e) => setValues({ ...values, [field]: (e.currentTarget as HTMLSelectElement).value })}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="ll-manual" data-testid="liqlens-manual" data-source={state.source} data-symbol={symbol}>
      <div>
        {manual ? (
          <>
            <span>Manual position for {symbol}</span>{' '}
            <button type="button" class="ll-btn" data-testid="liqlens-manual-clear" onClick={() => void onClear()}>
              clear (use the page)
            </button>
          </>
        ) : (
          <span class="ll-muted">{state.pageRead === 'invalid' ? 'The page could not be read: enter the position' : 'Position wrong or missing?'}</span>
        )}{' '}
        {!open && (
          <button
            type="button"
            class="ll-btn"
            data-testid="liqlens-manual-open"
            onClick={() => {
              setValues(prefill(state, locale));
              setOpen(true);
            }}
          >
            {manual ? 'edit' : 'enter manually'}
          </button>
        )}
      </div>
      {open && (
        <form data-testid="liqlens-manual-form" onSubmit={submit}>
          {select('side', 'Side', [
            ['long', 'long'],
            ['short', 'short'],
          ])}
          {input('entry', 'Entry')}
          {input('size', `Size (${base})`)}
          {input('leverage', 'Leverage (x)')}
          {select('marginMode', 'Margin', [
            ['cross', 'cross'],
            ['isolated', 'isolated'],
          ])}
          {input('liqPrice', 'Liq. price', true)}
          {error && (
            <div class="ll-warn" role="alert" data-testid="liqlens-manual-error" data-field={error.field}>
              {error.text}
            </div>
          )}
          <button type="submit" class="ll-btn" data-testid="liqlens-manual-save" disabled={busy}>
            save for {symbol}
          </button>{' '}
          <button type="button" class="ll-btn" onClick={() => setOpen(false)}>
            cancel
          </button>
        </form>
      )}
    </div>
  );
}
