/**
 * Keeps the overlay in step with the exchange's chart: finds it (bridge probe, DOM), picks the tier,
 * tracks the price scale while the chart pans and zooms (pixel tier), and pushes the shape plan to the
 * bridge (native tier). Reads happen before writes in every tick, and nothing renders unless the
 * geometry or the data actually changed.
 */
import type { BridgeClient } from '../bridge/client';
import type { ChartProbe, ChartScale, DrawRequest } from '../bridge/protocol';
import type { Exchange } from '../engine/types';
import { findAxis, readAxis } from './axis-labels';
import { calibrate, calibrationToScale } from './calibrate';
import { findChartRoot } from './chart-anchors';
import { derived } from './derive';
import { nativePlan } from './native-plan';
import { makeScale, sameScaleInput, type PaneRect, type ScaleInput } from './scale';
import type { OverlayState, Store } from './store';
import { chooseTier } from './tier';

export const POLL_MS = 120;
export const PERF_MEASURE = 'liqlens:overlay-update';

export interface ControllerDeps {
  doc: Document;
  exchange: Exchange;
  client: BridgeClient | null;
  bridgeError?: string;
  store: Store<OverlayState>;
  pollMs?: number;
}

type ScaleRead = { ok: true; input: ScaleInput } | { ok: false; reason: string };

export function startChartController(deps: ControllerDeps): { stop: () => void } {
  const { doc, exchange, client, store } = deps;
  const win = doc.defaultView!;
  const pollMs = deps.pollMs ?? POLL_MS;
  let stopped = false;
  let probe: ChartProbe | null = null;
  let probeWhyNot = deps.bridgeError ?? 'chart bridge not started';
  let probes = 0;
  let axis: Element | null = null;
  let domRoot: Element | null = null;
  let lastSentPlan = '';
  let drawing = false;
  let mouse: { x: number; y: number } | null = null;
  const derive = derived();
  // Page-controlled timing switch for the overlay bench: e2e build only (the condition is a build-time
  // constant, so the production bundle carries neither the attribute name nor the measuring code).
  const perf = () => import.meta.env.MODE === 'e2e' && doc.documentElement.hasAttribute('data-liqlens-perf');

  const toInput = (s: ChartScale): ScaleInput => ({ from: s.from, to: s.to, mode: s.mode, inverted: s.inverted, pane: s.pane });

  /** Scale from the DOM price axis (charts whose widget is out of reach). */
  function domScale(): ScaleRead {
    if (!domRoot || !domRoot.isConnected) {
      domRoot = findChartRoot(doc, exchange);
      axis = null;
    }
    if (!domRoot) return { ok: false, reason: 'no chart element found' };
    if (!axis || !axis.isConnected) axis = findAxis(domRoot);
    if (!axis) return { ok: false, reason: 'no readable price axis' };
    const reading = readAxis(axis);
    const cal = calibrate(reading.points);
    if (cal.kind === 'none') {
      axis = null; // re-discover next time: the chart may have re-rendered its axis elsewhere
      return { ok: false, reason: cal.reason };
    }
    const root = domRoot.getBoundingClientRect();
    const pane: PaneRect = { left: root.left, top: reading.rect.top, width: Math.max(1, reading.rect.left - root.left), height: reading.rect.height };
    const input = calibrationToScale(cal, pane);
    return input ? { ok: true, input } : { ok: false, reason: 'price axis calibration out of range' };
  }

  /**
   * Reads the scale; `t0` is when the synchronous work of this update began (after the bridge's answer
   * arrived, or before reading the DOM axis), so the measured update is our scripting time, not waiting.
   */
  async function readScale(): Promise<{ read: ScaleRead; t0: number }> {
    if (client && probe?.found && probe.canScale) {
      const r = await client.scale();
      const t0 = performance.now();
      if (r.ok && r.value) return { read: { ok: true, input: toInput(r.value) }, t0 };
    }
    const t0 = performance.now();
    return { read: domScale(), t0 };
  }

  function applyScale(input: ScaleInput | null, t0: number) {
    const s = store.get();
    if (sameScaleInput(s.scale?.input ?? null, input)) return;
    // The chart rectangle moves the panel: only hand over a new one when it really moved (a pan does not).
    const chartRect = input && !sameRect(s.chartRect, input.pane) ? input.pane : s.chartRect;
    store.set({ scale: input ? makeScale(input) : null, chartRect });
    if (perf()) performance.measure(PERF_MEASURE, { start: t0, end: performance.now() });
  }

  function decide() {
    const s = store.get();
    const native = !!(probe?.found && probe.canDraw);
    const dom = domScale();
    const pixel = !!(probe?.found && probe.canScale) || dom.ok;
    const { tier, reason } = chooseTier(s.overlay.mode, {
      native,
      pixel,
      nativeWhyNot: probe?.found ? 'chart API cannot draw' : probeWhyNot,
      pixelWhyNot: dom.ok ? '' : dom.reason,
    });
    if (tier !== s.tier && s.tier === 'native') void clearNative();
    // The widget's pane (taken in doProbe) beats the DOM chart root, which includes the price axis.
    const seen = dom.ok ? dom.input.pane : probe?.found && probe.canScale ? null : domRoot ? rectOf(domRoot) : null;
    const chartRect = seen && !sameRect(s.chartRect, seen) ? seen : s.chartRect;
    store.set({ tier, tierReason: reason, chartVia: probe?.found ? probe.via : null, chartRect });
    if (tier !== 'pixel') store.set({ scale: null });
    void syncNative();
  }

  const sameRect = (a: PaneRect | null, b: PaneRect) => !!a && a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;

  const rectOf = (el: Element): PaneRect => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  };

  async function doProbe() {
    if (!client) return;
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
    if (probe?.found && probe.canScale && store.get().tier !== 'pixel') {
      const sc = await client.scale();
      const s = store.get();
      if (sc.ok && sc.value && s.tier !== 'pixel' && !sameRect(s.chartRect, sc.value.pane)) store.set({ chartRect: sc.value.pane });
    }
  }

  async function clearNative() {
    lastSentPlan = '';
    if (client) await client.clear();
  }

  /** The shape plan for the current state, or null when nothing should be drawn. */
  function currentPlan(): DrawRequest | null {
    const s = store.get();
    const analysis = s.view?.analysis ?? null;
    if (s.overlay.hidden || !analysis || !s.symbol) return null;
    const { bands, marks } = derive(analysis, s.position);
    return nativePlan(s.symbol, bands, marks, s.overlay.opacity);
  }

  /** Native tier: send the plan when it changed (the bridge updates shapes in place). */
  async function syncNative(): Promise<void> {
    const s = store.get();
    if (!client || s.tier !== 'native' || drawing) return;
    const plan = currentPlan();
    if (!plan) {
      if (lastSentPlan !== '') await clearNative();
      store.set({ nativeStatus: s.overlay.hidden ? 'hidden' : 'waiting for data' });
      return;
    }
    const json = JSON.stringify(plan);
    if (json === lastSentPlan) return;
    drawing = true;
    try {
      const r = await client.draw(plan);
      if (!r.ok) store.set({ nativeStatus: r.error });
      else if (r.value.kind === 'refused') store.set({ nativeStatus: `not drawn: ${r.value.reason}` });
      else {
        lastSentPlan = json;
        store.set({ nativeStatus: `${plan.shapes.length} shapes (${r.value.created} new, ${r.value.updated} moved, ${r.value.removed} removed)` });
      }
    } finally {
      drawing = false;
    }
    // The data may have changed while the bridge was drawing: converge.
    const next = currentPlan();
    if (lastSentPlan !== '' && next && JSON.stringify(next) !== lastSentPlan) void syncNative();
  }

  let ticking = false;
  let tickCount = 0;
  async function tick() {
    if (stopped || ticking || doc.visibilityState !== 'visible') return;
    ticking = true;
    try {
      tickCount += 1;
      const s = store.get();
      if (s.tier === 'pixel' && !s.overlay.hidden) {
        const { read: r, t0 } = await readScale();
        if (r.ok) applyScale(r.input, t0);
        else if (tickCount % 8 === 0) decide(); // lost the scale: maybe another tier now
      } else if (tickCount % 4 === 0) {
        // Keep the panel / ladder on the chart as the page scrolls or resizes (a cheap read twice a second).
        let rect: PaneRect | null = null;
        if (client && probe?.found && probe.canScale) {
          const sc = await client.scale();
          rect = sc.ok && sc.value ? sc.value.pane : null;
        } else if (domRoot?.isConnected) rect = rectOf(domRoot);
        if (rect && store.get().tier !== 'pixel' && !sameRect(store.get().chartRect, rect)) store.set({ chartRect: rect });
      }
      // Until the chart is found: every ~¼ s for 10 s (charts load late), then ~1 s for half a minute;
      // otherwise (found, or a page without a reachable widget) every few seconds, to notice a recreated chart.
      const probeEvery = probe?.found ? 40 : probes < 40 ? 2 : probes < 70 ? 8 : 40;
      if (client && tickCount % probeEvery === 0) await doProbe();
    } finally {
      ticking = false;
    }
  }

  function onMouse(e: MouseEvent) {
    mouse = { x: e.clientX, y: e.clientY };
    const s = store.get();
    if (s.tier !== 'pixel' || !s.scale) return;
    const p = s.scale.input.pane;
    const inside = e.clientX >= p.left && e.clientX <= p.left + p.width && e.clientY >= p.top && e.clientY <= p.top + p.height;
    const hover = inside ? { price: s.scale.price(e.clientY), x: e.clientX, y: e.clientY } : null;
    if (hover || s.hover) store.set({ hover });
  }

  const unsubEvent = client?.onEvent((ev) => {
    if (ev.kind === 'crosshair') {
      const s = store.get();
      if (s.tier !== 'native') return;
      const r = s.chartRect;
      // Over a chart frame the top document gets no mousemove: the bridge says where the pointer is.
      const at = ev.x !== undefined && ev.y !== undefined ? { x: ev.x, y: ev.y } : (mouse ?? (r ? { x: r.left + 40, y: r.top + 40 } : { x: 40, y: 80 }));
      store.set({ hover: ev.price === null ? null : { price: ev.price, ...at } });
      return;
    }
    // Symbol / interval change or chart lost: the bridge removed our shapes; re-probe and redraw.
    lastSentPlan = '';
    void doProbe();
  });

  const unsubStore = store.subscribe((_s, changed) => {
    if (changed.has('overlay')) decide();
    else if (changed.has('view') || changed.has('position') || changed.has('symbol')) void syncNative();
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
      void clearNative();
    },
  };
}
