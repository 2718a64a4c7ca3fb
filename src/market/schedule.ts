/** The repeating refresh tick: started at the settings' period while something watches, stopped otherwise. */
import type { Settings } from '../settings';
import { MIN_REFRESH_SEC, refreshSec } from './refresh-policy';

export interface Scheduler {
  /** Start (or re-period) the repeating refresh tick. */
  start(periodSec: number): Promise<void>;
  stop(): Promise<void>;
}

export class RefreshSchedule {
  private scheduledSec: number | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly settings: () => Promise<Settings>,
  ) {}

  /** The running period, or the floor while stopped. */
  periodSec(): number {
    return this.scheduledSec ?? MIN_REFRESH_SEC;
  }

  /** Start the tick, or re-period it when the settings changed the period. */
  async ensure(): Promise<void> {
    const sec = refreshSec(await this.settings());
    if (this.scheduledSec === sec) return;
    this.scheduledSec = sec;
    await this.scheduler.start(sec);
  }

  /** The settings changed: the next ensure() re-periods the tick even when the period looks the same. */
  forget(): void {
    this.scheduledSec = null;
  }

  async pause(): Promise<void> {
    if (this.scheduledSec === null) return;
    this.scheduledSec = null;
    await this.scheduler.stop();
  }
}
