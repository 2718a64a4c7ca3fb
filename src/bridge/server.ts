/**
 * The MAIN-world end of the bridge: answers probe/scale/draw/clear from the content script and tells
 * it when the chart's symbol or interval changes. Runs in the untrusted page, so it validates every
 * request and only ever removes shapes it created itself.
 *
 * A watchdog (every EVICTION_CHECK_MS) re-reads getAllShapes() and redraws the last plan when the host
 * removed our shapes without telling us (with back-off, redraw-backoff.ts); it notices at once when the
 * chart went away (OKX's "Original" chart has no TradingView frame) and when a new one appears (at once
 * after a loss, within 2 s otherwise), and tells the content script ('lost' / 'recreated').
 */
import type { BridgeMessenger } from './messenger';
import { findWidget, paneRect, stillPublished, type FoundWidget } from './find-widget';
import {
  checkDrawRequest,
  normaliseChartSymbol,
  parseMessage,
  type ChartEvent,
  type ChartProbe,
  type ChartScale,
  type DrawRequest,
  type DrawResult,
} from './protocol';
import { EVICTION_CHECK_MS, RedrawBackoff } from './redraw-backoff';
import { ShapeRegistry } from './shape-registry';
import { canDraw, type TvSubscription } from './tv-api';

interface Attached extends FoundWidget {
  registry: ShapeRegistry | null;
  detach: () => void;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** A pointer position inside the chart frame, in top-window viewport px (null when not plausible). */
export function pointerInTop(frame: HTMLIFrameElement, p: { x: number; y: number }): { x: number; y: number } | null {
  const r = safe(() => frame.getBoundingClientRect(), null);
  if (!r) return null;
  const x = Math.round(r.left + frame.clientLeft + p.x);
  const y = Math.round(r.top + frame.clientTop + p.y);
  return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 1e5 && Math.abs(y) <= 1e5 ? { x, y } : null;
}

/** The watchdog redraws only while the content script was heard from this recently. */
export const CONTENT_SILENT_MS = 60_000;

export interface BridgeServerOptions {
  /** Watchdog period (ms); EVICTION_CHECK_MS unless a test says otherwise. */
  checkMs?: number;
  /** Clock for the redraw back-off (ms). */
  now?: () => number;
}

export function startBridgeServer(top: Window, messenger: BridgeMessenger, opts: BridgeServerOptions = {}): { stop: () => void } {
  const now = opts.now ?? (() => Date.now());
  let attached: Attached | null = null;
  let lastPlan: DrawRequest | null = null;
  let lastReason = 'not probed yet';
  let stopped = false;
  /** A chart was attached once: watch for the next one after it goes (chart type switched back). */
  let everAttached = false;
  let redrawing = false;
  let looks = 0;
  /**
   * When the content script last asked anything (it probes every few seconds while its tab is visible).
   * A bridge orphaned by a content script that vanished without `stop` never redraws on its own.
   */
  let lastHeard = -Infinity;
  const backoff = new RedrawBackoff();

  const send = (ev: ChartEvent) => {
    if (stopped) return;
    void messenger.sendMessage('chartEvent', ev).catch(() => {});
  };
  const chartSymbol = (a: FoundWidget) => normaliseChartSymbol(safe(() => a.chart.symbol(), ''));
  const chartResolution = (a: FoundWidget) => String(safe(() => a.chart.resolution(), '')).slice(0, 16);

  function attach(found: FoundWidget): Attached {
    const subs: [TvSubscription<any> | undefined, (arg: any) => void][] = [];
    const on = <T>(sub: TvSubscription<T> | undefined, cb: (arg: T) => void) => {
      if (!sub) return;
      safe(() => sub.subscribe(null, cb), undefined);
      subs.push([sub, cb]);
    };
    // A chart in a frame: the top document sees no mouse events over it, so the pointer is taken here.
    let pointer: { x: number; y: number } | null = null;
    const onPointer = (e: MouseEvent) => {
      pointer = { x: e.clientX, y: e.clientY };
    };
    const frameDoc = found.frame ? safe(() => found.win.document, null) : null;
    frameDoc?.addEventListener('mousemove', onPointer, { capture: true, passive: true });
    const a: Attached = {
      ...found,
      registry: canDraw(found.chart) ? new ShapeRegistry(found.chart) : null,
      detach: () => {
        subs.forEach(([s, cb]) => safe(() => s?.unsubscribe(null, cb), undefined));
        frameDoc?.removeEventListener('mousemove', onPointer, { capture: true });
      },
    };
    // Symbol or interval change: our shapes belong to the old chart content. Remove them; redraw the
    // last plan at once on an interval change (same symbol), wait for a new plan on a symbol change.
    on(safe(() => found.chart.onSymbolChanged?.(), undefined), () => {
      a.registry?.clear();
      lastPlan = null;
      send({ kind: 'symbol', symbol: chartSymbol(a), resolution: chartResolution(a) });
    });
    on(safe(() => found.chart.onIntervalChanged?.(), undefined), () => {
      a.registry?.clear();
      if (lastPlan && lastPlan.symbol === chartSymbol(a)) void a.registry?.apply(lastPlan.shapes);
      send({ kind: 'interval', symbol: chartSymbol(a), resolution: chartResolution(a) });
    });
    on(safe(() => found.chart.onVisibleRangeChanged?.(), undefined), () => {
      a.registry?.followTime();
    });
    let pendingPrice: number | null | undefined;
    on(safe(() => found.chart.crossHairMoved?.(), undefined), (p: { price?: number }) => {
      const first = pendingPrice === undefined;
      pendingPrice = typeof p?.price === 'number' && Number.isFinite(p.price) && p.price > 0 ? p.price : null;
      if (first) {
        // One message per frame at most, whatever the mouse does.
        top.requestAnimationFrame(() => {
          const price = pendingPrice ?? null;
          pendingPrice = undefined;
          const at = found.frame && pointer ? pointerInTop(found.frame, pointer) : null;
          send(at ? { kind: 'crosshair', price, ...at } : { kind: 'crosshair', price });
        });
      }
    });
    return a;
  }

  const stillThere = (a: Attached) => stillPublished(a);

  /** The chart went away (usually taking our shapes with it; any left on a replaced widget are removed). */
  function lose(a: Attached) {
    a.detach();
    a.registry?.clear();
    attached = null;
    lastPlan = null;
    send({ kind: 'lost', symbol: '', resolution: '' });
  }

  function tryAttach(): Attached | null {
    const found = findWidget(top);
    if ('reason' in found) {
      lastReason = found.reason;
      return null;
    }
    attached = attach(found);
    everAttached = true;
    backoff.reset();
    return attached;
  }

  /** The current chart, re-validated: the exchange may recreate the widget (symbol switch, layout). */
  function current(): Attached | null {
    if (attached) {
      if (stillThere(attached)) return attached;
      lose(attached);
    }
    return tryAttach();
  }

  /** The watchdog: chart gone or replaced, shapes evicted by the host. Cheap when nothing changed. */
  function watch() {
    if (stopped) return;
    const a = attached;
    if (a && !stillThere(a)) lose(a);
    if (!attached) {
      // Once a chart was seen, look for its successor at every check; before that every fourth (the
      // content script probes often at start), so a page that starts without one still finds it soon.
      looks += 1;
      if ((everAttached || looks % 4 === 0) && tryAttach()) {
        const b = attached as Attached | null;
        if (b) send({ kind: 'recreated', symbol: chartSymbol(b), resolution: chartResolution(b) });
      }
      return;
    }
    const reg = attached.registry;
    const plan = lastPlan;
    if (!reg || !plan || redrawing || now() - lastHeard > CONTENT_SILENT_MS) return;
    const missing = reg.missing();
    // Only the plan's own chart: after a silent symbol switch the shapes belong to another market.
    if (missing > 0 && chartSymbol(attached) !== plan.symbol) return;
    if (!backoff.check(now(), missing > 0)) return;
    redrawing = true;
    void reg
      .apply(plan.shapes)
      .catch(() => undefined)
      .finally(() => {
        redrawing = false;
      });
  }

  function probe(): ChartProbe {
    const a = current();
    if (!a) return { found: false, reason: lastReason };
    return {
      found: true,
      via: a.via.slice(0, 120),
      symbol: chartSymbol(a),
      resolution: chartResolution(a),
      canDraw: a.registry !== null,
      canScale: readScale(a) !== null,
    };
  }

  function readScale(a: Attached): ChartScale | null {
    return safe(() => {
      const pane = a.chart.getPanes()[0];
      const ps = pane?.getMainSourcePriceScale();
      const range = ps?.getVisiblePriceRange();
      const mode = ps?.getMode();
      const height = pane?.getHeight();
      // Percentage / indexed modes do not map prices to pixels: no scale rather than a wrong one.
      if (!pane || !ps || !range || (mode !== 0 && mode !== 1) || typeof height !== 'number' || !(height > 0)) return null;
      if (!(Number.isFinite(range.from) && Number.isFinite(range.to) && range.from > 0 && range.to > range.from)) return null;
      const rect = paneRect(a, height);
      return {
        from: range.from,
        to: range.to,
        mode: mode === 1 ? 'log' : 'linear',
        inverted: safe(() => ps.isInverted?.() === true, false),
        pane: rect,
      } satisfies ChartScale;
    }, null);
  }

  async function draw(data: unknown): Promise<DrawResult> {
    const req = parseMessage<DrawRequest>('draw request', checkDrawRequest, data);
    if (!req.ok) return { kind: 'refused', reason: req.error.slice(0, 120) };
    const a = current();
    if (!a) return { kind: 'refused', reason: lastReason.slice(0, 120) };
    if (!a.registry) return { kind: 'refused', reason: 'chart API cannot draw shapes' };
    const sym = chartSymbol(a);
    // Never draw one symbol's map on another symbol's chart (the chart may lag the URL).
    if (sym && sym !== req.value.symbol) return { kind: 'refused', reason: `chart shows ${sym}, not ${req.value.symbol}` };
    lastPlan = req.value;
    try {
      return { kind: 'drawn', ...(await a.registry.apply(req.value.shapes)) };
    } catch (err) {
      return { kind: 'refused', reason: `drawing failed: ${String(err)}`.slice(0, 120) };
    }
  }

  function clear(): DrawResult {
    lastPlan = null;
    const removed = attached?.registry?.clear() ?? 0;
    return { kind: 'drawn', created: 0, updated: 0, removed };
  }

  const heard = () => {
    lastHeard = now();
  };
  messenger.onMessage('probe', () => (heard(), probe()));
  messenger.onMessage('scale', () => {
    heard();
    const a = current();
    return a ? readScale(a) : null;
  });
  messenger.onMessage('draw', ({ data }) => (heard(), draw(data)));
  messenger.onMessage('clear', () => (heard(), clear()));

  /**
   * The bridge lives in the page, so it outlives an invalidated content script (extension reloaded or
   * updated): without this it would keep its chart subscriptions and post a crosshair message every frame
   * to nobody, one more bridge per reload.
   */
  function stop(): DrawResult {
    const result = clear();
    stopped = true;
    top.clearInterval(watchdog);
    attached?.detach();
    attached = null;
    messenger.removeAllListeners();
    return result;
  }
  messenger.onMessage('stop', () => stop());
  const watchdog = top.setInterval(watch, opts.checkMs ?? EVICTION_CHECK_MS);

  return { stop: () => void stop() };
}
