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
  type Check,
  type ChartEvent,
  type ChartProbe,
  type ChartScale,
  type DrawRequest,
  type DrawResult,
  type Parsed,
} from './protocol';

export const BRIDGE_TIMEOUT_MS = 1500;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`chart bridge did not answer ${what} within ${ms} ms`)), ms);
    p.then(
      (x) => {
        clearTimeout(t);
        resolve(x);
      },
      (e) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export class BridgeClient {
  constructor(
    private readonly messenger: BridgeMessenger,
    private readonly timeoutMs = BRIDGE_TIMEOUT_MS,
  ) {}

  private async call<T>(what: string, check: Check, send: () => Promise<unknown>): Promise<Parsed<T>> {
    let raw: unknown;
    try {
      raw = await withTimeout(send(), this.timeoutMs, what);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    return parseMessage<T>(`${what} answer`, check, raw);
  }

  probe(): Promise<Parsed<ChartProbe>> {
    return this.call<ChartProbe>('probe', checkChartProbe, () => this.messenger.sendMessage('probe', undefined));
  }

  /** The visible range and pane; `ok` with null when the chart has no usable price scale. */
  scale(): Promise<Parsed<ChartScale | null>> {
    return this.call<ChartScale | null>('scale', checkChartScaleOrNull, () => this.messenger.sendMessage('scale', undefined));
  }

  draw(req: DrawRequest): Promise<Parsed<DrawResult>> {
    return this.call<DrawResult>('draw', checkDrawResult, () => this.messenger.sendMessage('draw', req));
  }

  clear(): Promise<Parsed<DrawResult>> {
    return this.call<DrawResult>('clear', checkDrawResult, () => this.messenger.sendMessage('clear', undefined));
  }

  /** Tells the bridge to remove our shapes and stop for good (its page world outlives our content script). */
  stop(): Promise<Parsed<DrawResult>> {
    return this.call<DrawResult>('stop', checkDrawResult, () => this.messenger.sendMessage('stop', undefined));
  }

  /** Chart events pushed by the bridge; malformed ones are dropped. */
  onEvent(cb: (ev: ChartEvent) => void): () => void {
    return this.messenger.onMessage('chartEvent', ({ data }) => {
      const ev = parseMessage<ChartEvent>('chart event', checkChartEvent, data);
      if (ev.ok) cb(ev.value);
    });
  }
}
