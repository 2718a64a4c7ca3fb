/**
 * Service-worker wiring of the market hub: messages (watch / unwatch / getView), the refresh alarm,
 * tab closure, persistence areas. entrypoints/background.ts calls startMarketHub() and stays wiring only.
 */
import { analyze } from '../engine';
import type { WatchRequest } from '../messaging';
import { onMessage, sendMessage } from '../messaging';
import { loadSettings, watchSettings } from '../settings';
import { MarketHub, type Scheduler, type WatcherStore } from './hub';
import { createSources } from '../sites';
import { MetaStore } from './meta';
import { MarketStore, type StorageArea } from './store';
import { checkGetView, checkWatch } from './validate';

export { MarketHub } from './hub';
export const REFRESH_ALARM = 'liqlens-market-refresh';
const WATCHERS_KEY = 'market-watchers';

function alarmScheduler(): Scheduler {
  return {
    async start(periodSec) {
      // Alarms outlive the service worker: keep an existing one of the same period (re-creating it would push its next tick back).
      const existing = await browser.alarms.get(REFRESH_ALARM);
      if (existing?.periodInMinutes === periodSec / 60) return;
      await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: periodSec / 60, delayInMinutes: periodSec / 60 });
    },
    async stop() {
      await browser.alarms.clear(REFRESH_ALARM);
    },
  };
}

/** Watchers survive a service-worker restart but not a browser restart: storage.session. */
function sessionWatchers(): WatcherStore {
  const area = browser.storage.session ?? browser.storage.local;
  return {
    async load() {
      const got = await area.get(WATCHERS_KEY);
      const list = got[WATCHERS_KEY];
      if (!Array.isArray(list)) return [];
      return list.flatMap((item): [number, WatchRequest][] => {
        if (!Array.isArray(item) || typeof item[0] !== 'number') return [];
        const c = checkWatch(item[1]);
        return c.ok ? [[item[0], c.value]] : [];
      });
    },
    async save(list) {
      await area.set({ [WATCHERS_KEY]: list });
    },
  };
}

let stopCurrent: (() => void) | null = null;

/** Remove the listeners startMarketHub() registered (tests; the worker itself never stops the hub). */
export function stopMarketHub(): void {
  stopCurrent?.();
  stopCurrent = null;
}

export function startMarketHub(): MarketHub {
  stopMarketHub();
  const hub = new MarketHub({
    sources: createSources(),
    store: new MarketStore(browser.storage.local as unknown as StorageArea),
    analyze,
    now: () => Date.now(),
    settings: loadSettings,
    push: async (tabId, view) => {
      await sendMessage('marketUpdate', view, tabId);
    },
    pushLive: async (tabId, tick) => {
      await sendMessage('liveTick', tick, tabId);
    },
    scheduler: alarmScheduler(),
    watchers: sessionWatchers(),
    meta: new MetaStore(browser.storage.local as unknown as StorageArea),
    log: (msg, err) => console.warn(`[LiqLens market] ${msg}`, err ?? ''),
  });

  const removers: (() => void)[] = [];
  stopCurrent = () => removers.splice(0).forEach((r) => r());
  removers.push(onMessage('watch', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('watch must come from a tab');
    const c = checkWatch(data);
    if (!c.ok) throw new Error(c.reason);
    return hub.watch(tabId, c.value);
  }));
  removers.push(onMessage('unwatch', async ({ sender }) => {
    if (sender.tab?.id !== undefined) await hub.unwatch(sender.tab.id);
  }));
  removers.push(onMessage('getView', async ({ data }) => {
    const c = checkGetView(data);
    if (!c.ok) throw new Error(c.reason);
    return hub.getView(c.value);
  }));
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === REFRESH_ALARM) void hub.onAlarm();
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  removers.push(() => browser.alarms.onAlarm.removeListener(onAlarm));
  const onTabRemoved = (tabId: number) => void hub.unwatch(tabId);
  browser.tabs.onRemoved.addListener(onTabRemoved);
  removers.push(() => browser.tabs.onRemoved.removeListener(onTabRemoved));
  removers.push(watchSettings(() => void hub.settingsChanged()));
  void hub.start();
  return hub;
}
