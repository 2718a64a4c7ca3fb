/**
 * The content-script end of the bridge: typed calls to the page-world chart bridge, each with a time
 * limit (the page may never answer) and each answer validated before use (the page may forge it).
 */
import type { BridgeMessenger } from './messenger';
import {
  checkChartEvent,
  checkChartProbe,
  checkChartScaleOrNull,
  checkDrawResult,
  parseMessage,
  type BridgeProtocol,
  type Check,
  type ChartEvent,
  type ChartProbe,
  type ChartScale,
  type DrawRequest,
  type DrawResult,
  type Parsed,
} from './protocol';

export const BRIDGE_TIMEOUT_MS = 1500;

export class BridgeClient {
  constructor(
    private readonly messenger: BridgeMessenger,
    private readonly timeoutMs = BRIDGE_TIMEOUT_MS,
  ) {}

  private async call<T>(what: keyof BridgeProtocol, check: Check, data?: unknown): Promise<Parsed<T>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`chart bridge did not answer ${what} within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return parseMessage<T>(`${what} answer`, check, await Promise.race([this.messenger.sendMessage(what, data), late]));
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  probe(): Promise<Parsed<ChartProbe>> {
    return this.call('probe', checkChartProbe);
  }

  /** The visible range and pane; `ok` with null when the chart has no usable price scale. */
  scale(): Promise<Parsed<ChartScale | null>> {
    return this.call('scale', checkChartScaleOrNull);
  }

  draw(req: DrawRequest): Promise<Parsed<DrawResult>> {
    return this.call('draw', checkDrawResult, req);
  }

  clear(): Promise<Parsed<DrawResult>> {
    return this.call('clear', checkDrawResult);
  }

  /** Tells the bridge to remove our shapes and stop for good (its page world outlives our content script). */
  stop(): Promise<Parsed<DrawResult>> {
    return this.call('stop', checkDrawResult);
  }

  /** Chart events pushed by the bridge; malformed ones are dropped. */
  onEvent(cb: (ev: ChartEvent) => void): () => void {
    return this.messenger.onMessage('chartEvent', ({ data }) => {
      const ev = parseMessage<ChartEvent>('chart event', checkChartEvent, data);
      if (ev.ok) cb(ev.value);
    });
  }
}
