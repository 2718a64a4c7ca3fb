/**
 * Who is watching: trading tabs (kept across service-worker restarts) and the popup, which counts as
 * watching for two refresh periods after it last asked.
 */
import type { Exchange, Symbol } from '../engine/types';
import type { WatchRequest } from '../messaging';

export interface WatcherStore {
  load(): Promise<[number, WatchRequest][]>;
  save(list: [number, WatchRequest][]): Promise<void>;
}

export class Watchers {
  private readonly tabs = new Map<number, WatchRequest>();
  private popup: { symbol: Symbol; exchange: Exchange; seenAt: number } | null = null;
  private restoring: Promise<void> | null = null;

  /** Read at each use (not copied), so the store can be swapped after construction (tests do). */
  constructor(private readonly deps: { now: () => number; watchers?: WatcherStore; log?: (msg: string, err?: unknown) => void }) {}

  /**
   * After a restart: a watch that arrived while restoring is newer than the saved one for the same tab.
   * Saves wait for the restore, so a watch arriving first cannot overwrite the saved list before it is read.
   */
  restore(): Promise<void> {
    this.restoring ??= (async () => {
      const saved = (await this.deps.watchers?.load().catch(() => [])) ?? [];
      for (const [tabId, req] of saved) if (!this.tabs.has(tabId)) this.tabs.set(tabId, req);
    })();
    return this.restoring;
  }

  async watch(tabId: number, req: WatchRequest): Promise<void> {
    this.tabs.set(tabId, req);
    await this.save();
  }

  /** False when the tab was not watching. */
  async unwatch(tabId: number): Promise<boolean> {
    if (!this.tabs.delete(tabId)) return false;
    await this.save();
    return true;
  }

  tab(tabId: number): WatchRequest | undefined {
    return this.tabs.get(tabId);
  }

  /** Tabs watching `symbol`. */
  tabsOf(symbol: Symbol): [number, WatchRequest][] {
    return [...this.tabs.entries()].filter(([, w]) => w.symbol === symbol);
  }

  symbols(): Symbol[] {
    return [...new Set([...this.tabs.values()].map((w) => w.symbol))];
  }

  popupSeen(exchange: Exchange, symbol: Symbol): void {
    this.popup = { exchange, symbol, seenAt: this.deps.now() };
  }

  /** The popup's symbol while it asked within the last two periods of `periodSec`, else null. */
  popupSymbol(periodSec: number): Symbol | null {
    return this.popup !== null && this.deps.now() - this.popup.seenAt < 2 * periodSec * 1000 ? this.popup.symbol : null;
  }

  /** Anyone ever: a tab, or the popup at some point (worth scheduling refreshes for). */
  any(): boolean {
    return this.tabs.size > 0 || this.popup !== null;
  }

  /** Something is watching: a trading tab, or the popup within the last two periods of `periodSec`. */
  active(periodSec: number): boolean {
    return this.tabs.size > 0 || this.popupSymbol(periodSec) !== null;
  }

  private async save(): Promise<void> {
    await this.restoring;
    await this.deps.watchers?.save([...this.tabs.entries()]).catch((e) => this.deps.log?.('could not save watchers', e));
  }
}
