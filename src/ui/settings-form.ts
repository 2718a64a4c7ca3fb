/**
 * The options form works on strings (what the inputs hold); this converts between that draft and
 * Settings, and maps validation issues to the field that shows them inline.
 */
import { type Exchange } from '../engine/types';
import { formatTypedNumber, parseTypedNumber, type NumberField } from '../numbers/typed';
import { EXCHANGES } from '../sites';
import { validateSettings, type Settings, type SettingsIssue } from '../settings';

export interface MacroEventDraft {
  /** YYYY-MM-DD, UTC. */
  date: string;
  /** HH:MM, UTC. */
  time: string;
  label: string;
}

export interface SettingsDraft {
  accountUsd: string;
  riskPct: string;
  stopBufferPct: string;
  tierWeightsPct: string[];
  exchanges: Record<Exchange, boolean>;
  windowDays: string;
  refreshSec: string;
  alerts: { clusterEdge: boolean; clusterEdgePct: string; lfrDegraded: boolean; staleMap: boolean; squeeze: boolean; cascade: boolean; cooldownMin: string; review: boolean };
  macroEvents: MacroEventDraft[];
  stream: boolean;
  overlay: Settings['overlay'];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toDraft(s: Settings): SettingsDraft {
  const str = (n: number) => formatTypedNumber(n);
  return {
    accountUsd: str(s.accountUsd),
    riskPct: str(s.riskPct),
    stopBufferPct: str(s.stopBufferPct),
    tierWeightsPct: s.tierWeightsPct.map(str),
    exchanges: { ...s.exchanges },
    windowDays: str(s.windowDays),
    refreshSec: str(s.refreshSec),
    alerts: { ...s.alerts, clusterEdgePct: str(s.alerts.clusterEdgePct), cooldownMin: str(s.alerts.cooldownMin) },
    macroEvents: s.macroEvents.map((e) => {
      const d = new Date(e.t);
      return { date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`, label: e.label };
    }),
    stream: s.stream,
    overlay: { ...s.overlay },
  };
}

/**
 * Reads the form's numbers with the one parser (src/numbers/typed.ts). The options inputs are
 * type=number, so the browser hands over its own form (`.` decimal, no grouping) whatever the user's
 * locale: `1.234` is 1.234 here, never ambiguous. Empty becomes NaN, which validation names as "must be
 * a number"; garbage also becomes NaN, with the parser's reason recorded for the field.
 */
function numberReader(issues: SettingsIssue[]) {
  return (text: string, path: string, field: NumberField = 'amount'): number => {
    const r = parseTypedNumber(text, { field, decimal: '.' });
    if (r.kind === 'number') return r.value;
    if (r.kind === 'invalid') issues.push({ path, message: r.reason });
    return Number.NaN;
  };
}

/** UTC time of a date + time pair, or null when either is not a real calendar value. */
export function eventTime(date: string, time: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const t = Date.parse(`${date}T${time}:00Z`);
  if (!Number.isFinite(t)) return null;
  // Date.parse rolls "2026-02-30" over to March; reject it instead.
  const d = new Date(t);
  return d.toISOString().slice(0, 16) === `${date}T${time}` ? t : null;
}

export type DraftResult = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

export function fromDraft(d: SettingsDraft): DraftResult {
  const dateIssues: SettingsIssue[] = [];
  const num = numberReader(dateIssues);
  const macroEvents = d.macroEvents.map((e, i) => {
    const t = eventTime(e.date, e.time);
    if (t === null) dateIssues.push({ path: `macroEvents.${i}.t`, message: 'Enter a valid date (YYYY-MM-DD) and time (HH:MM, UTC).' });
    return { t: t ?? 0, label: e.label };
  });
  const candidate = {
    accountUsd: num(d.accountUsd, 'accountUsd'),
    riskPct: num(d.riskPct, 'riskPct', 'percent'),
    stopBufferPct: num(d.stopBufferPct, 'stopBufferPct', 'percent'),
    tierWeightsPct: d.tierWeightsPct.map((t, i) => num(t, `tierWeightsPct.${i}`, 'percent')),
    exchanges: Object.fromEntries(EXCHANGES.map((x) => [x, d.exchanges[x]])),
    windowDays: num(d.windowDays, 'windowDays'),
    refreshSec: num(d.refreshSec, 'refreshSec'),
    alerts: { ...d.alerts, clusterEdgePct: num(d.alerts.clusterEdgePct, 'alerts.clusterEdgePct', 'percent'), cooldownMin: num(d.alerts.cooldownMin, 'alerts.cooldownMin') },
    macroEvents,
    stream: d.stream,
    overlay: d.overlay,
  };
  const r = validateSettings(candidate);
  if (r.ok && dateIssues.length === 0) return r;
  return { ok: false, issues: [...dateIssues, ...(r.ok ? [] : r.issues)] };
}

/** Issues grouped by field path, first message per path (what the field shows inline). */
export function issuesByPath(issues: readonly SettingsIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path] ??= i.message;
  return out;
}
