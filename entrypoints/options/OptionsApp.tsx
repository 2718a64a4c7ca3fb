/**
 * Options page: every user setting with inline validation (src/settings.ts schema), saved only when all
 * fields are valid, with a reset to defaults.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { EXCHANGES } from '../../src/sites';
import { DEFAULT_SETTINGS, loadSettingsChecked, saveSettings, TIER_LEVERAGES } from '../../src/settings';
import { formatDecimal } from '../../src/ui/format';
import { fromDraft, issuesByPath, toDraft, type SettingsDraft } from '../../src/ui/settings-form';

type Status = { kind: 'loading' } | { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid'; count: number } | { kind: 'error'; reason: string };

export function OptionsApp() {
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [touched, setTouched] = useState(false);
  const [fellBack, setFellBack] = useState<string[]>([]);

  useEffect(() => {
    loadSettingsChecked()
      .then(({ settings: s, fellBack: f }) => {
        setFellBack(f);
        setDraft(toDraft(s));
        setStatus({ kind: 'idle' });
      })
      .catch((e: unknown) => setStatus({ kind: 'error', reason: `Could not read settings: ${String(e)}` }));
  }, []);

  if (!draft) {
    return (
      <main>
        <h1>LiqLens options</h1>
        <p role="status" data-testid="options-status">
          {status.kind === 'error' ? status.reason : 'Loading…'}
        </p>
      </main>
    );
  }

  const result = fromDraft(draft);
  const errors = touched && !result.ok ? issuesByPath(result.issues) : {};
  const update = (f: (d: SettingsDraft) => void) => {
    const next = structuredClone(draft);
    f(next);
    setDraft(next);
    setTouched(true);
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };
  const weightSum = draft.tierWeightsPct.reduce((s, w) => s + (Number(w) || 0), 0);

  const save = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (!result.ok) return setStatus({ kind: 'invalid', count: result.issues.length });
    try {
      const r = await saveSettings(result.settings);
      setStatus(r.ok ? { kind: 'saved' } : { kind: 'invalid', count: r.issues.length });
    } catch (err) {
      setStatus({ kind: 'error', reason: `Could not save: ${String(err)}` });
    }
  };

  return (
    <main>
      <h1>LiqLens options</h1>
      {fellBack.length > 0 && status.kind !== 'saved' && (
        <p role="alert" class="err" data-testid="options-fallback">
          Stored settings were not valid; defaults are shown for {fellBack.includes('(all)') ? 'every field' : fellBack.join(', ')}. Save to keep them.
        </p>
      )}
      <form onSubmit={save} noValidate data-testid="options-form">
        <Section title="Risk budget">
          <NumField id="accountUsd" label="Account size (USD)" value={draft.accountUsd} error={errors.accountUsd} onInput={(v) => update((d) => void (d.accountUsd = v))} />
          <NumField id="riskPct" label="Risk per trade (%)" value={draft.riskPct} error={errors.riskPct} onInput={(v) => update((d) => void (d.riskPct = v))} />
          <NumField id="stopBufferPct" label="Stop buffer beyond the cluster (%, 0.3–0.5)" step="0.05" value={draft.stopBufferPct} error={errors.stopBufferPct} onInput={(v) => update((d) => void (d.stopBufferPct = v))} />
        </Section>

        <Section title="Leverage-tier weights (%)">
          <div class="row">
            {TIER_LEVERAGES.map((lev, i) => (
              <NumField
                id={`tier-${lev}`}
                label={`${lev}x`}
                value={draft.tierWeightsPct[i] ?? ''}
                error={errors[`tierWeightsPct.${i}`]}
                onInput={(v) => update((d) => void (d.tierWeightsPct[i] = v))}
              />
            ))}
          </div>
          <p data-testid="opt-tier-sum" class={Math.abs(weightSum - 100) > 1e-6 ? 'err' : 'muted'}>
            Sum: {formatDecimal(weightSum)} % {errors.tierWeightsPct ? `— ${errors.tierWeightsPct}` : ''}
          </p>
        </Section>

        <Section title="Exchanges and map">
          <div class="row" role="group" aria-label="Exchanges">
            {EXCHANGES.map((x) => (
              <label class="check">
                <input type="checkbox" checked={draft.exchanges[x]} data-testid={`opt-exchange-${x}`} onChange={(e) => update((d) => void (d.exchanges[x] = (e.currentTarget as HTMLInputElement).checked))} />
                {x}
              </label>
            ))}
          </div>
          {errors.exchanges && (
            <p class="err" role="alert" data-testid="opt-exchanges-error">
              {errors.exchanges}
            </p>
          )}
          <NumField id="windowDays" label="Map window (days, 1–30)" value={draft.windowDays} error={errors.windowDays} onInput={(v) => update((d) => void (d.windowDays = v))} />
          <NumField id="refreshSec" label="Refresh interval (seconds, ≥ 60)" value={draft.refreshSec} error={errors.refreshSec} onInput={(v) => update((d) => void (d.refreshSec = v))} />
        </Section>

        <Section title="Alerts">
          <Check id="alert-clusterEdge" label="Price nears an edge of the two nearest clusters on either side" checked={draft.alerts.clusterEdge} onChange={(c) => update((d) => void (d.alerts.clusterEdge = c))} />
          <NumField id="clusterEdgePct" label="…within (%)" value={draft.alerts.clusterEdgePct} error={errors['alerts.clusterEdgePct']} onInput={(v) => update((d) => void (d.alerts.clusterEdgePct = v))} />
          <Check id="alert-lfrDegraded" label="LFR fell below 1.0 since entry" checked={draft.alerts.lfrDegraded} onChange={(c) => update((d) => void (d.alerts.lfrDegraded = c))} />
          <Check id="alert-staleMap" label="Map stale (OI fell more than 15 % in 4 h)" checked={draft.alerts.staleMap} onChange={(c) => update((d) => void (d.alerts.staleMap = c))} />
          <Check id="alert-squeeze" label="Squeeze setup" checked={draft.alerts.squeeze} onChange={(c) => update((d) => void (d.alerts.squeeze = c))} />
          <Check id="alert-cascade" label="Liquidation cascade under way at a cluster (live stream)" checked={draft.alerts.cascade} onChange={(c) => update((d) => void (d.alerts.cascade = c))} />
          <Check id="alert-review" label="Review every 4 h while a position is open" checked={draft.alerts.review} onChange={(c) => update((d) => void (d.alerts.review = c))} />
          <NumField id="cooldownMin" label="Cool-down between repeats (minutes)" value={draft.alerts.cooldownMin} error={errors['alerts.cooldownMin']} onInput={(v) => update((d) => void (d.alerts.cooldownMin = v))} />
        </Section>

        <Section title="Macro events (UTC)">
          <ul class="events" data-testid="opt-events">
            {draft.macroEvents.map((ev, i) => {
              const err = errors[`macroEvents.${i}.t`] ?? errors[`macroEvents.${i}.label`];
              return (
                <li data-testid={`opt-event-${i}`}>
                  <label>
                    Date <input type="date" value={ev.date} aria-invalid={errors[`macroEvents.${i}.t`] ? 'true' : 'false'} data-testid={`opt-event-${i}-date`} onInput={(e) => update((d) => void (d.macroEvents[i]!.date = (e.currentTarget as HTMLInputElement).value))} />
                  </label>
                  <label>
                    Time <input type="time" value={ev.time} aria-invalid={errors[`macroEvents.${i}.t`] ? 'true' : 'false'} data-testid={`opt-event-${i}-time`} onInput={(e) => update((d) => void (d.macroEvents[i]!.time = (e.currentTarget as HTMLInputElement).value))} />
                  </label>
                  <label>
                    Label <input value={ev.label} maxLength={80} aria-invalid={errors[`macroEvents.${i}.label`] ? 'true' : 'false'} data-testid={`opt-event-${i}-label`} onInput={(e) => update((d) => void (d.macroEvents[i]!.label = (e.currentTarget as HTMLInputElement).value))} />
                  </label>
                  <button type="button" aria-label={`Remove event ${ev.label || i + 1}`} onClick={() => update((d) => void d.macroEvents.splice(i, 1))}>
                    Remove
                  </button>
                  {err && <span class="err">{err}</span>}
                </li>
              );
            })}
          </ul>
          <button type="button" data-testid="opt-event-add" onClick={() => update((d) => void d.macroEvents.push({ date: '', time: '', label: '' }))}>
            Add event
          </button>
        </Section>

        <footer>
          <button type="submit" data-testid="opt-save">
            Save
          </button>
          <button
            type="button"
            data-testid="opt-reset"
            onClick={() => {
              setDraft(toDraft(DEFAULT_SETTINGS));
              setTouched(true);
              setStatus({ kind: 'idle' });
            }}
          >
            Reset to defaults
          </button>
          <span role="status" data-testid="options-status" data-state={status.kind} class={status.kind === 'saved' ? 'ok' : status.kind === 'idle' ? '' : 'err'}>
            {status.kind === 'saved' && 'Saved.'}
            {status.kind === 'invalid' && `Not saved: fix the ${status.count} highlighted field${status.count === 1 ? '' : 's'}.`}
            {status.kind === 'error' && status.reason}
          </span>
        </footer>
      </form>
    </main>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function NumField(p: { id: string; label: string; value: string; error: string | undefined; step?: string; onInput: (v: string) => void }) {
  const id = `opt-${p.id}`;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <input
        id={id}
        type="number"
        step={p.step ?? 'any'}
        value={p.value}
        aria-invalid={p.error ? 'true' : 'false'}
        aria-describedby={p.error ? `${id}-err` : undefined}
        data-testid={id}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {p.error && (
        <span id={`${id}-err`} class="err" data-testid={`${id}-error`}>
          {p.error}
        </span>
      )}
    </div>
  );
}

function Check(p: { id: string; label: string; checked: boolean; onChange: (c: boolean) => void }) {
  return (
    <label class="check">
      <input type="checkbox" checked={p.checked} data-testid={`opt-${p.id}`} onChange={(e) => p.onChange((e.currentTarget as HTMLInputElement).checked)} />
      {p.label}
    </label>
  );
}
