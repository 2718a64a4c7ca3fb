/**
 * Keeps the overlay in step with the exchange's chart: finds it (bridge probe, DOM), picks the tier,
 * tracks the price scale while the chart pans and zooms (pixel tier), and pushes the shape plan to the
 * bridge (native tier). Reads happen before writes in every tick, and nothing renders unless the
 * geometry or the data actually changed.
 *
 * The parts: reading the DOM price axis (dom-scale.ts), choosing the tier and probe cadence
 * (tier-decision.ts), applying the native shape plan (native-sync.ts), hover prices (hover.ts).
 */
import type { BridgeClient } from '../bridge/client';
import { eventGate } from '../bridge/event-gate';
import type { ChartProbe, ChartScale } from '../bridge/protocol';
import { domScaleReader, type ScaleRead } from './dom-scale';
import { crosshairHover, pointerHover } from './hover';
import { nativeSync } from './native-sync';
import { rectOf, sameRect } from './pane-rect';
import { makeScale, sameScaleInput, type PaneRect, type ScaleInput } from './scale';
import { scaleRefusal } from './scale-check';
import type { OverlayState, Store } from './store';
import { decideTier, probeEvery } from './tier-decision';

export const POLL_MS = 120;
export const PERF_MEASURE = 'liqlens:overlay-update';
const E2E = import.meta.env.MODE === 'e2e';

/** The pixel tier draws from the price scale; so does the profile view on the native tier (chart-view.ts). */
const tracksScale = (s: OverlayState) => s.tier === 'pixel' || (s.tier === 'native' && s.overlay.chartView === 'profile');

export interface ControllerDeps {
  doc: Document;
  /** Where this exchange's chart sits (its descriptor's chartSelectors), for the DOM scale fallback. */
  chartSelectors: readonly string[];
  client: BridgeClient | null;
  bridgeError?: string;
  store: Store<OverlayState>;
  pollMs?: number;
}

export function startChartController(deps: ControllerDeps): { stop: () => void } {
  const { doc, client, store } = deps;
  const win = doc.defaultView!;
  const pollMs = deps.pollMs ?? POLL_MS;
  let stopped = false;
  let probe: ChartProbe | null = null;
  let probeWhyNot = deps.bridgeError ?? 'chart bridge not started';
  let probes = 0;
  let probing = false;
  let probeAgain = false;
  let probeQueued = false;
  /** Why the widget's scale was last refused (it disagreed with the DOM price axis), null when believed. */
  let scaleRefused: string | null = null;
  let mouse: { x: number; y: number } | null = null;
  const dom = domScaleReader(doc, deps.chartSelectors);
  const native = nativeSync(client, store);
  // Page-controlled timing switch for the overlay bench and the probe marks (`liqlens:probe`, at the frame
  // time of each probe: test/e2e/bridge-flood.test.mjs): e2e build only (the condition is a build-time
  // constant, so the production bundle carries neither the attribute name nor the measuring code).
  const perf = () => E2E && doc.documentElement.hasAttribute('data-liqlens-perf');

  const toInput = (s: ChartScale): ScaleInput => ({ from: s.from, to: s.to, mode: s.mode, inverted: s.inverted, pane: s.pane });

  /**
   * Reads the scale; `t0` is when the synchronous work of this update began (after the bridge's answer
   * arrived, or before reading the DOM axis), so the measured update is our scripting time, not waiting.
   */
  async function readScale(): Promise<{ read: ScaleRead; t0: number }> {
    if (client && probe?.found && probe.canScale) {
      const r = await client.scale();
      const t0 = performance.now();
      if (r.ok && r.value) {
        const input = toInput(r.value);
        if (sameScaleInput(store.get().scale?.input ?? null, input)) return { read: { ok: true, input }, t0 };
        // The page supplied this scale: where the DOM shows price-axis labels too, they must agree.
        const axis = dom.read();
        const why = axis.ok ? scaleRefusal(input, axis.input) : null;
        if (why !== scaleRefused) {
          scaleRefused = why;
          decide();
        }
        return { read: why ? axis : { ok: true, input }, t0 };
      }
    }
    const t0 = performance.now();
    return { read: dom.read(), t0 };
  }

  function applyScale(input: ScaleInput | null, t0: number) {
    const s = store.get();
    if (sameScaleInput(s.scale?.input ?? null, input)) return;
    // The chart rectangle moves the panel: only hand over a new one when it really moved (a pan does not).
    const chartRect = input && !sameRect(s.chartRect, input.pane) ? input.pane : s.chartRect;
    store.set({ scale: input ? makeScale(input) : null, chartRect });
    if (E2E && perf()) performance.measure(PERF_MEASURE, { start: t0, end: performance.now() });
  }

  function decide() {
    const s = store.get();
    const read = dom.read();
    const root = dom.root();
    const next = decideTier({ state: s, probe, probeWhyNot, dom: read, domRect: root ? rectOf(root) : null, scaleRefused });
    if (next.tier !== s.tier && s.tier === 'native') void native.clear();
    store.set(next);
    if (!tracksScale(store.get())) store.set({ scale: null });
    void native.sync();
  }

  /** The widget's pane, or null. */
  async function widgetPane(): Promise<PaneRect | null> {
    const sc = await client!.scale();
    return sc.ok && sc.value ? sc.value.pane : null;
  }

  /** Outside the pixel tier, the chart rectangle follows the chart (a new object only when it moved). */
  function followRect(rect: PaneRect | null) {
    const s = store.get();
    if (rect && s.tier !== 'pixel' && !sameRect(s.chartRect, rect)) store.set({ chartRect: rect });
  }

  /** Probes from the poll wait for the next animation frame: with the event gate's, at most one probe a frame. */
  function requestProbe() {
    if (probeQueued) return;
    probeQueued = true;
    win.requestAnimationFrame((t) => {
      probeQueued = false;
      void doProbe(t);
    });
  }

  /** One probe at a time: asked again while one is out, it runs once more (in a later frame) when that is back. */
  async function doProbe(frameTime = performance.now()) {
    if (!client || stopped) return;
    if (probing) {
      probeAgain = true;
      return;
    }
    probing = true;
    if (E2E && perf()) performance.mark('liqlens:probe', { startTime: frameTime });
    try {
      const r = await client.probe();
      probes += 1;
      if (!r.ok) {
        probe = null;
        probeWhyNot = r.error;
      } else {
        probe = r.value;
        if (!r.value.found) probeWhyNot = r.value.reason;
      }
      decide();
      // Outside the pixel tier nothing polls the widget's pane: take its rectangle now, so the panel and
      // the ladder sit inside the plotting area rather than over the chart's own price axis.
      if (probe?.found && probe.canScale && store.get().tier !== 'pixel') followRect(await widgetPane());
    } finally {
      probing = false;
    }
    if (probeAgain) {
      probeAgain = false;
      requestProbe();
    }
  }

  let ticking = false;
  let tickCount = 0;
  async function tick() {
    if (stopped || ticking || doc.visibilityState !== 'visible') return;
    ticking = true;
    try {
      tickCount += 1;
      const s = store.get();
      if (tracksScale(s) && !s.overlay.hidden) {
        const { read: r, t0 } = await readScale();
        if (r.ok) applyScale(r.input, t0);
        else if (tickCount % 8 === 0) decide(); // lost the scale: maybe another tier now
      } else if (tickCount % 4 === 0) {
        // Keep the panel / ladder on the chart as the page scrolls or resizes (a cheap read twice a second).
        const root = dom.root();
        followRect(client && probe?.found && probe.canScale ? await widgetPane() : root && rectOf(root));
      }
      if (client && tickCount % probeEvery(!!probe?.found, probes) === 0) requestProbe();
    } finally {
      ticking = false;
    }
  }

  function onMouse(e: MouseEvent) {
    mouse = { x: e.clientX, y: e.clientY };
    const s = store.get();
    const hover = pointerHover(s, mouse);
    if (hover === undefined) return;
    if (hover || s.hover) store.set({ hover });
  }

  // The page can forge chart events by the thousand: they come coalesced, at most one batch a frame.
  const onEvents = eventGate(
    (cb) => win.requestAnimationFrame(cb),
    () => performance.now(),
    (b) => {
      if (stopped) return;
      const s = store.get();
      if (b.crosshair && s.tier === 'native') store.set({ hover: crosshairHover(s.chartRect, b.crosshair, mouse) });
      if (!b.change) return;
      // Symbol / interval change, chart lost or recreated: the bridge removed our shapes; re-probe and redraw.
      // After a loss (e.g. the chart type switched away from TradingView) probe often again, as at start.
      if (b.restart) probes = 0;
      native.forget();
      void doProbe();
    },
  );
  const unsubEvent = client?.onEvent(onEvents);

  const unsubStore = store.subscribe((_s, changed) => {
    if (changed.has('overlay')) decide();
    else if (changed.has('view') || changed.has('position') || changed.has('symbol')) void native.sync();
  });

  doc.addEventListener('mousemove', onMouse, { passive: true, capture: true });
  const timer = win.setInterval(() => void tick(), pollMs);
  void doProbe().then(() => void tick());

  return {
    stop() {
      stopped = true;
      win.clearInterval(timer);
      doc.removeEventListener('mousemove', onMouse, { capture: true });
      unsubEvent?.();
      unsubStore();
      void native.clear();
    },
  };
}
