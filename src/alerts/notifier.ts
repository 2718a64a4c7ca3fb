/**
 * Alert wiring for the service worker: evaluates each MarketView with the pure state machine, persists
 * the machine's state (a restarted worker must not re-fire), shows notifications and focuses the tab
 * on click. Evaluations are serialised so two near-simultaneous updates cannot both fire one crossing.
 */
import { storedAlertState, storedLog, storedLooks, storedTargets } from './stored';
import { browser } from 'wxt/browser';
import type { MarketView } from '../messaging';
import { loadSettings, type Settings } from '../settings';
import { activeConditions, judgedPrice, watchedEdges, type AlertCondition, type PreviousLook } from './conditions';
import { scopeKey, step } from './machine';

export const ALERT_STATE_KEY = 'alerts:state';
export const ALERT_TARGETS_KEY = 'alerts:targets';
/** Per market: the price and watched cluster edges of the previous evaluation (to catch a jump through an edge). */
export const ALERT_LAST_KEY = 'alerts:last';
/** The last fired alerts, newest last (shown nowhere yet; lets tests and users audit what fired). */
export const ALERT_LOG_KEY = 'alerts:log';
const LOG_LIMIT = 50;
const TARGET_LIMIT = 50;

export interface AlertLogEntry {
  t: number;
  scope: string;
  id: string;
  kind: AlertCondition['kind'];
  title: string;
  message: string;
  notificationId: string;
  tabId?: number;
}

export interface NotifierDeps {
  now?: () => number;
  settings?: () => Promise<Settings>;
}

type Targets = Record<string, { tabId?: number; t: number }>;

export function createAlertNotifier({ now = () => Date.now(), settings = loadSettings }: NotifierDeps = {}) {
  let chain: Promise<unknown> = Promise.resolve();

  async function evaluate(view: MarketView, tabId?: number): Promise<AlertCondition[]> {
    const analysis = view.analysis;
    if (!analysis || view.state === 'loading' || view.state === 'error') return [];
    // A map still missing an exchange that is loading would raise alerts that vanish a second later:
    // wait until every enabled exchange has answered (or failed).
    if (Object.values(view.health).some((h) => h?.state === 'loading')) return [];
    const cfg = await settings();
    const scope = scopeKey(view.exchange, view.symbol);
    const got = await browser.storage.local.get([ALERT_STATE_KEY, ALERT_TARGETS_KEY, ALERT_LOG_KEY, ALERT_LAST_KEY]);
    const last = storedLooks(got[ALERT_LAST_KEY]);
    // The entry LFR comes from the hub's one book (src/market/entry-lfr.ts), the number the panel shows.
    const entryLfr = view.entryLfr ?? null;
    const price = judgedPrice(analysis, view.live);
    const conditions = activeConditions({ analysis, entryLfr, settings: cfg, previous: last[scope] ?? null, live: view.live, price });
    const look: PreviousLook = { price, edges: watchedEdges(analysis.clusters, price) };
    const t = now();
    const { state, fired } = step(storedAlertState(got[ALERT_STATE_KEY]), scope, conditions, t, cfg.alerts.cooldownMin * 60_000);

    const targets: Targets = storedTargets(got[ALERT_TARGETS_KEY]);
    const log = storedLog(got[ALERT_LOG_KEY]) as AlertLogEntry[];
    const shown: { id: string; c: AlertCondition }[] = [];
    for (const c of fired) {
      const id = `liqlens:${scope}:${c.id}:${t}`;
      targets[id] = { tabId, t };
      log.push({ t, scope, id: c.id, kind: c.kind, title: c.title, message: c.message, notificationId: id, tabId });
      shown.push({ id, c });
    }
    // Persist before showing: if the worker dies mid-way, the crossing is not re-fired on restart.
    await browser.storage.local.set({
      [ALERT_STATE_KEY]: state,
      [ALERT_TARGETS_KEY]: Object.fromEntries(Object.entries(targets).sort((a, b) => a[1].t - b[1].t).slice(-TARGET_LIMIT)),
      [ALERT_LOG_KEY]: log.slice(-LOG_LIMIT),
      [ALERT_LAST_KEY]: { ...last, [scope]: look },
    });
    for (const { id, c } of shown) {
      await browser.notifications
        .create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: c.title, message: c.message, priority: 1 })
        .catch((e: unknown) => console.warn('[liqlens] notification failed', e));
    }
    return fired;
  }

  return {
    /** Evaluates one view (from a market update or an alarm). Returns the alerts that fired. */
    onView(view: MarketView, tabId?: number): Promise<AlertCondition[]> {
      const run = chain.then(() => evaluate(view, tabId));
      chain = run.catch((e: unknown) => console.warn('[liqlens] alert evaluation failed', e));
      return run;
    },
  };
}

/** Notification click: bring the tab that raised it to the front (tabs.update/windows.update need no "tabs" permission). */
export async function focusAlertTab(notificationId: string): Promise<boolean> {
  if (!notificationId.startsWith('liqlens:')) return false;
  const got = await browser.storage.local.get(ALERT_TARGETS_KEY);
  const tabId = storedTargets(got[ALERT_TARGETS_KEY])[notificationId]?.tabId;
  await browser.notifications.clear(notificationId).catch(() => false);
  if (tabId === undefined) return false;
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return true;
  } catch {
    return false; // the tab was closed since
  }
}
