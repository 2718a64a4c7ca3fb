import * as v from 'valibot';
import type { Exchange } from './engine/types';
import type { Fraction, Pct, Usd } from './engine/units';
import { CLOSE_FEE_RATES, EXCHANGES } from './sites';

/** User settings, stored in browser.storage.local under SETTINGS_KEY. Validated on load (see loadSettings). */
export interface Settings {
  accountUsd: Usd;
  /** Risk per trade, percent of account (1 = 1 %). */
  riskPct: Pct;
  /** Stop buffer beyond the cluster, percent, 0.3–0.5. */
  stopBufferPct: Pct;
  /** Weights of leverage tiers 5/10/25/50/100x in percent, summing to 100. */
  tierWeightsPct: readonly Pct[];
  exchanges: Record<Exchange, boolean>;
  /** Map window in days, 1–30. */
  windowDays: number;
  /** Warm refresh interval in seconds, ≥ 60. */
  refreshSec: number;
  alerts: {
    clusterEdge: boolean;
    clusterEdgePct: Pct;
    lfrDegraded: boolean;
    staleMap: boolean;
    squeeze: boolean;
    /** Realised liquidations at a cluster in the last minute pass the engine's cascade threshold (live stream). */
    cascade: boolean;
    cooldownMin: number;
    /** The 4-hourly review of an open position (src/alerts/review.ts). */
    review: boolean;
  };
  macroEvents: readonly { t: number; label: string }[];
  /** Stream mark, trades, book and liquidations over each exchange's public WebSocket while watched (issue #12). */
  stream: boolean;
  overlay: {
    mode: 'auto' | 'native' | 'pixel' | 'ladder';
    opacity: number;
    hidden: boolean;
    /** What the map draws on the chart (issue #13): the price-axis profile, bands only, the heatmap, or nothing. */
    chartView: 'profile' | 'bands' | 'heatmap' | 'off';
  };
}

export const SETTINGS_KEY = 'settings';

/** A record with every registered exchange as a key. */
function allExchanges<T>(value: T): Record<Exchange, T> {
  return Object.fromEntries(EXCHANGES.map((x) => [x, value])) as Record<Exchange, T>;
}

export const DEFAULT_SETTINGS: Settings = {
  accountUsd: 10_000,
  riskPct: 1,
  stopBufferPct: 0.4,
  tierWeightsPct: [15, 30, 25, 20, 10],
  exchanges: allExchanges(true),
  windowDays: 7,
  refreshSec: 60,
  alerts: { clusterEdge: true, clusterEdgePct: 0.5, lfrDegraded: true, staleMap: true, squeeze: true, cascade: true, cooldownMin: 30, review: true },
  macroEvents: [],
  stream: true,
  overlay: { mode: 'auto', opacity: 0.8, hidden: false, chartView: 'profile' },
};

/** Leverage of each tier the weights refer to (docs/design.md §5.1.3), for labels. */
export const TIER_LEVERAGES = [5, 10, 25, 50, 100] as const;

/* ------------------------------------------------------------------ validation */

/** A finite number within [min, max]; the messages name the field so the options page can show them inline. */
const num = (label: string, min: number, max: number) =>
  v.pipe(
    v.number(`${label} must be a number`),
    v.finite(`${label} must be a finite number`),
    v.minValue(min, `${label} must be at least ${min}`),
    v.maxValue(max, `${label} must be at most ${max}`),
  );

/** Tier weights are compared to 100 with a tolerance so that e.g. 33.3+33.3+33.4 passes despite float error. */
const WEIGHT_SUM_TOLERANCE = 1e-6;

export const SettingsSchema = v.object({
  accountUsd: num('Account size', 1, 1e12),
  riskPct: num('Risk per trade', 0.01, 100),
  stopBufferPct: num('Stop buffer', 0.3, 0.5),
  tierWeightsPct: v.pipe(
    v.array(num('Tier weight', 0, 100)),
    v.length(TIER_LEVERAGES.length, `Tier weights need one value per tier (${TIER_LEVERAGES.length})`),
    v.check(
      (w) => Math.abs(w.reduce((a, b) => a + b, 0) - 100) <= WEIGHT_SUM_TOLERANCE,
      'Tier weights must sum to 100 %',
    ),
  ),
  exchanges: v.pipe(
    // One key per registered exchange: valibot drops unknown keys, so a hand-written list would silently
    // switch a new exchange off.
    v.object(allExchanges(v.boolean()) as Record<Exchange, v.BooleanSchema<undefined>>),
    v.check((e) => Object.values(e).some(Boolean), 'At least one exchange must be on'),
  ),
  windowDays: v.pipe(num('Map window', 1, 30), v.integer('Map window must be a whole number of days')),
  refreshSec: v.pipe(num('Refresh interval', 60, 3600), v.integer('Refresh interval must be whole seconds')),
  alerts: v.object({
    clusterEdge: v.boolean(),
    clusterEdgePct: num('Cluster-edge distance', 0.05, 10),
    lfrDegraded: v.boolean(),
    staleMap: v.boolean(),
    squeeze: v.boolean(),
    cascade: v.boolean(),
    cooldownMin: num('Alert cool-down', 1, 1440),
    review: v.boolean(),
  }),
  macroEvents: v.array(
    v.object({
      t: v.pipe(v.number('Event time must be a number'), v.integer('Event time must be a timestamp in ms'), v.minValue(0, 'Event time must be after 1970')),
      label: v.pipe(v.string(), v.trim(), v.minLength(1, 'Event label is required'), v.maxLength(80, 'Event label is at most 80 characters')),
    }),
  ),
  stream: v.boolean(),
  overlay: v.object({
    mode: v.picklist(['auto', 'native', 'pixel', 'ladder'], 'Overlay mode must be auto, native, pixel or ladder'),
    opacity: num('Overlay opacity', 0.1, 1),
    hidden: v.boolean(),
    // Not typed by the user (the panel's select): a stored value from another version falls back alone,
    // keeping the rest of the overlay slice.
    chartView: v.fallback(v.picklist(['profile', 'bands', 'heatmap', 'off']), 'profile'),
  }),
});

/** One problem with a settings value: `path` is the dotted field (e.g. "alerts.cooldownMin", "macroEvents.0.label"). */
export interface SettingsIssue {
  path: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

/** Validates a complete settings object. Never throws. */
export function validateSettings(input: unknown): SettingsResult {
  const r = v.safeParse(SettingsSchema, input, { abortPipeEarly: true }); // one message per field
  if (r.success) return { ok: true, settings: r.output as Settings };
  return { ok: false, issues: r.issues.map((i) => ({ path: issuePath(i), message: i.message })) };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Stored data may be from an older version (missing fields) or hand-edited: merge it over the defaults
 * one level deep, then keep each top-level field only if it validates on its own, so one bad field never
 * throws away the rest of the user's choices.
 */
export function coerceSettings(stored: unknown): Settings {
  return readSettings(stored).settings;
}

/**
 * coerceSettings plus the stored fields that were not usable and fell back to their defaults (a stored
 * value that is not a settings object at all reports "(all)"): the options page says so.
 */
export function readSettings(stored: unknown): { settings: Settings; fellBack: string[] } {
  if (stored === undefined) return { settings: DEFAULT_SETTINGS, fellBack: [] };
  if (!isRecord(stored)) return { settings: DEFAULT_SETTINGS, fellBack: ['(all)'] };
  const fellBack: string[] = [];
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in stored)) continue;
    const def = DEFAULT_SETTINGS[key];
    const value = stored[key];
    const candidate = isRecord(def) && isRecord(value) ? { ...def, ...value } : value;
    const field = SettingsSchema.entries[key];
    if (v.safeParse(field, candidate).success) out[key] = candidate;
    else fellBack.push(key);
  }
  const whole = validateSettings(out);
  return whole.ok ? { settings: whole.settings, fellBack } : { settings: DEFAULT_SETTINGS, fellBack: ['(all)'] };
}

/* ------------------------------------------------------------------ storage */

/** Reads the settings (defaults for anything missing or invalid). */
export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return coerceSettings(got[SETTINGS_KEY]);
}

/** Reads the settings and which stored fields fell back to their defaults (the options page shows them). */
export async function loadSettingsChecked(): Promise<{ settings: Settings; fellBack: string[] }> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return readSettings(got[SETTINGS_KEY]);
}

/** Validates and saves; nothing is written when any field is invalid (never half-written). */
export async function saveSettings(input: unknown): Promise<SettingsResult> {
  const r = validateSettings(input);
  if (r.ok) await browser.storage.local.set({ [SETTINGS_KEY]: r.settings });
  return r;
}

/** Calls `cb` with the new settings whenever they change in storage. Returns an unsubscribe function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    cb(coerceSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The engine parameters the user controls, as an engine config override (percent → fractions where the
 * engine wants fractions). The hub and the sizing handler both pass this to analyze().
 */
export function engineConfigFromSettings(s: Settings): { stopBufferPct: Pct; tierWeights: readonly Fraction[]; windowDays: number; closeFeeRate: Readonly<Record<Exchange, Fraction>> } {
  return { stopBufferPct: s.stopBufferPct, tierWeights: s.tierWeightsPct.map((w) => w / 100), windowDays: s.windowDays, closeFeeRate: CLOSE_FEE_RATES };
}
